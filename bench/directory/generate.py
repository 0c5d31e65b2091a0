#!/usr/bin/env python3
"""Synthetic directory of places in the national standard "Lieux de médiation numérique" (CSV).

Places are spread like the French population: each row picks a commune (kind COM of the commune
reference) with probability proportional to its population, then a position jittered by a few km
around the commune's centroid. Names are made of words drawn with fixed weights, so that a one-word
text search hits a known share of names (the query word "ruche" is in about 3.5 % of them).

Deterministic: the same --seed gives the same file, and the first N rows of a file of M > N rows are
the file of N rows.

    python3 bench/directory/generate.py --count 50000 --out /tmp/places-50000.csv [--seed 20240601]
"""

import argparse
import bisect
import csv
import math
import random
import sys
import unicodedata
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "Sources" / "Territory" / "Resources"

HEADER = [
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude",
    "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
    "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
    "modalites_accompagnement", "fiche_acces_libre", "prise_rdv", "types_tiers_lieu",
]

# Services of the standard with weights close to their frequency in the national data (the first
# three are offered by most places, the last by few).
SERVICES = [
    ("Accès internet et matériel informatique", 30),
    ("Maîtrise des outils numériques du quotidien", 28),
    ("Aide aux démarches administratives", 25),
    ("Utilisation sécurisée du numérique", 10),
    ("Compréhension du monde numérique", 8),
    ("Insertion professionnelle via le numérique", 8),
    ("Loisirs et créations numériques", 8),
    ("Parentalité et éducation avec le numérique", 5),
    ("Acquisition de matériel informatique à prix solidaire", 3),
]

KINDS = [
    ("mediation_numerique", 35), ("coworking", 20), ("autre", 12), ("fablab", 10), ("atelier_partage", 10),
    ("friche_culturelle", 5), ("tiers_lieu_nourricier", 5), ("living_lab", 3),
]

# First word(s) of a name. "La Ruche" carries the benchmark's query word; its weight sets the share.
HEADS = [
    ("Espace", 12), ("Atelier", 10), ("Maison", 8), ("Tiers-lieu", 8), ("Café", 6), ("Fabrique", 6),
    ("Médiathèque", 6), ("Point", 5), ("Centre social", 5), ("Labo", 4), ("Relais", 4), ("La Ruche", 4),
    ("Cantine", 3), ("Forge", 3), ("Hangar", 3), ("Grange", 3), ("Station", 3), ("Comptoir", 3), ("Friche", 3),
    ("Usine", 2), ("Bureau", 2), ("Quai", 2), ("Garage", 2), ("Remise", 2),
]
QUALIFIERS = [
    "numérique", "partagé", "solidaire", "collaboratif", "citoyen", "créatif", "commun", "des possibles", "du lien",
    "des savoirs", "des communs", "des initiatives", "des familles", "des voisins", "du coin", "des métiers", "connecté",
    "ouvert", "nomade", "rural", "des arts", "du faire", "des idées", "des projets", "en transition", "coopératif",
]
NAMESAKES = [
    "Jean Moulin", "Victor Hugo", "Jules Ferry", "Louise Michel", "Simone Veil", "Jean Jaurès", "Marie Curie", "Pasteur",
    "Aimé Césaire", "George Sand", "Colette", "Rosa Parks", "Condorcet", "Voltaire", "Molière", "Lamartine", "Prévert",
    "du Moulin", "de la Gare", "du Château", "des Tilleuls", "du Marché", "de la Halle", "du Port", "des Lavandières",
    "du Pont", "des Remparts", "du Bourg", "des Prés", "du Lavoir", "de l'Abbaye", "des Forges", "du Canal", "de la Poste",
    "des Vignes", "du Verger", "des Écluses", "de la Filature", "des Tanneurs", "du Cloître",
]
STREET_TYPES = ["rue", "avenue", "place", "boulevard", "chemin", "allée", "impasse", "route", "quai", "cours"]
STREET_NAMES = [
    "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "des Écoles", "de la Gare", "Pasteur",
    "des Lilas", "du Moulin", "de l'Église", "Gambetta", "du Stade", "de la Mairie", "des Acacias", "de Verdun",
    "du 8 Mai 1945", "de la Liberté", "des Peupliers", "Anatole France", "du Marché", "de la Paix", "Carnot",
    "des Jardins", "du Four", "de Bretagne", "Émile Zola", "Paul Bert", "Saint-Martin", "du Lavoir", "des Vergers",
]
SUMMARIES = [
    "Accompagnement aux usages du numérique pour tous les publics.",
    "Lieu partagé ouvert aux habitants, aux associations et aux entrepreneurs.",
    "Ateliers, permanences et équipements en accès libre.",
    "Un lieu convivial pour travailler, apprendre et faire ensemble.",
]


def weighted(pairs):
    values = [value for value, _ in pairs]
    cumulative = list(accumulate(weight for _, weight in pairs))
    return values, cumulative


def pick(rng, values, cumulative):
    return values[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]


def fold(text):
    """Accents, case and everything but letters and digits removed: a key at least as coarse as the server's."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def load_communes():
    postal = {}
    with open(RESOURCES / "postal-codes.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            postal.setdefault(row["code"], row["postal_code"])
    communes = []
    children = {}
    with open(RESOURCES / "communes.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["kind"] == "COM":
                communes.append(row)
            elif row.get("parent"):
                children.setdefault(row["parent"], []).append(row["code"])
    result = []
    for row in communes:
        population = int(row["population"] or 0)
        if population <= 0:
            continue
        code = postal.get(row["code"])
        if code is None:  # Paris, Lyon, Marseille: the postal codes belong to the arrondissements.
            code = next((postal[c] for c in sorted(children.get(row["code"], [])) if c in postal), None)
        if code is None:
            continue
        result.append((row["code"], row["name"], code, float(row["lat"]), float(row["lon"]), population))
    return result


def jitter(rng, latitude, longitude):
    """A point a few km from the centroid: uniform bearing, half-normal distance (sigma 2.5 km, at most 10 km)."""
    distance = min(abs(rng.gauss(0.0, 2.5)), 10.0)
    bearing = rng.random() * 2 * math.pi
    dlat = distance * math.cos(bearing) / 111.2
    dlon = distance * math.sin(bearing) / (111.2 * math.cos(math.radians(latitude)))
    return round(latitude + dlat, 6), round(longitude + dlon, 6)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--word", default="ruche", help="word whose share of names is reported on standard error")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    communes = load_communes()
    cumulative_population = list(accumulate(c[5] for c in communes))
    services, services_cum = weighted(SERVICES)
    kinds, kinds_cum = weighted(KINDS)
    heads, heads_cum = weighted(HEADS)
    used_names = set()
    word = fold(args.word)
    word_hits = 0

    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for number in range(1, args.count + 1):
            index = bisect.bisect_right(cumulative_population, rng.random() * cumulative_population[-1])
            code, commune, postal_code, latitude, longitude, _ = communes[min(index, len(communes) - 1)]
            lat, lon = jitter(rng, latitude, longitude)

            head = pick(rng, heads, heads_cum)
            shape = rng.random()
            if shape < 0.35:
                name = f"{head} {rng.choice(QUALIFIERS)}"
            elif shape < 0.65:
                name = f"{head} {rng.choice(NAMESAKES)}"
            elif shape < 0.85:
                name = f"{head} {rng.choice(QUALIFIERS)} de {commune}"
            else:
                name = f"{head} {rng.choice(QUALIFIERS)} {rng.choice(NAMESAKES)}"
            # The server merges rows with the same folded name in the same commune: keep them apart.
            key = (fold(name), code)
            suffix = 2
            while key in used_names:
                candidate = f"{name} {suffix}"
                key = (fold(candidate), code)
                suffix += 1
            if suffix > 2:
                name = candidate
            used_names.add(key)
            if word in fold(name):
                word_hits += 1

            chosen_services = []
            for _ in range(rng.randint(1, 3)):
                service = pick(rng, services, services_cum)
                if service not in chosen_services:
                    chosen_services.append(service)
            chosen_kinds = [pick(rng, kinds, kinds_cum)]
            if rng.random() < 0.25:
                other = pick(rng, kinds, kinds_cum)
                if other not in chosen_kinds:
                    chosen_kinds.append(other)

            address = f"{rng.randint(1, 120)} {rng.choice(STREET_TYPES)} {rng.choice(STREET_NAMES)}"
            phone = f"0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            writer.writerow([
                f"bench-{number:07d}", "", name, commune, postal_code, code, address, "", f"{lat:.6f}", f"{lon:.6f}",
                "TIERS_LIEUX", phone, f"contact{number}@exemple.fr", f"https://lieu-{number}.exemple.fr", "",
                rng.choice(SUMMARIES), "", "bench", "", "", "2024-06-01", "|".join(chosen_services), "", "", "", "", "", "",
                "", "", "", "", "|".join(chosen_kinds),
            ])
    print(f"{args.count} lieux écrits dans {args.out}; « {args.word} » dans {word_hits} noms "
          f"({100.0 * word_hits / max(args.count, 1):.2f} %)", file=sys.stderr)


if __name__ == "__main__":
    main()
