#!/usr/bin/env python3
"""Builds the territory reference shipped in Sources/Territory/Resources from ../shared/data.

Run from the repository root: python3 tools/build-territory.py [SHARED_DATA_DIR]
The output is committed; the server never reads ../shared at run time.
"""
import csv, os, shutil, sys, unicodedata


def fold(text):
    """Same folding as FrenchText.fold in Swift: lower case, no diacritics, ligatures expanded,
    every run of non-alphanumeric characters turned into one space."""
    text = unicodedata.normalize("NFKD", text.lower()).replace("œ", "oe").replace("æ", "ae")
    out, pending = [], False
    for ch in text:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            if pending and out:
                out.append(" ")
            pending = False
            out.append(ch)
        else:
            pending = True
    return "".join(out)

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
out = os.path.join("Sources", "Territory", "Resources")
os.makedirs(out, exist_ok=True)

def rows(path):
    with open(os.path.join(src, path), newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)

typology = {r["code_insee"]: r for r in rows("typologies-communes/typologies_communes.csv")}
qpv_by_commune = {}
for r in rows("qpv/qpv2024_communes.csv"):
    qpv_by_commune.setdefault(r["code_insee"], []).append(r["code_qp"])

with open(os.path.join(out, "communes.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("code\tname\tkind\tdep\treg\tparent\tpopulation\tlat\tlon\tdensity7\trural\tqpv\tsearch_name\n")
    for r in rows("communes/communes.csv"):
        t = typology.get(r["code_insee"]) or typology.get(r["commune_parente"]) or {}
        qpv = qpv_by_commune.get(r["code_insee"], [])
        f.write("\t".join([
            r["code_insee"], r["nom"], r["type"], r["dep_code"], r["reg_code"], r["commune_parente"],
            r["population_municipale"], r["latitude"], r["longitude"],
            t.get("grille_densite_7", ""), t.get("rural", ""), ",".join(qpv), fold(r["nom"]),
        ]) + "\n")

with open(os.path.join(out, "departements.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("code\tname\treg\tprefecture\tpopulation\tlat\tlon\n")
    for r in rows("departements-regions/departements.csv"):
        f.write("\t".join([r["dep_code"], r["dep_nom"], r["reg_code"], r["cheflieu_code_insee"],
                           r["population_municipale"], r["latitude_centroide"], r["longitude_centroide"]]) + "\n")

with open(os.path.join(out, "regions.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("code\tname\tprefecture\tpopulation\n")
    for r in rows("departements-regions/regions.csv"):
        f.write("\t".join([r["reg_code"], r["reg_nom"], r["cheflieu_code_insee"], r["population_municipale"]]) + "\n")

with open(os.path.join(out, "qpv.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("code\tname\tdep\tcommunes\n")
    for r in rows("qpv/qpv2024.csv"):
        f.write("\t".join([r["code_qp"], r["lib_qp"], r["dep_code"], r["codes_insee"].replace(";", ",")]) + "\n")

with open(os.path.join(out, "postal-codes.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("postal_code\tcode\n")
    seen = set()
    for r in rows("codes-postaux/codes_postaux.csv"):
        key = (r["code_postal"], r["code_insee"])
        if key not in seen:
            seen.add(key)
            f.write(f"{r['code_postal']}\t{r['code_insee']}\n")

for name in ("departements-france-drom-anct.geojson", "regions-france-drom-anct.geojson"):
    shutil.copy(os.path.join(src, "contours-france", name), os.path.join(out, name))
print("territory reference written to", out)
