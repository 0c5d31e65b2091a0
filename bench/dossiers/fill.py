#!/usr/bin/env python3
"""Grows the number of reviewable (non-draft) dossiers to a total by cloning one real submitted dossier.

    fill.py TARGET TOTAL TEMPLATE_ID [--seed N]     TARGET: data folder (SQLite, server stopped) or postgres:// URL

Each clone keeps the template's call, wave, form version, owner and answers (so the list and the export
decode real answers), and gets its own commune (drawn uniformly among the communes of
Sources/Territory/Resources/communes.tsv, with their department, region, QPV and rural flags), state,
score, amount, submission and decision instants. Clones have no event, file, note or review rows:
the list and the export do not read them.
"""

import argparse
import os
import random

from db import is_postgres, scalar, script

HERE = os.path.dirname(os.path.abspath(__file__))
COMMUNES_TSV = os.path.join(HERE, "..", "..", "Sources", "Territory", "Resources", "communes.tsv")
STATES = [("depose", 30), ("en_instruction", 30), ("correction_demandee", 5), ("accepte", 15), ("refuse", 15), ("classe_sans_suite", 5)]
DAY_MS = 86_400_000


def communes():
    with open(COMMUNES_TSV, encoding="utf-8") as file:
        header = file.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in file]
    return [r for r in rows if r["kind"] == "COM" and r["dep"] and r["reg"]]


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("total", type=int)
    parser.add_argument("template", type=int)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    target = args.target
    random.seed(args.seed + args.total)
    existing = scalar(target, "SELECT COUNT(*) FROM dossiers WHERE state <> 'brouillon'")
    missing = args.total - existing
    if missing <= 0:
        print(f"{existing} dossiers déjà, rien à ajouter")
        return
    submitted = scalar(target, f"SELECT submitted_at FROM dossiers WHERE id = {args.template} AND state = 'depose'")
    if submitted is None:
        raise SystemExit(f"template {args.template} is not a submitted dossier")
    places = communes()
    states = [s for s, weight in STATES for _ in range(weight)]
    values = []
    for k in range(missing):
        c = random.choice(places)
        state = random.choice(states)
        at = submitted - random.randint(0, 90 * DAY_MS)
        reviewed = state not in ("depose", "correction_demandee")
        score = f"{random.uniform(4, 19):.2f}" if reviewed or random.random() < 0.2 else "NULL"
        spread = f"{random.uniform(0, 3):.2f}" if score != "NULL" else "NULL"
        final = state in ("accepte", "refuse", "classe_sans_suite")
        decided = str(at + random.randint(10, 60) * DAY_MS) if final else "NULL"
        reason = quote("Décision du comité (banc d'essai).") if final else "NULL"
        values.append(f"({quote(f'Tiers-lieu cloné {k + 1}')},{quote(c['code'])},{quote(c['dep'])},{quote(c['reg'])},"
                      f"{1 if c['qpv'] == '1' else 0},{1 if c['rural'] == '1' else 0},{random.randint(20, 150) * 100_000},"
                      f"{quote(state)},{score},{spread},{at},{decided},{reason})")
    temp = "CREATE TEMP TABLE fill (title TEXT, commune_code TEXT, department_code TEXT, region_code TEXT, is_qpv BIGINT, is_rural BIGINT, " \
           "amount_cents BIGINT, state TEXT, score DOUBLE PRECISION, score_spread DOUBLE PRECISION, submitted_at BIGINT, " \
           "decided_at BIGINT, decision_reason TEXT);\n"
    inserts = "".join(f"INSERT INTO fill VALUES {','.join(values[i:i + 500])};\n" for i in range(0, len(values), 500))
    clone = f"""INSERT INTO dossiers (call_id, wave_id, form_version_id, owner_user_id, organisation_id, title, commune_code, department_code,
        region_code, is_qpv, is_rural, is_digital, amount_cents, state, answers, score, score_spread, assignee_user_id, created_at, updated_at,
        submitted_at, decided_at, decision_reason)
      SELECT d.call_id, d.wave_id, d.form_version_id, d.owner_user_id, d.organisation_id, f.title, f.commune_code, f.department_code,
        f.region_code, f.is_qpv, f.is_rural, d.is_digital, f.amount_cents, f.state, d.answers, f.score, f.score_spread, NULL,
        f.submitted_at - 3600000, COALESCE(f.decided_at, f.submitted_at), f.submitted_at, f.decided_at, f.decision_reason
      FROM fill f CROSS JOIN dossiers d WHERE d.id = {args.template};
    DROP TABLE fill;
    """
    script(target, temp + inserts + clone + ("ANALYZE dossiers;\n" if is_postgres(target) else ""))
    total = scalar(target, "SELECT COUNT(*) FROM dossiers WHERE state <> 'brouillon'")
    print(f"{missing} dossiers clonés depuis {args.template} : {total} dossiers hors brouillons")
    if total != args.total:
        raise SystemExit(f"expected {args.total}, found {total}")


if __name__ == "__main__":
    main()
