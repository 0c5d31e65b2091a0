#!/usr/bin/env python3
"""Checks a deadline rush on the database itself, with millisecond instants (the API shows seconds).

    verify_db.py TARGET RUSH.json      TARGET: data folder (SQLite, server stopped) or postgres:// URL

Adds a "database" object to RUSH.json: the state and submitted_at of every dossier of the bench call,
the count of submission events per dossier, and what the late attempts left behind (they were refused,
but the answers and the uploaded file of a refused submission are saved first).
"""

import json
import sys

from db import query, scalar


def main():
    target, path = sys.argv[1], sys.argv[2]
    with open(path) as file:
        rush = json.load(file)
    call, closing_ms = rush["call_id"], rush["closing"] * 1000
    rows = {int(r[0]): (r[1], None if r[2] is None else int(r[2])) for r in
            query(target, f"SELECT id, state, submitted_at FROM dossiers WHERE call_id = {call}")}
    accepted = [p["dossier"] for p in rush["per_request"] if p["outcome"] == "accepted"]
    deposited = {i: at for i, (state, at) in rows.items() if state == "depose"}
    events = {int(r[0]): int(r[1]) for r in query(target, f"""
        SELECT e.dossier_id, COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
        WHERE d.call_id = {call} AND e.action = 'deposer' GROUP BY e.dossier_id""")}
    late = rush["late_dossiers"]
    late_list = ",".join(map(str, late)) or "0"
    rush["database"] = {
        "dossiers_in_call": len(rows),
        "deposited": len(deposited),
        "accepted_not_deposited": [i for i in accepted if rows.get(i, (None,))[0] != "depose"],
        "deposited_not_accepted": sorted(set(deposited) - set(accepted) - {rush["preflight_dossier"]}),
        "submitted_at_or_after_closing": [i for i, at in deposited.items() if at is None or at >= closing_ms],
        "last_submitted_ms_before_closing": closing_ms - max(deposited.values()) if deposited else None,
        "dossiers_with_several_submit_events": [i for i, n in events.items() if n != 1],
        "deposited_without_submit_event": [i for i in deposited if i not in events],
        "late_states": sorted({rows[i][0] for i in late if i in rows}),
        "late_files_stored": scalar(target, f"SELECT COUNT(*) FROM dossier_files WHERE dossier_id IN ({late_list})"),
        "late_answers_saved": scalar(target, f"SELECT COUNT(*) FROM dossiers WHERE id IN ({late_list}) AND updated_at >= {closing_ms}"),
        "files_of_deposited": scalar(target, f"""SELECT COUNT(*) FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id
                                               WHERE d.call_id = {call} AND d.state = 'depose'"""),
    }
    with open(path, "w") as file:
        json.dump(rush, file, indent=1)
    print(json.dumps(rush["database"]))


if __name__ == "__main__":
    main()
