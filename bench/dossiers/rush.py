#!/usr/bin/env python3
"""Deadline rush: N applicants submit complete dossiers (1 MB PDF each) in the last minute of a wave,
plus a few deliberate late attempts 1-5 s after closing. Standard library only.

    rush.py --port PORT --out RESULT.json [--applicants 300] [--late 20] [--server-pid PID]

Setup (not measured): the admin creates N + late + 1 applicant accounts, each signs in; the comité
creates a new call from the model, publishes its form, adds a wave open now and closing at a minute
boundary, publishes the call; each applicant starts its draft. One extra applicant submits first as a
preflight, to prove the payload is complete before the rush. Then each rush applicant sends its one
multipart POST /dossiers/{n} (save + action=deposer) at its scheduled instant, on a fresh connection;
the late applicants send theirs 1-5 s after closing.

Verification afterwards, through the API as the comité (state and submitted_at of every dossier of the
call) and through the CSV export; `verify_db.py` repeats it on the database with millisecond instants.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import re
import threading
import time
from zoneinfo import ZoneInfo

from webclient import Browser, Response, id_from, multipart, parallel

PARIS = ZoneInfo("Europe/Paris")
ADMIN = ("admin@demo.fabriques.fr", "demo-admin-fabriques")
COMITE = ("comite@demo.fabriques.fr", "demo-comite-fabriques")
COMMUNES = ["16015", "69123", "42218", "75056", "13055"]
PDF_BYTES = 1024 * 1024
SETUP_THREADS = 4
RUSH_WINDOW_S = 60.0     # sends spread over the last minute...
RUSH_MARGIN_S = 1.5      # ...the last one 1.5 s before closing
LATE_FROM_S, LATE_TO_S = 1.0, 5.0
CLOSED_TEXT = "La vague est close"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def percentile(values, p):
    """Nearest-rank percentile (p in 0-100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100)
    return ordered[int(rank) - 1]


def paris_minute(instant):
    return datetime.datetime.fromtimestamp(instant, PARIS).strftime("%Y-%m-%dT%H:%M")


def answers(index):
    commune = COMMUNES[index % len(COMMUNES)]
    resume = (f"Tiers-lieu numéro {index} : ateliers d'initiation au numérique, accompagnement aux démarches "
              "en ligne, permanences de conseillers numériques et fabrication partagée pour les habitants du territoire.")
    return [
        ("action", "deposer"),
        ("f_structure_nom", f"Association banc d'essai {index}"),
        ("f_structure_siret", "73282932000074"),
        ("f_structure_commune", commune),
        ("f_contact_email", f"contact{index}@example.org"),
        ("f_lieu_nom", f"La fabrique {index}"),
        ("f_lieu_commune", commune),
        ("f_lieu_ouverture", "2019-09-01"),
        ("f_lieu_surface", "420"),
        ("f_projet_resume", resume),
        ("present_projet_roles", "1"),
        ("f_projet_roles", "Compétences numériques"),
        ("f_projet_numerique", "non"),
        ("g_budget_lignes_0_poste", "Animation"),
        ("g_budget_lignes_0_annee1", "30000"),
        ("g_budget_lignes_0_annee2", "30000"),
        ("g_budget_lignes_0_annee3", "30000"),
        ("f_montant_demande", "90000"),
    ]


def pdf():
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    return head + os.urandom(PDF_BYTES - len(head))


class Applicant:
    def __init__(self, index, role, port, tag):
        self.index, self.role = index, role  # role: preflight, rush, late
        self.email = f"porteur-{tag}-{index:04d}@bench.example.org"
        self.password = f"banc-d-essai-{index:04d}-mot-de-passe"
        self.browser = Browser("127.0.0.1", port)
        self.dossier = None
        self.body = self.content_type = None
        self.planned = self.sent = self.latency = None
        self.status = None
        self.outcome = None  # accepted, closed, other
        self.detail = ""

    def prepare(self, csrf):
        fields = [("_csrf", csrf)] + answers(self.index)
        self.body, self.content_type = multipart(fields, [("file_piece_statuts", "statuts.pdf", "application/pdf", pdf())])

    def submit(self):
        """The measured request: one multipart POST on a fresh connection, no retry."""
        self.browser.close()
        self.sent = time.time()
        start = time.perf_counter()
        try:
            response = self._send()
        except Exception as error:  # noqa: BLE001 - a failed request is a result, not a crash of the bench
            self.latency = time.perf_counter() - start
            self.status, self.outcome, self.detail = 0, "error", repr(error)
            return
        self.latency = time.perf_counter() - start
        self.status = response.status
        text = response.text
        if response.status == 303 and response.location.endswith(f"/dossiers/{self.dossier}"):
            self.outcome = "accepted"
        elif response.status == 422 and CLOSED_TEXT in text:
            self.outcome = "closed"
        else:
            self.outcome = "other"
            errors = re.findall(r'class="[^"]*(?:error|erreur)[^"]*"[^>]*>([^<]{0,200})', text)
            self.detail = " | ".join(errors[:8]) or text[:300]
        self.body = None  # frees the megabyte

    def _send(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.browser.port, timeout=60)
        try:
            connection.request("POST", f"/dossiers/{self.dossier}", body=self.body,
                               headers={"Content-Type": self.content_type, "Cookie": f"fabriques_session={self.browser.cookie}"})
            raw = connection.getresponse()
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
        finally:
            connection.close()


def sample_rss(pid, stop, samples):
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        samples.append((time.time(), int(line.split()[1])))
        except OSError:
            return
        stop.wait(0.1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--applicants", type=int, default=300)
    parser.add_argument("--late", type=int, default=20)
    parser.add_argument("--server-pid", type=int)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--min-lead", type=float, default=90.0, help="seconds between the end of setup and closing, at least")
    args = parser.parse_args()
    random.seed(args.seed)
    port = args.port
    result = {"applicants": args.applicants, "late_planned": args.late, "pdf_bytes": PDF_BYTES}

    admin, comite = Browser("127.0.0.1", port), Browser("127.0.0.1", port)
    admin.sign_in(*ADMIN)
    comite.sign_in(*COMITE)
    tag = format(int(time.time()), "x")  # accounts of a rerun on the same server do not collide
    people = [Applicant(0, "preflight", port, tag)]
    people += [Applicant(i, "rush", port, tag) for i in range(1, args.applicants + 1)]
    people += [Applicant(args.applicants + i, "late", port, tag) for i in range(1, args.late + 1)]

    # 1. Accounts (bcrypt: ~0.25 s each), in parallel, each thread with its own connection on the admin session.
    t = time.time()
    local = threading.local()

    def create_account(person):
        if not hasattr(local, "admin"):
            local.admin = Browser("127.0.0.1", port)
            local.admin.cookie, local.admin.csrf = admin.cookie, admin.csrf
        r = local.admin.post("/admin/comptes", {"email": person.email, "display_name": f"Porteur {person.index}", "password": person.password})
        if r.status != 303:
            raise RuntimeError(f"account {person.email}: HTTP {r.status} {r.text[:300]}")
        user = id_from(r.location, "/admin/comptes/")
        r = local.admin.post(f"/admin/comptes/{user}/roles", {"role": "porteur", "scope": "national"})
        if r.status != 303:
            raise RuntimeError(f"role of {person.email}: HTTP {r.status}")

    parallel(people, create_account, SETUP_THREADS)
    log(f"{len(people)} comptes créés en {time.time() - t:.0f} s")
    t = time.time()
    parallel(people, lambda p: p.browser.sign_in(p.email, p.password), SETUP_THREADS)
    log(f"{len(people)} connexions en {time.time() - t:.0f} s")

    # 2. The bench call: opens now (minute floor), closes at a minute boundary at least min-lead s ahead.
    opening = int(time.time()) // 60 * 60
    closing = (int(time.time() + args.min_lead) // 60 + 1) * 60
    r = comite.post("/appels")
    call = id_from(r.location, "/appels/")
    for path, fields in [(f"/appels/{call}/formulaire/publier", {}),
                         (f"/appels/{call}/vagues", {"nom": "Vague du banc d'essai", "ouverture": paris_minute(opening), "cloture": paris_minute(closing)}),
                         (f"/appels/{call}/publier", {})]:
        r = comite.post(path, fields)
        if r.status != 303:
            raise RuntimeError(f"{path}: HTTP {r.status} {r.text[:500]}")
    result.update(call_id=call, opening=opening, closing=closing,
                  closing_paris=datetime.datetime.fromtimestamp(closing, PARIS).isoformat())
    log(f"appel {call}, vague ouverte jusqu'à {paris_minute(closing)} (heure de Paris)")

    # 3. Drafts, then the request bodies (built before the rush so the client does not compete for CPU).
    def start(person):
        r = person.browser.post(f"/appels/{call}/dossiers")
        if r.status != 303:
            raise RuntimeError(f"draft of {person.email}: HTTP {r.status} {r.text[:300]}")
        person.dossier = id_from(r.location, "/dossiers/")
        person.browser.get(f"/dossiers/{person.dossier}")
        person.prepare(person.browser.csrf)

    parallel(people, start, SETUP_THREADS)
    log(f"{len(people)} brouillons ouverts")

    preflight = people[0]
    preflight.submit()
    if preflight.outcome != "accepted":
        raise SystemExit(f"preflight refused: HTTP {preflight.status} {preflight.detail}")
    log(f"contrôle préalable : dossier {preflight.dossier} déposé en {preflight.latency * 1000:.0f} ms")

    # 4. Schedule: offsets before closing drawn as margin + window * u^2, so sends crowd towards closing
    # (half of them in the last ~16 s, 13 % in the second before the last).
    rush = [p for p in people if p.role == "rush"]
    late = [p for p in people if p.role == "late"]
    for p in rush:
        p.planned = closing - (RUSH_MARGIN_S + (RUSH_WINDOW_S - RUSH_MARGIN_S) * random.random() ** 2)
    for k, p in enumerate(late):
        p.planned = closing + LATE_FROM_S + (LATE_TO_S - LATE_FROM_S) * k / max(1, len(late) - 1)
    lead = closing - RUSH_WINDOW_S - time.time()
    if lead < 1:
        raise SystemExit(f"setup finished too late ({-lead:.0f} s after the start of the rush window): raise --min-lead")
    log(f"ruée dans {lead:.0f} s : {len(rush)} dépôts dans la dernière minute, {len(late)} tentatives 1-5 s après la clôture")

    def run(person):
        delay = person.planned - time.time()
        if delay > 0:
            time.sleep(delay)
        person.submit()

    rss, stop = [], threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(args.server_pid, stop, rss)) if args.server_pid else None
    if sampler:
        sampler.start()
    threads = [threading.Thread(target=run, args=(p,)) for p in rush + late]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    if sampler:
        sampler.join()
    log("ruée terminée")

    # 5. Verification through the API (comité token) and the CSV export.
    r = comite.post("/compte/jetons", {"name": "banc d'essai"})
    token = re.search(r"fab_[A-Za-z0-9_-]+", r.text).group(0)
    api = Browser("127.0.0.1", port)
    seen, offset = {}, 0
    while True:
        r = api.request("GET", f"/api/v1/dossiers?appel={call}&limit=500&offset={offset}", headers={"Authorization": f"Bearer {token}"})
        page = json.loads(r.body)
        for item in page["items"]:
            seen[item["id"]] = item
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            break
    csv_text = comite.get(f"/instruction/export.csv?appel={call}").text
    csv_rows = max(0, len([line for line in csv_text.splitlines() if line.strip()]) - 1)

    def instant(text):
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

    accepted = [p for p in rush if p.outcome == "accepted"]
    lost = [p.dossier for p in accepted if seen.get(p.dossier, {}).get("state") != "depose"]
    deposited = [item for item in seen.values() if item["state"] == "depose"]
    def submitted(item):
        text = item.get("submitted_at") or item.get("submittedAt")
        return instant(text) if text else None

    after_closing = [item["id"] for item in deposited if submitted(item) is None or submitted(item) >= closing]
    late_accepted = [p.dossier for p in rush + late if p.sent >= closing and p.outcome == "accepted"]
    late_in_store = [p.dossier for p in late if p.dossier in seen]
    latencies = [p.latency for p in rush]
    ok_latencies = [p.latency for p in accepted]
    sends = sorted(p.sent for p in rush)
    busiest = max(sum(1 for s in sends if x <= s < x + 1) for x in sends)
    end = max(p.sent + p.latency for p in rush)
    result.update(
        accepted=len(accepted),
        refused_closed=[{"dossier": p.dossier, "sent_before_closing_s": round(closing - p.sent, 3), "latency_s": round(p.latency, 3)}
                        for p in rush if p.outcome == "closed"],
        other=[{"dossier": p.dossier, "status": p.status, "detail": p.detail} for p in rush if p.outcome in ("other", "error")],
        lost=lost,
        deposited_in_call=len(deposited),
        expected_deposited=len(accepted) + 1,  # + the preflight
        submitted_after_closing=after_closing,
        accepted_sent_after_closing=late_accepted,
        late_sent=len(late),
        late_refused_closed=sum(1 for p in late if p.outcome == "closed"),
        late_other=[{"dossier": p.dossier, "status": p.status, "detail": p.detail} for p in late if p.outcome != "closed"],
        late_listed_by_api=late_in_store,
        late_latency_max_s=max((p.latency for p in late), default=None),
        csv_rows=csv_rows,
        latency_all_s={"p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "max": max(latencies)},
        latency_accepted_s={"p50": percentile(ok_latencies, 50), "p99": percentile(ok_latencies, 99), "max": max(ok_latencies)} if ok_latencies else None,
        first_send=sends[0], last_send=sends[-1], last_response=end,
        throughput_per_s=len(accepted) / (end - sends[0]),
        busiest_second_sends=busiest,
        first_late_send=min(p.sent for p in late) if late else None,
        server_rss_kb={"start": rss[0][1], "peak": max(v for _, v in rss), "end": rss[-1][1]} if rss else None,
        rush_dossiers=[p.dossier for p in rush], late_dossiers=[p.dossier for p in late], preflight_dossier=preflight.dossier,
        per_request=[{"dossier": p.dossier, "planned": p.planned, "sent": p.sent, "latency": p.latency, "status": p.status, "outcome": p.outcome}
                     for p in rush + late],
    )
    with open(args.out, "w") as out:
        json.dump(result, out, indent=1)
    log(f"acceptés {len(accepted)}/{len(rush)}, perdus {len(lost)}, déposés après clôture {len(after_closing)}, "
        f"tardifs refusés {result['late_refused_closed']}/{len(late)}, p50 {result['latency_all_s']['p50'] * 1000:.0f} ms, "
        f"p99 {result['latency_all_s']['p99'] * 1000:.0f} ms, max {result['latency_all_s']['max'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
