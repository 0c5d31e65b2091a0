#!/usr/bin/env python3
"""Review list and CSV export with many dossiers, as the comité.

    listing.py --port PORT --server-pid PID --expected N --out RESULT.json [--duration 20] [--warmup 5]

1. Signs in as the comité; checks each list URL answers 200 with a page of the list (a lost session
   would answer 303 to the sign-in page, which wrk would count as a success).
2. For each list URL and each connection count: wrk warm-up, then `wrk --latency` with the session
   cookie; checks afterwards that the mean bytes per response match the page (so every answer was the
   page) and that the session still works.
3. Full CSV export `/instruction/export.csv` three times, read as a stream, while the server's VmRSS is
   sampled every 10 ms from /proc; checks the CSV has one row per reviewable dossier.
"""

import argparse
import csv
import http.client
import io
import json
import re
import subprocess
import threading
import time

from webclient import Browser

COMITE = ("comite@demo.fabriques.fr", "demo-comite-fabriques")
LISTS = [
    ("filtered", "/instruction?etat=en_instruction&departement=16&tri=note"),
    ("all_by_score", "/instruction?tri=note"),
]
CONNECTIONS = [1, 8]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def parse_wrk(text):
    def ms(value):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for p in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{p}%\s+(\S+)", text, re.M)
        result[f"p{p}_ms"] = ms(match.group(1)) if match else None
    result["max_ms"] = ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", text).group(1))
    result["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    read = re.search(r"requests in [^,]+, ([\d.]+)(B|KB|MB|GB) read", text)
    result["bytes_read"] = float(read.group(1)) * {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[read.group(2)]
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    result["non_2xx_3xx"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: (.*)", text)
    result["socket_errors"] = match.group(1).strip() if match else ""
    return result


def export(port, cookie, pid):
    """One full export: time to first byte, total time, bytes, CSV rows, VmRSS before / peak / after."""
    samples, stop = [], threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(rss_kb(pid))
            stop.wait(0.01)

    before = rss_kb(pid)
    sampler = threading.Thread(target=sample)
    sampler.start()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    start = time.perf_counter()
    connection.request("GET", "/instruction/export.csv", headers={"Cookie": f"fabriques_session={cookie}"})
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - start
    chunks = [first]
    while True:
        chunk = response.read(65536)
        if not chunk:
            break
        chunks.append(chunk)
    total = time.perf_counter() - start
    connection.close()
    stop.set()
    sampler.join()
    time.sleep(0.5)
    body = b"".join(chunks)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    return {"status": response.status, "content_type": response.getheader("content-type"), "first_byte_s": first_byte, "total_s": total,
            "bytes": len(body), "rows": len(rows) - 1, "header": rows[0] if rows else None,
            "rss_before_kb": before, "rss_peak_kb": max(s for s in samples if s), "rss_after_kb": rss_kb(pid), "rss_samples": len(samples)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--expected", type=int, required=True, help="reviewable dossiers in the database")
    parser.add_argument("--out", required=True)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    comite = Browser("127.0.0.1", args.port)
    comite.sign_in(*COMITE)
    result = {"expected": args.expected, "rss_start_kb": rss_kb(args.server_pid), "lists": {}, "exports": []}

    for name, path in LISTS:
        page = comite.get(path)
        if page.status != 200 or "Instruction des dossiers" not in page.text:
            raise SystemExit(f"{path}: HTTP {page.status}, not the review list")
        rows = len(re.findall(r'name="dossier" value="\d+"', page.text))
        total = re.search(r"(\d+) dossiers?\.", page.text)
        entry = {"path": path, "page_bytes": len(page.body), "rows_on_page": rows,
                 "total_shown": int(total.group(1)) if total else None, "runs": {}}
        url = f"http://127.0.0.1:{args.port}{path}"
        header = f"Cookie: fabriques_session={comite.cookie}"
        for c in CONNECTIONS:
            base = ["wrk", f"-t{min(2, c)}", f"-c{c}", "--timeout", "10s", "-H", header]
            subprocess.run(base + [f"-d{args.warmup}s", url], check=True, capture_output=True)
            text = subprocess.run(base + [f"-d{args.duration}s", "--latency", url], check=True, capture_output=True, text=True).stdout
            run = parse_wrk(text)
            run["bytes_per_response"] = run["bytes_read"] / max(1, run["requests"])
            run["raw"] = text
            entry["runs"][str(c)] = run
            print(f"{name} c={c}: {run['rps']:.0f} req/s, p50 {run['p50_ms']:.2f} ms, p99 {run['p99_ms']:.2f} ms, "
                  f"{run['bytes_per_response']:.0f} B/réponse (page {len(page.body)} B)", flush=True)
        after = comite.get(path)
        entry["still_signed_in"] = after.status == 200 and "Instruction des dossiers" in after.text
        result["lists"][name] = entry
    result["rss_after_lists_kb"] = rss_kb(args.server_pid)

    for _ in range(3):
        run = export(args.port, comite.cookie, args.server_pid)
        result["exports"].append(run)
        print(f"export : {run['rows']} lignes, {run['bytes']} octets, {run['total_s']:.2f} s (premier octet {run['first_byte_s'] * 1000:.0f} ms), "
              f"RSS {run['rss_before_kb'] // 1024} → pic {run['rss_peak_kb'] // 1024} → {run['rss_after_kb'] // 1024} Mo", flush=True)
        if run["status"] != 200 or run["rows"] != args.expected:
            print(f"ATTENTION : HTTP {run['status']}, {run['rows']} lignes pour {args.expected} dossiers", flush=True)
    with open(args.out, "w") as out:
        json.dump(result, out, indent=1)


if __name__ == "__main__":
    main()
