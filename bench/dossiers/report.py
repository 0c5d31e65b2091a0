#!/usr/bin/env python3
"""Markdown tables of a run of bench/dossiers/run.sh.

    report.py RESULTS_FOLDER DATABASE...
"""

import glob
import json
import os
import sys


def ms(seconds):
    return f"{seconds * 1000:,.0f}"


def mb(kb):
    return f"{kb / 1024:,.0f} MB"


def mark(ok):
    return "✓" if ok else "✗"


def facts(folder, db):
    path = os.path.join(folder, f"{db}-facts.txt")
    if not os.path.exists(path):
        return {}
    return dict(line.strip().split("=", 1) for line in open(path) if "=" in line)


def rush_table(r):
    d = r.get("database", {})
    lat = r["latency_all_s"]
    late_ok = r["late_refused_closed"] == r["late_sent"] and not r["late_listed_by_api"]
    lost = len(r["lost"]) + len(d.get("accepted_not_deposited", []))
    after = sorted(set(r["submitted_after_closing"]) | set(d.get("submitted_at_or_after_closing", [])) | set(r["accepted_sent_after_closing"]))
    window = r["last_response"] - r["first_send"]
    rows = [
        ("applicants (sends in the last 60 s, the last 1.5 s before closing)", f"{r['applicants']}"),
        ("accepted (303)", f"{r['accepted']}"),
        ("refused as closed although sent before closing", f"{len(r['refused_closed'])}"),
        ("other answers (errors, incomplete)", f"{len(r['other'])}"),
        ("**lost** (accepted but not `depose` afterwards; API + database)", f"**{lost}** {mark(lost == 0)}"),
        ("`depose` in the call afterwards / expected (accepted + 1 preflight)", f"{d.get('deposited', r['deposited_in_call'])} / {r['expected_deposited']}"),
        ("CSV export of the call: rows", f"{r['csv_rows']}"),
        ("late attempts (sent 1-5 s after closing) refused with « La vague est close »",
         f"**{r['late_refused_closed']} / {r['late_sent']}** {mark(late_ok)}"),
        ("**accepted after closing** (submitted_at ≥ closing, or sent after closing and accepted)", f"**{len(after)}** {mark(not after)}"),
        ("last submitted_at before closing (database, ms)", f"{d.get('last_submitted_ms_before_closing')} ms before"),
        (f"submit latency p50 / p99 / max (all {r['applicants']} rush requests)",
         f"{ms(lat['p50'])} / **{ms(lat['p99'])}** / {ms(lat['max'])} ms {mark(lat['p99'] < 1)} (target p99 < 1 s)"),
        ("sends in the busiest second", f"{r['busiest_second_sends']}"),
        ("throughput: accepted / (last response − first send)", f"{r['accepted'] / window:.1f} dossiers/s over {window:.1f} s "
                                                                f"({r['accepted'] * r['pdf_bytes'] / window / 1e6:.1f} MB/s of PDF)"),
        ("server RSS during the rush: start / peak / end", " / ".join(mb(r["server_rss_kb"][k]) for k in ("start", "peak", "end")) if r.get("server_rss_kb") else "n/a"),
        ("submission events per deposited dossier ≠ 1", f"{len(d.get('dossiers_with_several_submit_events', [])) + len(d.get('deposited_without_submit_event', []))}"),
        ("late dossiers afterwards: state / files stored / answers saved after closing",
         f"{', '.join(d.get('late_states', []))} / {d.get('late_files_stored')} / {d.get('late_answers_saved')}"),
    ]
    lines = ["| | |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]
    return "\n".join(lines)


def list_table(lists):
    lines = ["| dossiers | page | rows on page / total | c | req/s | p50 (ms) | p99 (ms) | max (ms) | non-2xx/3xx | bytes/response vs page |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for size, data in lists:
        for name, entry in data["lists"].items():
            for c, run in entry["runs"].items():
                target = " (target < 50)" if name == "filtered" and size >= 10000 else ""
                ok = "" if not target else " " + mark(run["p99_ms"] < 50)
                same = abs(run["bytes_per_response"] - entry["page_bytes"]) < 1500
                lines.append(f"| {size:,} | `{entry['path']}` | {entry['rows_on_page']} / {entry['total_shown']} | {c} | {run['rps']:,.0f} | "
                             f"{run['p50_ms']:.2f} | **{run['p99_ms']:.2f}**{target}{ok} | {run['max_ms']:.1f} | {run['non_2xx_3xx']} | "
                             f"{run['bytes_per_response']:,.0f} / {entry['page_bytes']:,} {mark(same and entry['still_signed_in'])} |")
    return "\n".join(lines)


def export_table(lists):
    lines = ["| dossiers | run | rows | bytes | first byte (ms) | total (s) | RSS before | RSS peak | RSS after |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, data in lists:
        for i, run in enumerate(data["exports"], 1):
            target = f" {mark(run['total_s'] < 3)}" if size >= 10000 else ""
            rows_ok = "" if run["rows"] == size else " ✗"
            lines.append(f"| {size:,} | {i} | {run['rows']:,}{rows_ok} | {run['bytes']:,} | {run['first_byte_s'] * 1000:.0f} | "
                         f"**{run['total_s']:.2f}**{target} | {mb(run['rss_before_kb'])} | {mb(run['rss_peak_kb'])} | {mb(run['rss_after_kb'])} |")
    return "\n".join(lines)


def main():
    folder, databases = sys.argv[1], sys.argv[2:]
    print(open(os.path.join(folder, "machine.txt")).read().strip().replace("\n", "  \n"))
    for db in databases:
        print(f"\n### {db}\n")
        path = os.path.join(folder, f"{db}-rush.json")
        if os.path.exists(path):
            rush = json.load(open(path))
            print(f"Deadline rush (call {rush['call_id']}, closing {rush['closing_paris']}):\n")
            print(rush_table(rush))
            if rush["refused_closed"] or rush["other"] or rush["late_other"]:
                print("\nNot accepted: " + json.dumps({k: rush[k] for k in ("refused_closed", "other", "late_other")}, ensure_ascii=False))
        lists = []
        for p in glob.glob(os.path.join(folder, f"{db}-list-*.json")):
            lists.append((int(p.rsplit("-", 1)[1].split(".")[0]), json.load(open(p))))
        lists.sort(key=lambda item: item[0])
        if lists:
            print("\nReview list (wrk, comité session cookie):\n")
            print(list_table(lists))
            print("\nFull CSV export `/instruction/export.csv` (streamed; VmRSS sampled every 10 ms):\n")
            print(export_table(lists))
        f = facts(folder, db)
        if f:
            print("\n" + ", ".join(f"{k} {v}" for k, v in f.items()))


if __name__ == "__main__":
    main()
