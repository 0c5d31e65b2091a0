#!/usr/bin/env python3
"""Helpers of run.sh (standard library only).

    peers.py make-db FABRIQUES_SQLITE DATASETTE_DB     copy our places into a flat table for Datasette
    peers.py expected DATASETTE_DB LAT LON KM SERVICE WORD
                                                       exact-radius and bounding-box counts (JSON)
    peers.py box LAT LON KM                            the bounding box, as "lat_min lat_max lon_min lon_max"
    peers.py total-ours FILE | total-canned FILE | total-table FILE   the total a response reports
    peers.py wrk FILE                                  wrk --latency output as one JSON object
"""

import json
import math
import re
import sqlite3
import sys
import unicodedata

EARTH_RADIUS_KM = 6371.0088  # the server's GeoPoint.earthRadiusKilometres


def fold(text):
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def haversine(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    dlat, dlon = (lat2 - lat1) * r, (lon2 - lon1) * r
    a = math.sin(dlat / 2) ** 2 + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def box(lat, lon, km):
    dlat = km / 111.2
    dlon = km / (111.2 * math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def make_db(source, target):
    db = sqlite3.connect(target, uri=True)
    db.executescript(f"""
        attach database 'file:{source}?mode=ro' as src;
        drop table if exists main.places;
        create table main.places (
            id integer primary key, external_id text, name text not null, commune_code text not null,
            commune_name text, department_code text not null, latitude real not null, longitude real not null,
            kinds text, services text, address text, postal_code text);
        insert into main.places select id, external_id, name, commune_code, commune_name, department_code, latitude, longitude,
            kinds, services, address, postal_code from src.places order by id;
        create index main.places_lat_lon on places(latitude, longitude);
        analyze main;
    """)
    db.commit()
    count = db.execute("select count(*) from places").fetchone()[0]
    db.execute("detach database src")
    db.execute("vacuum")
    db.close()
    print(count)


def expected(path, lat, lon, km, service, word):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    lat_min, lat_max, lon_min, lon_max = box(lat, lon, km)
    word_folded = fold(word)
    radius = in_box = radius_no_word = 0
    for plat, plon, name, services in db.execute(
            "select latitude, longitude, name, services from places where latitude between ? and ? and longitude between ? and ?",
            (lat_min, lat_max, lon_min, lon_max)):
        has_service = service in (services or "").split("|")
        inside = haversine(lat, lon, plat, plon) <= km
        if has_service and inside:
            radius_no_word += 1
        if not has_service or word_folded not in fold(name):
            continue
        in_box += 1
        radius += inside
    print(json.dumps({"radius": radius, "box": in_box, "radius_without_word": radius_no_word}))


def wrk(path):
    text = open(path, encoding="utf-8").read()
    def duration_ms(value):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for percentile in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", text, re.M)
        result[f"p{percentile}_ms"] = duration_ms(match.group(1)) if match else None
    match = re.search(r"(\d+) requests in", text)
    result["requests"] = int(match.group(1)) if match else None
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    result["non_2xx"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: (.*)", text)
    result["socket_errors"] = match.group(1).strip() if match else ""
    match = re.search(r"Transfer/sec:\s+(\S+)", text)
    result["transfer_per_s"] = match.group(1) if match else None
    print(json.dumps(result))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make-db":
        make_db(args[0], args[1])
    elif command == "expected":
        expected(args[0], float(args[1]), float(args[2]), float(args[3]), args[4], args[5])
    elif command == "box":
        print(" ".join(f"{v:.6f}" for v in box(float(args[0]), float(args[1]), float(args[2]))))
    elif command == "total-ours":
        print(json.load(open(args[0]))["total"])
    elif command == "total-canned":
        rows = json.load(open(args[0]))["rows"]
        print(rows[0]["total"] if rows else 0)
    elif command == "total-table":
        print(json.load(open(args[0]))["filtered_table_rows_count"])
    elif command == "wrk":
        wrk(args[0])
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
