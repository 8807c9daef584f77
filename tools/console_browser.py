#!/usr/bin/env python3
"""Tests the web console in a real browser: headless Chromium (Debian's `chromium` and
`chromium-driver`) driven by Selenium, against `larder serve` on the example repository.

1. A repository from `larder init` (the example definitions and small data), with a read token
   and an admin token, applied, then applied again with a 2-day TTL on `merchant_profiles`;
   `user_transactions` (an aggregation view: fresh while its newest event is inside its longest
   window) materialized up to now, and `merchant_profiles` only up to ten days ago (an old
   materialization: stale).
2. The browser signs in through the login form, then opens every page: the overview, the four
   lists, every object's page, and the lookup. Each must load with no console error and no
   failed request (the DevTools network log is checked for statuses >= 400 and failed loads).
3. The lists show the objects the registry file holds; typing in a list's search hides the
   others. The overview's freshness table marks merchant_profiles stale (class and text) and
   user_transactions fresh.
4. A lookup typed into the form (its live update, JavaScript on) shows the same JSON as
   `POST /get-online-features` for the same request, and its table shows the same statuses; the
   same lookup submitted with JavaScript off renders the same result.
5. A screenshot of each page goes to --screenshots (docs/console/ in tools/test.sh).

A missing browser, driver or Selenium fails the run, naming what to install.

Usage: python3 tools/console_browser.py [--larder PATH] [--screenshots DIR]
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import api_contract  # noqa: E402  (its Server starts and stops `larder serve`)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READER_TOKEN = "console-reader-token"
ADMIN_TOKEN = "console-admin-token"
WINDOW = (1366, 900)


def fail(message):
    sys.exit(f"console browser test: {message}")


def find_larder(explicit):
    for candidate in [explicit, os.environ.get("LARDER_BIN"), os.path.join(ROOT, ".build/debug/larder")]:
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    fail("no larder executable: build one (swift build --product larder) or pass --larder")


def find_browser():
    """The Chromium binary and its driver; fails naming what is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [name for name, path in (("chromium", chromium), ("chromium-driver", driver)) if path is None]
    if missing:
        fail(f"missing {', '.join(missing)}: install with apt-get (bash tools/install-deps.sh does)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        fail("selenium is not installed: python3 -m pip install selenium (bash tools/install-deps.sh does)")
    return chromium, driver


def run(larder, *arguments, environment):
    done = subprocess.run([larder, *arguments], env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"larder {' '.join(arguments)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def make_repository(larder, directory):
    """The example repository with tokens, applied, one view fresh and one stale."""
    repository = os.path.join(directory, "repo")
    environment = dict(os.environ, LARDER_PACKAGE_PATH=ROOT)
    run(larder, "init", repository, environment=environment)
    with open(os.path.join(repository, "feature_store.yaml"), "a") as settings:
        settings.write(f"""server:
  auth:
    tokens:
      - name: console-reader
        sha256: {hashlib.sha256(READER_TOKEN.encode()).hexdigest()}
        permissions: [read_online]
      - name: console-admin
        sha256: {hashlib.sha256(ADMIN_TOKEN.encode()).hexdigest()}
        permissions: [read_online, push, materialize]
""")
    run(larder, "apply", "--repo", repository, environment=environment)
    # Profiles are valid for two days here, so an old materialization of them is stale.
    with open(os.path.join(repository, ".larder", "registry.json")) as file:
        manifest = json.load(file)["manifest"]
    for view in manifest["feature_views"]:
        if view["name"] == "merchant_profiles":
            view["ttl_seconds"] = 2 * 86_400
    with open(os.path.join(repository, "manifest.json"), "w") as file:
        json.dump(manifest, file)
    run(larder, "apply", "--repo", repository, "--manifest", os.path.join(repository, "manifest.json"),
        environment=environment)
    ten_days_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=10)).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    run(larder, "materialize", "--repo", repository, "2000-01-01T00:00:00Z", "now",
        "--views", "user_transactions", environment=environment)
    run(larder, "materialize", "--repo", repository, "2000-01-01T00:00:00Z", ten_days_ago,
        "--views", "merchant_profiles", environment=environment)
    return repository


def start_server(larder, repository):
    """`larder serve` on a free port, as tools/api_contract.py starts it (its `Server`)."""
    server = api_contract.Server(larder, repository, api_contract.free_port())
    server.base = f"http://127.0.0.1:{server.port}"
    return server


class Browser:
    """Headless Chromium with its console and network logs, checked after every page."""

    def __init__(self, chromium, driver, javascript=True):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1",
                         "--disable-extensions", "--no-first-run"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        if not javascript:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        self.driver = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        self.driver.set_page_load_timeout(30)

    def open(self, url):
        self.driver.get(url)
        self.check_logs(url)

    def check_logs(self, where):
        """Fails on a console error or a failed request since the last check."""
        errors = [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        if errors:
            fail(f"{where}: console errors: {errors}")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.responseReceived":
                response = params["response"]
                # 303 from the login form and 304 for cached assets are not failures.
                if response["status"] >= 400:
                    fail(f"{where}: {response['url']} answered {response['status']}")
            elif message["method"] == "Network.loadingFailed" and not params.get("canceled"):
                fail(f"{where}: a request failed: {params.get('errorText')}")

    def screenshot(self, directory, name):
        if not directory:
            return
        height = self.driver.execute_script("return document.documentElement.scrollHeight") or WINDOW[1]
        self.driver.set_window_size(WINDOW[0], min(max(height + 120, WINDOW[1]), 2400))
        self.driver.save_screenshot(os.path.join(directory, f"{name}.png"))
        self.driver.set_window_size(*WINDOW)

    def quit(self):
        self.driver.quit()


def wait_for(condition, what, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    fail(f"timed out waiting for {what}")


def sign_in(browser, server):
    from selenium.webdriver.common.by import By

    browser.open(server.base + "/ui")
    if "/ui/login" not in browser.driver.current_url:
        fail(f"without a token /ui did not lead to the login page but to {browser.driver.current_url}")
    browser.driver.find_element(By.ID, "token").send_keys(READER_TOKEN)
    browser.driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    wait_for(lambda: browser.driver.current_url.rstrip("/").endswith("/ui"), "the overview after signing in")
    browser.check_logs("sign in")


def check_pages(browser, server, manifest, screenshots):
    """Every page loads cleanly; lists hold the registry's objects; freshness is marked."""
    from selenium.webdriver.common.by import By

    driver = browser.driver
    browser.open(server.base + "/ui")
    rows = {row.find_element(By.CSS_SELECTOR, "th").text: row
            for row in driver.find_elements(By.CSS_SELECTOR, "#freshness-table tbody tr")}
    if set(rows) != {view["name"] for view in manifest["feature_views"]}:
        fail(f"the freshness table lists {sorted(rows)}")
    stale, fresh = rows["merchant_profiles"], rows["user_transactions"]
    if "stale" not in stale.get_attribute("class").split() or "Stale" not in stale.text:
        fail(f"merchant_profiles, materialized up to ten days ago with a 2-day TTL, is not marked stale: {stale.text!r}")
    if "stale" in (fresh.get_attribute("class") or "").split() or "Fresh" not in fresh.text:
        fail(f"user_transactions, materialized up to now, is not marked fresh: {fresh.text!r}")
    browser.screenshot(screenshots, "overview")

    lists = {"entities": "entities", "sources": "sources", "feature-views": "feature_views",
             "feature-services": "feature_services"}
    for path, kind in lists.items():
        browser.open(f"{server.base}/ui/{path}")
        listed = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#object-list tbody th")]
        expected = [item["name"] for item in manifest[kind]]
        if sorted(listed) != sorted(expected):
            fail(f"/ui/{path} lists {listed}, the registry holds {expected}")
        browser.screenshot(screenshots, path)
        for name in expected:
            browser.open(f"{server.base}/ui/{path}/{urllib.parse.quote(name, safe='')}")
            heading = driver.find_element(By.TAG_NAME, "h1").text
            if not heading.endswith(name):
                fail(f"/ui/{path}/{name} is headed {heading!r}")
            if not driver.find_elements(By.CSS_SELECTOR, "figure.lineage svg") and path != "entities":
                fail(f"/ui/{path}/{name} has no lineage picture")
        singular = {"entities": "entity", "sources": "source", "feature-views": "feature-view",
                    "feature-services": "feature-service"}[path]
        browser.screenshot(screenshots, f"{singular}-detail")

    # The search filters as the user types (JavaScript on).
    browser.open(server.base + "/ui/feature-views")
    driver.find_element(By.ID, "search").send_keys("profiles")
    wait_for(lambda: [row.text.split()[0] for row in driver.find_elements(By.CSS_SELECTOR, "#object-list tbody tr")
                      if row.is_displayed()] == ["merchant_profiles"], "the search to leave merchant_profiles alone")
    browser.check_logs("search")
    # The view's page lists the service using it.
    browser.open(server.base + "/ui/feature-views/merchant_profiles")
    if "fraud_detection_v1" not in driver.find_element(By.CSS_SELECTOR, "dl.properties").text:
        fail("merchant_profiles' page does not say fraud_detection_v1 uses it")
    # The first Tab reaches the skip link.
    from selenium.webdriver.common.keys import Keys
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    if driver.switch_to.active_element.get_attribute("class") != "skip":
        fail("the first Tab does not reach the skip link")


# The last row's merchant has no profile (NOT_FOUND); its unknown user reads as an empty window
# of the aggregation views (counts 0), as a training set would compute it.
LOOKUP = {"feature_service": "fraud_detection_v1", "entities": {"user_id": [1, 2, 999999], "merchant_id": [3, 4, 999999]}}


def check_lookup(browser, server, screenshots):
    """A lookup typed in the form answers what POST /get-online-features answers."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    status, _, body = server.request("POST", "/get-online-features", LOOKUP, READER_TOKEN)
    if status != 200:
        fail(f"POST /get-online-features answered {status}: {body[:300]!r}")
    expected = json.loads(body)
    driver = browser.driver
    browser.open(server.base + "/ui/lookup")
    Select(driver.find_element(By.ID, "service")).select_by_value(LOOKUP["feature_service"])
    for key, values in LOOKUP["entities"].items():
        driver.find_element(By.ID, f"key-{key}").send_keys(", ".join(str(value) for value in values))
    shown = wait_for(lambda: lookup_json(driver), "the live lookup result")
    browser.check_logs("lookup")
    if shown != expected:
        fail(f"the lookup shows {shown}, POST /get-online-features answers {expected}")
    statuses = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#lookup-table .status")]
    wanted = [column["statuses"][row] for row in range(3) for column in expected["results"]]
    if statuses != wanted:
        fail(f"the lookup table shows statuses {statuses}, the API {wanted}")
    if "NOT_FOUND" not in statuses or "PRESENT" not in statuses:
        fail(f"the lookup should show both found and unknown keys: {statuses}")
    if "user_id=1" not in driver.current_url.replace("key.", "").replace("%2C", ","):
        fail(f"the live update did not keep the lookup in the address: {driver.current_url}")
    browser.screenshot(screenshots, "lookup")
    return expected


def lookup_json(driver):
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.ID, "lookup-json")
    if not found:
        return None
    try:
        return json.loads(found[0].get_attribute("textContent"))
    except ValueError:
        return None


def check_without_javascript(chromium, driver_path, server, expected):
    """Pages and the submitted lookup work with JavaScript off."""
    from selenium.webdriver.common.by import By

    browser = Browser(chromium, driver_path, javascript=False)
    try:
        browser.open(server.base + "/ui/login")
        browser.driver.find_element(By.ID, "token").send_keys(READER_TOKEN)
        browser.driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
        wait_for(lambda: browser.driver.current_url.rstrip("/").endswith("/ui"), "the overview (JavaScript off)")
        browser.open(server.base + "/ui/entities?q=merch")
        listed = [cell.text for cell in browser.driver.find_elements(By.CSS_SELECTOR, "#object-list tbody th")]
        if listed != ["merchant"]:
            fail(f"the server-side search for 'merch' lists {listed}")
        browser.open(server.base + "/ui/lookup")
        from selenium.webdriver.support.ui import Select
        Select(browser.driver.find_element(By.ID, "service")).select_by_value(LOOKUP["feature_service"])
        for key, values in LOOKUP["entities"].items():
            browser.driver.find_element(By.ID, f"key-{key}").send_keys(", ".join(str(value) for value in values))
        browser.driver.find_element(By.CSS_SELECTOR, "#lookup-form button[type=submit]").click()
        shown = wait_for(lambda: lookup_json(browser.driver), "the submitted lookup (JavaScript off)")
        browser.check_logs("lookup without JavaScript")
        if shown != expected:
            fail(f"the submitted lookup shows {shown}, POST /get-online-features answers {expected}")
    finally:
        browser.quit()


def main(argv):
    parser = argparse.ArgumentParser(description="Test the web console in headless Chromium.")
    parser.add_argument("--larder", help="the larder executable")
    parser.add_argument("--screenshots", help="where to write a PNG of each page (docs/console)")
    arguments = parser.parse_args(argv)
    chromium, driver = find_browser()
    larder = find_larder(arguments.larder)
    screenshots = arguments.screenshots and os.path.abspath(arguments.screenshots)
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="larder-console-") as directory:
        repository = make_repository(larder, directory)
        with open(os.path.join(repository, ".larder", "registry.json")) as file:
            manifest = json.load(file)["manifest"]
        server = start_server(larder, repository)
        browser = None
        try:
            status, _, _ = server.request("GET", "/api/v1/overview")
            if status != 401:
                fail(f"GET /api/v1/overview without a token answered {status}, not 401")
            browser = Browser(chromium, driver)
            sign_in(browser, server)
            check_pages(browser, server, manifest, screenshots)
            expected = check_lookup(browser, server, screenshots)
            check_without_javascript(chromium, driver, server, expected)
        finally:
            if browser:
                browser.quit()
            server.stop()
    print(f"console browser test passed ({time.monotonic() - started:.0f} s)"
          + (f"; screenshots in {os.path.relpath(screenshots, ROOT)}" if screenshots else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
