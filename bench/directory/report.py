#!/usr/bin/env python3
"""Markdown tables from the results folder of run.sh: report.py RESULTS_DIR SIZE [SIZE ...]"""

import json
import sys
from pathlib import Path

PEERS = [
    ("ours", "fabriques, search route `/api/v1/places` (as deployed: cache of encoded searches on)"),
    ("uncached", "fabriques, same route, cache off (every request searches and writes JSON)"),
    ("varied", "fabriques, cache off, 500 centres in rotation (wrk script)"),
    ("ceiling", "fabriques, `/bench/ceiling` (same bytes, precomputed)"),
    ("datasette-canned", "Datasette, canned query (box + LIKE, 20 nearest + total)"),
    ("datasette-table", "Datasette, `places.json?_where=` (box + LIKE, 20 rows + count)"),
    ("nginx", "nginx, same bytes as a static file"),
]


def facts(path):
    result = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            result[key] = value
    return result


def load(folder, size, name):
    path = folder / f"{size}-{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def pct(ratio):
    if ratio is None:
        return "n/a"
    value = 100 * ratio
    return f"{value:.1f} %" if value >= 10 else f"{value:.2g} %"


def times(ratio):
    if ratio is None:
        return "n/a"
    return f"{ratio:.1f}×" if ratio >= 10 else f"{ratio:.2g}×"


def main():
    folder = Path(sys.argv[1])
    sizes = sys.argv[2:]
    machine = facts(folder / "machine.txt")
    print(f"Run of {machine.get('date')} on {machine.get('nproc')} cores ({machine.get('cpu')}), "
          f"{machine.get('memory')}, commit {machine.get('commit')}.\n")
    print(f"- query: `{machine.get('query')}`")
    print(f"- Datasette canned: `{machine.get('canned')}`")
    print(f"- Datasette table: `{machine.get('table')}`")
    print(f"- wrk: `{machine.get('wrk_settings')}`, {machine.get('wrk')}; {machine.get('nginx')}; datasette {machine.get('datasette')}\n")
    summary = []
    for size in sizes:
        f = facts(folder / f"{size}-facts.txt")
        results = {name: load(folder, size, name) for name, _ in PEERS}
        print(f"### {int(size):,} places\n".replace(",", " "))
        print("| peer | req/s | p50 (ms) | p99 (ms) | non-2xx | socket errors |")
        print("|---|---:|---:|---:|---:|---|")
        for name, label in PEERS:
            r = results[name]
            if r is None:
                print(f"| {label} | n/a | n/a | n/a | | |")
                continue
            print(f"| {label} | {fmt(r['rps'], 0)} | {fmt(r['p50_ms'])} | {fmt(r['p99_ms'])} | {r['non_2xx']} | {r['socket_errors'] or '0'} |")
        ours, ceiling, nginx = results["ours"], results["ceiling"], results["nginx"]
        ds = [r for r in (results["datasette-canned"], results["datasette-table"]) if r]
        best_ds = max((r["rps"] for r in ds), default=None)
        ratio_ds = ours["rps"] / best_ds if ours and best_ds else None
        ratio_ceiling = ours["rps"] / ceiling["rps"] if ours and ceiling else None
        ratio_nginx = ours["rps"] / nginx["rps"] if ours and nginx else None
        expected = json.loads(f.get("expected", "{}") or "{}")
        rss_mb = int(f["vmrsskb"]) / 1024 if f.get("vmrsskb") else None
        print()
        print(f"- ours / best Datasette: **{times(ratio_ds)}** (target ≥ 10×)")
        print(f"- search / ceiling: **{pct(ratio_ceiling)}** (target ≥ 80 %)")
        print(f"- ours / nginx: **{pct(ratio_nginx)}** (reported only)")
        print(f"- RSS of our server after the load: **{fmt(rss_mb, 0)} MB** (peak VmHWM {fmt(int(f['vmhwmkb']) / 1024 if f.get('vmhwmkb') else None, 0)} MB)")
        print(f"- totals: ours {f.get('ours_total')} (exact radius recomputed from the rows: {expected.get('radius')}); "
              f"Datasette {f.get('canned_total')} canned / {f.get('table_total')} table (bounding box; recomputed: {expected.get('box')}); "
              f"without the word: ours {f.get('ours_total_without_word')}, recomputed {expected.get('radius_without_word')}")
        print(f"- response {f.get('response_bytes')} bytes; ceiling identical: {f.get('ceiling_identical')}; nginx identical: {f.get('nginx_identical')}; "
              f"first request (index build) {f.get('first_request')}; server alive after: {f.get('ours_alive_after')}; "
              f"server log lines: {f.get('server_log_lines')}")
        print(f"- generation {f.get('generate_s')} s; import {f.get('import_s')} s (peak RSS {fmt(int(f['import_max_rss_kb']) / 1024 if f.get('import_max_rss_kb') else None, 0)} MB), "
              f"{f.get('rows')} rows in the database; {f.get('import_summary', '').strip()}\n")
        uncached = results["uncached"]
        if uncached:
            print(f"- cache off: ours / best Datasette **{times(uncached['rps'] / best_ds if best_ds else None)}**, "
                  f"search / ceiling **{pct(uncached['rps'] / ceiling['rps'] if ceiling else None)}**, "
                  f"ours / nginx {pct(uncached['rps'] / nginx['rps'] if nginx else None)}; "
                  f"same bytes as with the cache: {f.get('uncached_identical')}; RSS {fmt(int(f['uncached_vmrsskb']) / 1024 if f.get('uncached_vmrsskb') else None, 0)} MB; "
                  f"alive after: {f.get('uncached_alive_after')}\n")
        summary.append((size, ours, ratio_ds, ratio_ceiling, ratio_nginx, rss_mb, f.get("import_s")))
        summary.append((f"{size} (cache off)", uncached, uncached["rps"] / best_ds if uncached and best_ds else None,
                        uncached["rps"] / ceiling["rps"] if uncached and ceiling else None,
                        uncached["rps"] / nginx["rps"] if uncached and nginx else None,
                        int(f["uncached_vmrsskb"]) / 1024 if f.get("uncached_vmrsskb") else None, ""))
        varied = results["varied"]
        if varied:
            summary.append((f"{size} (cache off; 500 centres)", varied, None, None, None, None, ""))
    print("### Summary\n")
    print("| places | ours req/s | p50 (ms) | p99 (ms) | ours / Datasette | search / ceiling | ours / nginx | RSS (MB) | import (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, ours, ratio_ds, ratio_ceiling, ratio_nginx, rss, import_s in summary:
        label = f"{int(size):,}" if str(size).isdigit() else str(size).replace(",", "")
        print(f"| {label} | {fmt(ours['rps'] if ours else None, 0)} | {fmt(ours['p50_ms'] if ours else None)} | "
              f"{fmt(ours['p99_ms'] if ours else None)} | {times(ratio_ds)} | {pct(ratio_ceiling)} | "
              f"{pct(ratio_nginx)} | {fmt(rss, 0)} | {import_s} |".replace(",", " "))


if __name__ == "__main__":
    main()
