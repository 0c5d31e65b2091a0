#!/usr/bin/env python3
"""PostGIS peer for "population within R km of every commune and of every place".

Loads the communes (kind COM) and a place set into PostGIS as geography points with GiST indexes,
then times, per radius, the same computation as CoverageBench: for each commune and each place, the
population of the communes within R (ST_DWithin on the sphere, use_spheroid = false). Only the server
time of the queries counts (psql \\timing), loading and indexing excluded. The per-row sums are added
up server-side so that the check against Swift is one number per radius.

Usage: postgis_peer.py DATABASE_URL PLACES.csv [radius ...] [--timeout-s N] [--skip-communes]
"""
import csv, json, re, subprocess, sys, tempfile
from pathlib import Path

COMMUNES = Path(__file__).resolve().parents[2] / "Sources/Territory/Resources/communes.tsv"


def psql(url, sql, timing=False):
    script = ("\\timing on\n" if timing else "") + sql
    out = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"], input=script,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return out.stdout


def main():
    args = [a for a in sys.argv[1:]]
    timeout = 600
    # The communes' own query does not depend on the place set: run it once.
    skip_communes = "--skip-communes" in args
    args = [a for a in args if a != "--skip-communes"]
    if "--timeout-s" in args:
        i = args.index("--timeout-s"); timeout = int(args[i + 1]); del args[i:i + 2]
    url, places_path = args[0], args[1]
    radii = [float(r) for r in args[2:]] or [5, 10, 20, 30]
    with tempfile.TemporaryDirectory() as tmp:
        communes_csv = Path(tmp) / "communes.csv"
        with open(COMMUNES, encoding="utf-8") as f, open(communes_csv, "w") as o:
            for r in csv.DictReader(f, delimiter="\t"):
                if r["kind"] == "COM":
                    o.write(f"{r['code']},{r['population']},{r['lat']},{r['lon']}\n")
        psql(url, f"""
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS cov_communes, cov_places;
CREATE TABLE cov_communes (code text PRIMARY KEY, population bigint, lat float8, lon float8, geog geography(Point, 4326));
CREATE TABLE cov_places (id serial PRIMARY KEY, lat float8, lon float8, fab int, geog geography(Point, 4326));
\\copy cov_communes (code, population, lat, lon) FROM '{communes_csv}' WITH (FORMAT csv)
\\copy cov_places (lat, lon, fab) FROM '{places_path}' WITH (FORMAT csv)
UPDATE cov_communes SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;
UPDATE cov_places SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;
CREATE INDEX ON cov_communes USING gist (geog);
CREATE INDEX ON cov_places USING gist (geog);
VACUUM ANALYZE cov_communes; VACUUM ANALYZE cov_places;
""")
    results = []
    for radius in radii:
        metres = radius * 1000
        row = {"radius_km": radius}
        for name, outer in (("communes", "cov_communes"), ("places", "cov_places")):
            if name == "communes" and skip_communes:
                continue
            sql = (f"SET statement_timeout = '{timeout}s';\n"
                   f"SELECT COALESCE(SUM(s), 0) FROM (SELECT o.ctid, SUM(c.population) AS s FROM {outer} o "
                   f"JOIN cov_communes c ON ST_DWithin(o.geog, c.geog, {metres}, false) GROUP BY o.ctid) t;\n")
            try:
                out = psql(url, sql, timing=True)
                times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
                total = int(next(line for line in out.splitlines() if line and not line.startswith("Time")))
                row[f"{name}_ms"] = times[-1]; row[f"{name}_sum"] = total
            except RuntimeError as error:
                row[f"{name}_ms"] = None; row[f"{name}_error"] = str(error).strip()[:200]
        results.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(json.dumps({"places_file": places_path, "population_within": results}))


if __name__ == "__main__":
    main()
