"""Browser accessibility smoke test for a running demo server (`fabriques serve --demo`).

For each demo role it signs in with the keyboard only (Tab from the top of /connexion:
the first Tab must reach the "Aller au contenu" skip link, then Tab on to the e-mail and
password fields, Enter to submit) and checks that the user's name is shown afterwards.
It then visits the anonymous pages, the main-navigation links of each role and a few
role-specific pages, runs axe-core on each and reports "serious"/"critical" violations.

Usage: python3 tests/browser/check_pages.py [BASE_URL]   (default http://127.0.0.1:8080)
Prints "N passed, M failed" last; exits 0 only if nothing failed.
"""
import sys
from collections import Counter
from urllib.parse import urljoin, urlparse

import importlib.util
import os

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
PAGE_TIMEOUT = 20  # seconds, per page load / wait / axe run
ANONYMOUS_PAGES = ["/", "/territoires", "/territoires/departements/16", "/connexion", "/page-qui-n-existe-pas",
                   "/lieux", "/lieux?commune=Angoul%C3%AAme&rayon=20&service=Aide+aux+d%C3%A9marches+administratives",
                   "/lieux?departement=16", "/lieux?type=inconnu", "/lieux/1", "/appels", "/appels/1", "/couverture", "/couverture/departements/16?rayon=10",
                   "/couverture/regions/84?cible=fabriques"]
ROLES = [  # (role, email, password, display name, extra paths, "first detail link" prefix)
    ("admin", "admin@demo.fabriques.fr", "demo-admin-fabriques", "Alice Admin", ["/admin/comptes"], "/admin/comptes/"),
    ("comité", "comite@demo.fabriques.fr", "demo-comite-fabriques", "Camille Comité",
     ["/lieux/import", "/signalements", "/lieux/1/modifier", "/organisations", "/appels/1", "/appels/1/modifier",
      "/appels/1/formulaire", "/instruction?tri=note", "/dossiers/6", "/admin/courriels", "/appels/1/vagues/2", "/selection"], "/organisations/"),
    ("instructeur", "instructeur.charente@demo.fabriques.fr", "demo-instructeur-16", "Ines Instructrice",
     ["/organisations", "/instruction", "/dossiers/2", "/dossiers/3", "/dossiers/2/impression", "/notifications"], "/organisations/"),
    ("porteur", "porteur@demo.fabriques.fr", "demo-porteur-fabriques", "Paul Porteur", ["/mon-organisation", "/dossiers", "/dossiers/1"], None),
    ("expert", "expert@demo.fabriques.fr", "demo-expert-fabriques", "Eric Expert", ["/dossiers", "/dossiers/2"], None),
    ("animateur", "animateur@demo.fabriques.fr", "demo-animateur-fabriques", "Anna Animatrice", ["/signalements"], None),
]
results = {"passed": 0, "failed": 0}


def record(ok, label, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"[{'PASS' if ok else 'FAIL'}] {label}{(' - ' + detail) if detail else ''}", flush=True)


def wait_loaded(driver):
    WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: d.execute_script("return document.readyState") == "complete")


def same_origin(url):
    return urlparse(url).netloc == urlparse(BASE).netloc


def current_axe_script():
    """axe-selenium-python (the last release for Python 3.11) bundles axe-core 3.1 from 2018. The
    axe-playwright-python wheel ships axe-core 4.x as a plain file: use it when installed (its Python
    code, which needs Playwright, is never imported)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
        if os.path.exists(path):
            return path
    return None


AXE_SCRIPT = current_axe_script()


def check_axe(driver, label):
    """Run axe-core on the current page and record a pass/fail for it."""
    axe = Axe(driver, script_url=AXE_SCRIPT) if AXE_SCRIPT else Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    counts = Counter(v.get("impact") or "none" for v in violations)
    bad = [v for v in violations if v.get("impact") in ("serious", "critical")]
    summary = ", ".join(f"{k}={n}" for k, n in sorted(counts.items())) or "no violations"
    record(not bad, f"{label} {driver.current_url}", summary)
    for v in bad:
        targets = [", ".join(t) if isinstance(t, list) else t for n in v["nodes"][:3] for t in n["target"][:1]]
        print(f"       {v['impact']}: {v['id']} - {v['help']} ({len(v['nodes'])} nodes)")
        for t in targets:
            print(f"         target: {t}")


def visit(driver, path, label):
    url = urljoin(BASE + "/", path.lstrip("/")) if not path.startswith("http") else path
    if not same_origin(url):
        return
    try:
        driver.get(url)
        wait_loaded(driver)
        check_axe(driver, label)
    except WebDriverException as e:
        record(False, f"{label} {url}", f"error: {e.msg or type(e).__name__}")


def tab(driver):
    ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.switch_to.active_element


def keyboard_sign_in(driver, role, email, password, name):
    driver.get(BASE + "/connexion")
    wait_loaded(driver)
    first = tab(driver)
    cls, text = first.get_attribute("class") or "", first.text.strip()
    record("skip-link" in cls.split() and text == "Aller au contenu", f"{role}: first Tab focuses skip link",
           f"focused <{first.tag_name} class='{cls}'> '{text}'")
    focused, steps = first, 1
    while focused.get_attribute("id") != "champ-email" and steps < 40:
        focused, steps = tab(driver), steps + 1
    if focused.get_attribute("id") != "champ-email":
        return record(False, f"{role}: keyboard sign-in", "never reached #champ-email with Tab")
    ActionChains(driver).send_keys(email).perform()
    if tab(driver).get_attribute("id") != "champ-password":
        return record(False, f"{role}: keyboard sign-in", "Tab after e-mail did not reach #champ-password")
    ActionChains(driver).send_keys(password).send_keys(Keys.ENTER).perform()
    try:
        WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: urlparse(d.current_url).path != "/connexion")
        wait_loaded(driver)
    except WebDriverException:
        return record(False, f"{role}: keyboard sign-in", f"still on {driver.current_url} after Enter")
    body = driver.find_element(By.TAG_NAME, "body").text
    record(name in body, f"{role}: keyboard sign-in ({steps} Tabs to e-mail)",
           f"landed on {driver.current_url}, name {'shown' if name in body else 'NOT shown'}")
    return name in body


def first_link(driver, prefix):
    for a in driver.find_elements(By.CSS_SELECTOR, f'main a[href^="{prefix}"]'):
        href = a.get_attribute("href")
        if urlparse(href).path.rstrip("/") != prefix.rstrip("/"):
            return href
    return None


def porteur_invalid_siret(driver, role):
    visit(driver, "/mon-organisation", f"{role}:")
    try:
        field = driver.find_element(By.CSS_SELECTOR, 'main form input[name="siret"]')
        field.clear()
        field.send_keys("123")
        field.find_element(By.XPATH, "./ancestor::form").submit()
        wait_loaded(driver)
        check_axe(driver, f"{role}: SIRET error state")
    except WebDriverException as e:
        record(False, f"{role}: SIRET error state", f"error: {e.msg or type(e).__name__}")


def porteur_dossier(driver, role):
    """Start a dossier on the open wave, let the page save a typed value by itself (progressive
    enhancement), then submit an invalid value: the error state must be accessible and keep the value."""
    visit(driver, "/appels/1", f"{role}:")
    try:
        driver.find_element(By.XPATH, '//main//button[normalize-space()="Commencer un dossier"]').click()
        WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: urlparse(d.current_url).path.startswith("/dossiers/"))
        wait_loaded(driver)
        path = urlparse(driver.current_url).path
        record(path.startswith("/dossiers/"), f"{role}: dossier started", driver.current_url)
        check_axe(driver, f"{role}: dossier draft")
        surface = driver.find_element(By.ID, "champ-lieu_surface")
        surface.clear()
        surface.send_keys("365")
        driver.find_element(By.ID, "champ-lieu_nom").click()  # blur fires "change"
        WebDriverWait(driver, PAGE_TIMEOUT).until(
            lambda d: "automatiquement" in d.find_element(By.CSS_SELECTOR, 'form[data-autosave] [role="status"]').text)
        driver.get(BASE + path)
        wait_loaded(driver)
        kept = driver.find_element(By.ID, "champ-lieu_surface").get_attribute("value")
        record(kept == "365", f"{role}: draft saved by itself", f"value after reload: {kept!r}")
        surface = driver.find_element(By.ID, "champ-lieu_surface")
        surface.clear()
        surface.send_keys("beaucoup")
        driver.find_element(By.XPATH, '//button[@value="deposer"]').click()
        WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
        wait_loaded(driver)
        kept = driver.find_element(By.ID, "champ-lieu_surface").get_attribute("value")
        record(kept == "beaucoup", f"{role}: failed submission keeps what was typed", f"value: {kept!r}")
        check_axe(driver, f"{role}: dossier error state")
    except WebDriverException as e:
        record(False, f"{role}: dossier journey", f"error: {e.msg or type(e).__name__}")


def check_role(driver, role, email, password, name, extras, detail_prefix):
    driver.delete_all_cookies()
    print(f"\n=== {role} ({email}) ===")
    if not keyboard_sign_in(driver, role, email, password, name):
        return
    nav = [a.get_attribute("href") for a in driver.find_elements(
        By.CSS_SELECTOR, 'nav[aria-label="Navigation principale"] a')]
    paths = list(dict.fromkeys(urlparse(h).path for h in nav if h and same_origin(h) and "deconnexion" not in h))
    for path in paths + [p for p in extras if p not in paths]:
        if role == "porteur" and path == "/mon-organisation":
            porteur_invalid_siret(driver, role)
            porteur_dossier(driver, role)
            continue
        visit(driver, path, f"{role}:")
        if path in extras and detail_prefix and path == detail_prefix.rstrip("/"):
            href = first_link(driver, detail_prefix)
            if href:
                visit(driver, href, f"{role}: first detail")
            else:
                record(False, f"{role}: first detail", f"no link to {detail_prefix}… on {path}")


def main():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(PAGE_TIMEOUT)
        driver.set_script_timeout(PAGE_TIMEOUT)
        print(f"axe-core: {AXE_SCRIPT or 'bundled with axe-selenium-python'}")
        print("=== anonymous ===")
        for path in ANONYMOUS_PAGES:
            visit(driver, path, "anonymous:")
        for role in ROLES:
            try:
                check_role(driver, *role)
            except WebDriverException as e:
                record(False, f"{role[0]}: unexpected error", e.msg or type(e).__name__)
    finally:
        driver.quit()
    print(f"\n{results['passed']} passed, {results['failed']} failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
