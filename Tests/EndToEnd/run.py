#!/usr/bin/env python3
"""End-to-end tests: real HTTP through nginx to `portal serve` on the test PostgreSQL cluster.

Run by scripts/test.sh, which starts the cluster and sets DATABASE_URL and KOLEKTOR_TEST_PGDATA.
Prints one line per test and closes with "N passed, M failed"; exits non-zero when anything failed.
"""
import argparse
import email
import email.policy
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402
from harness import Stack  # noqa: E402

from checks import TESTS, expect_equal, expect_in, psql, test  # noqa: E402


def pg_ctl(action):
    shell = (f'. "{ROOT}/scripts/lib.sh"; bin=$(pg_bindir); '
             f'as_pg_owner "$bin/pg_ctl" -D "{os.environ["KOLEKTOR_TEST_PGDATA"]}" -m fast -w '
             f'-l "{os.environ["KOLEKTOR_TEST_PGDATA"]}/server.log" {action}')
    subprocess.run(["bash", "-c", shell], check=True, capture_output=True)


@test
def home_page_is_czech_with_link(stack):
    response = stack.get("/")
    expect_equal(response.status, 200, "status of /")
    expect_in('<html lang="cs">', response.text, "home page language")
    expect_in('<a href="/jak-system-funguje">Jak systém funguje</a>', response.text, "link to how it works")


@test
def security_headers_on_pages(stack):
    response = stack.get("/")
    expect_in("frame-ancestors 'none'", response.headers.get("Content-Security-Policy", ""), "CSP")
    expect_equal(response.headers.get("X-Content-Type-Options"), "nosniff", "X-Content-Type-Options")
    expect_equal(response.headers.get("Referrer-Policy"), "no-referrer", "Referrer-Policy")


@test
def static_files_served_by_nginx_with_cache(stack):
    response = stack.get("/static/kolektor.css")
    expect_equal(response.status, 200, "status of the stylesheet")
    expect_in("max-age=3600", ", ".join(response.headers.get_all("Cache-Control")), "Cache-Control of static file")
    expect_equal(response.headers.get("X-Content-Type-Options"), "nosniff", "security header on static file")
    log = stack.portal_log()
    if "/static/" in log:
        raise AssertionError("a static file reached the portal")


@test
def unknown_path_gets_czech_404(stack):
    response = stack.get("/tato-stranka-neexistuje")
    expect_equal(response.status, 404, "status of an unknown path")
    expect_in("<h1>Stránka nenalezena</h1>", response.text, "Czech 404 page")


@test
def body_over_limit_gets_czech_413(stack):
    body = b"x=" + b"a" * (2 * 1024 * 1024)
    response = stack.request("POST", "/", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    expect_equal(response.status, 413, "status of an oversized body")
    expect_in("Příliš velký požadavek", response.text, "Czech 413 page")


@test
def import_upload_accepts_larger_body(stack):
    body = b"a" * (2 * 1024 * 1024)
    headers = {"Content-Type": "multipart/form-data; boundary=x"}
    upload = stack.request("POST", "/klient/importy", body=body, headers=headers)
    expect_equal(upload.status, 303, "status of a 2 MiB upload to the import page without a session")
    form = stack.request("POST", "/klient/uzivatele/pozvat", body=body, headers=headers)
    expect_equal(form.status, 413, "status of a 2 MiB body to an ordinary form")


@test
def request_log_is_logfmt(stack):
    stack.get("/caste-dotazy")
    time.sleep(0.2)
    lines = [line for line in stack.portal_log().splitlines() if "route=/caste-dotazy" in line]
    if not lines:
        raise AssertionError("no log line for /caste-dotazy")
    line = lines[-1]
    for field in ("time=", "level=info", "request_id=", "method=GET", "status=200", "duration_ms="):
        expect_in(field, line, "request log line")


@test
def health_follows_database(stack):
    expect_equal(stack.get("/healthz").status, 200, "health with the database up")
    pg_ctl("stop")
    try:
        expect_equal(stack.get("/healthz").status, 503, "health with the database down")
        expect_equal(stack.get("/healthz").status, 503, "health with the database still down")
    finally:
        pg_ctl("start")
    started = time.time()
    while time.time() - started < 5:
        if stack.get("/healthz").status == 200:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("health did not return to 200 within 5 s after PostgreSQL restarted")
    # Every worker thread must have recovered, not just one: several requests in a row all succeed.
    statuses = [stack.get("/healthz").status for _ in range(stack.threads * 4)]
    expect_equal(set(statuses), {200}, "health on every worker after the restart")


@test
def migrate_twice_changes_nothing(stack):
    result = stack.run_portal("migrate")
    expect_equal(result.returncode, 0, "exit status of a second portal migrate")
    expect_equal(result.stdout.strip(), "database is up to date", "output of a second portal migrate")


@test
def disconnecting_clients_do_not_stall_workers(stack):
    # Clients that vanish mid-request, through nginx and straight at the FastCGI socket.
    for _ in range(stack.threads * 4):
        with socket.create_connection(("127.0.0.1", stack.port)) as client:
            client.sendall(b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           b"Content-Length: 100000\r\n\r\nx=half")
        with socket.create_connection(("127.0.0.1", stack.port)) as client:
            client.sendall(b"GET /jak-system-funguje HTTP/1.1\r\nHost: localhost\r\n\r\n")
        with socket.socket(socket.AF_UNIX) as raw:
            raw.connect(stack.socket_path)
            raw.sendall(b"\x01\x01\x00\x01\x00")  # the first bytes of a FastCGI record, then nothing
    started = time.time()
    statuses = [stack.get("/").status for _ in range(stack.threads * 10)]
    expect_equal(set(statuses), {200}, "statuses after disconnecting clients")
    if time.time() - started > 5:
        raise AssertionError("requests after disconnecting clients took more than 5 s")
    if stack.process.poll() is not None:
        raise AssertionError("portal serve exited")


def form_token(html):
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    if not match:
        raise AssertionError("no CSRF field in the page")
    return match.group(1)


@test
def accounts_from_cli_sign_in_and_reset_without_leaking(stack):
    created = stack.run_portal("admin", "create-organization", "--ico", "27082440", "--name", "Testovací věřitel s.r.o.",
                               "--bank-account", "19-2000145399/0800")
    expect_equal(created.returncode, 0, "create-organization exit status: " + created.stderr)
    bad = stack.run_portal("admin", "create-organization", "--ico", "27082441", "--name", "Chybné IČO")
    expect_equal(bad.returncode, 2, "exit status for an invalid IČO")
    expect_in("IČO „27082441“ není platné", bad.stderr, "Czech error for an invalid IČO")
    password = "E2e-heslo-velmi-tajne"
    user = stack.run_portal("admin", "create-user", "--organization", "27082440", "--role", "client-admin",
                            "--email", "e2e@test.cz", "--name", "Eva Testová", "--password", password)
    expect_equal(user.returncode, 0, "create-user exit status: " + user.stderr)

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), harness.NoRedirect)

    def call(path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with opener.open(stack.base + path, data=body, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    status, _, page = call("/klient/")
    expect_equal(status, 303, "anonymous client overview")
    status, _, page = call("/klient/prihlaseni")
    anonymous = {cookie.name: cookie.value for cookie in jar}["kolektor_client"]
    status, headers, _ = call("/klient/prihlaseni", {"csrf_token": form_token(page), "email": "e2e@test.cz", "heslo": password})
    expect_equal(status, 303, "sign-in status")
    session = {cookie.name: cookie.value for cookie in jar}["kolektor_client"]
    if session == anonymous:
        raise AssertionError("the session id did not change at sign-in")
    status, _, overview = call("/klient/")
    expect_equal(status, 200, "signed-in client overview")
    expect_in("Testovací věřitel s.r.o.", overview, "creditor name on the overview")

    status, _, page = call("/klient/zapomenute-heslo")
    call("/klient/zapomenute-heslo", {"csrf_token": form_token(page), "email": "e2e@test.cz"})
    mail_dir = os.path.join(stack.work, "data", "mail")
    deadline = time.time() + 10
    files = []
    while not files and time.time() < deadline:
        if os.path.isdir(mail_dir):
            files = sorted(name for name in os.listdir(mail_dir) if name.endswith("-password_reset.eml"))
        time.sleep(0.1)
    if not files:
        raise AssertionError("the worker wrote no reset e-mail under the data directory within 10 s")
    with open(os.path.join(mail_dir, files[-1]), encoding="utf-8") as handle:
        mail = email.message_from_file(handle, policy=email.policy.default)
    text = mail.get_body(preferencelist=("plain",)).get_content()
    expect_equal(mail["Subject"], "Kolektor: nastavení nového hesla", "decoded subject of the reset e-mail")
    expect_in("<a href=", mail.get_body(preferencelist=("html",)).get_content(), "HTML part with a link")
    token = re.search(r"nove-heslo#token=([A-Za-z0-9_-]+)", text).group(1)
    status, _, page = call("/klient/nove-heslo")
    expect_equal(status, 200, "reset form status")
    status, _, _ = call("/klient/nove-heslo", {"csrf_token": form_token(page), "token": token,
                                               "heslo": "E2e-nove-heslo-2027", "heslo2": "E2e-nove-heslo-2027"})
    expect_equal(status, 303, "reset status")

    mailbox = stack.get("/vyvoj/posta")
    expect_equal(mailbox.status, 200, "development mailbox")
    expect_in("Kolektor: nastavení nového hesla", mailbox.text, "reset e-mail in the mailbox")

    time.sleep(0.3)
    with open(os.path.join(stack.nginx_prefix, "access.log"), encoding="utf-8") as handle:
        access_log = handle.read()
    with open(stack.worker_log_path, encoding="utf-8") as handle:
        worker_log = handle.read()
    logs = stack.portal_log() + access_log + worker_log
    for secret in (password, "E2e-nove-heslo-2027", token, session, anonymous, "e2e@test.cz"):
        if secret in logs:
            raise AssertionError("a secret or e-mail address appears in the portal or nginx log")
    hashes = psql(stack.database_url, "SELECT password_hash FROM users WHERE email = 'e2e@test.cz'")
    if not hashes.startswith("$argon2id$"):
        raise AssertionError("the password hash is not argon2id")


def signed_in_client(stack, email, password):
    """Signs in to the client site through nginx and returns a function call(path) -> (status, headers, bytes)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), harness.NoRedirect)

    def call(path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with opener.open(stack.base + path, data=body, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    _, _, page = call("/klient/prihlaseni")
    status, _, _ = call("/klient/prihlaseni", {"csrf_token": form_token(page.decode()), "email": email, "heslo": password})
    expect_equal(status, 303, "sign-in status")
    return call


@test
def stamp_qr_code_leads_to_verification_page(stack):
    created = stack.run_portal("admin", "create-organization", "--ico", "00006947", "--name", "Razítkový věřitel a.s.")
    expect_equal(created.returncode, 0, "create-organization exit status: " + created.stderr)
    password = "E2e-razitko-heslo-2026"
    user = stack.run_portal("admin", "create-user", "--organization", "00006947", "--role", "client-admin",
                            "--email", "razitko@test.cz", "--name", "Radek Razítko", "--password", password)
    expect_equal(user.returncode, 0, "create-user exit status: " + user.stderr)
    call = signed_in_client(stack, "razitko@test.cz", password)

    status, headers, png = call("/klient/razitko/razitko.png")
    expect_equal(status, 200, "stamp PNG status")
    expect_equal(headers.get("Content-Type"), "image/png", "stamp PNG type")
    path = os.path.join(stack.work, "razitko.png")
    with open(path, "wb") as handle:
        handle.write(png)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", path], capture_output=True, text=True, check=True)
    urls = decoded.stdout.split()
    expect_equal(len(urls), 1, "QR codes in the stamp")
    url = urls[0]
    code = psql(stack.database_url, "SELECT verification_code FROM organizations WHERE ico = '00006947'")
    expect_equal(url, stack.base + "/overeni/" + code, "URL in the QR code")

    with urllib.request.urlopen(url, timeout=10) as response:
        expect_equal(response.status, 200, "verification page status")
        expect_equal(response.headers.get("X-Robots-Tag"), "noindex", "verification page robots header")
        page = response.read().decode()
    expect_in("Razítkový věřitel a.s.", page, "creditor name on the verification page")
    expect_in("00006947", page, "IČO on the verification page")
    expect_in("Razítko je pravé", page, "confirmation on the verification page")

    expect_equal(stack.get("/overeni/aaaaaaaaaaaaaaaaaaaa").status, 404, "unknown code status")
    time.sleep(0.3)
    if code in stack.portal_log():
        raise AssertionError("the verification code appears in the portal log")


@test
def import_cli_applies_and_rejects_isdoc(stack):
    sample = os.path.join(ROOT, "..", "shared", "samples", "isdoc", "sample.isdoc")
    for ico, name in (("25097563", "Dodavatel vzorku a.s."), ("45317054", "Jiný věřitel a.s.")):
        created = stack.run_portal("admin", "create-organization", "--ico", ico, "--name", name)
        expect_equal(created.returncode, 0, f"exit status of create-organization {ico}")
    applied = stack.run_portal("import", "--creditor", "25097563", "--mode", "snapshot", sample)
    expect_equal(applied.returncode, 0, "exit status of an accepted import")
    expect_in("nové 2", applied.stdout, "report of an accepted import")
    again = stack.run_portal("import", "--creditor", "25097563", "--mode", "snapshot", sample)
    expect_equal(again.returncode, 0, "exit status of a repeated import")
    expect_in("nové 0, změněné 0, uhrazené 0, stornované 0, beze změny 2", again.stdout, "report of a repeated import")
    rejected = stack.run_portal("import", "--creditor", "45317054", sample)
    expect_equal(rejected.returncode, 1, "exit status of an import for another creditor")
    expect_in("IČO 25097563", rejected.stderr, "rejection names the file's supplier")
    expect_in("IČO 45317054", rejected.stderr, "rejection names the creditor")


def fastcgi_record(kind, content, request_id=1):
    padding = (8 - len(content) % 8) % 8
    return bytes([1, kind, request_id >> 8, request_id & 255, len(content) >> 8, len(content) & 255, padding, 0]) \
        + content + bytes(padding)


def fastcgi_params(pairs):
    encoded = b""
    for name, value in pairs:
        encoded += bytes([len(name), len(value)]) + name + value
    return encoded


@test
def negative_content_length_is_rejected(stack):
    # nginx never sends this, but anything that can reach the socket could; the portal must answer and live on.
    params = fastcgi_params([(b"REQUEST_METHOD", b"POST"), (b"REQUEST_URI", b"/"), (b"CONTENT_LENGTH", b"-1")])
    request = (fastcgi_record(1, bytes([0, 1, 0, 0, 0, 0, 0, 0])) + fastcgi_record(4, params) + fastcgi_record(4, b"")
               + fastcgi_record(5, b""))
    with socket.socket(socket.AF_UNIX) as raw:
        raw.settimeout(10)
        raw.connect(stack.socket_path)
        raw.sendall(request)
        answer = b""
        while b"Status:" not in answer:
            chunk = raw.recv(4096)
            if not chunk:
                break
            answer += chunk
    expect_in(b"Status: 400", answer, "answer to a negative CONTENT_LENGTH")
    time.sleep(0.2)
    if stack.process.poll() is not None:
        raise AssertionError("portal serve exited after a negative CONTENT_LENGTH")
    expect_equal(stack.get("/").status, 200, "home page afterwards")


@test
def sigterm_stops_cleanly(stack):
    status = stack.stop_portal()
    expect_equal(status, 0, "exit status after SIGTERM")
    expect_in("msg=\"server stopped\"", stack.portal_log(), "shutdown log line")
    if os.path.exists(stack.socket_path):
        raise AssertionError("the socket file was left behind")
    stack.start_portal()
    stack.wait_until_healthy(10)


def main():
    global ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--portal", required=True)
    parser.add_argument("-k", help="run only tests whose name contains this text")
    options = parser.parse_args()
    ROOT = options.root

    admin_url = os.environ["DATABASE_URL"]
    psql(admin_url, "DROP DATABASE IF EXISTS kolektor_e2e WITH (FORCE)")
    psql(admin_url, "CREATE DATABASE kolektor_e2e")
    database_url = admin_url.replace("dbname=postgres", "dbname=kolektor_e2e")
    work = os.path.join(options.work, "e2e")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)

    import delivery_tests  # noqa: F401,E402  (registers its tests)
    import browser_tests  # noqa: F401,E402
    import debtor_tests  # noqa: F401,E402  (registers its tests)

    stack = Stack(options.root, work, options.portal, database_url)
    passed = failed = 0
    try:
        stack.start()
        for function in TESTS:
            if options.k and options.k not in function.__name__:
                continue
            try:
                function(stack)
                passed += 1
                print(f"PASS {function.__name__}")
            except Exception:
                failed += 1
                print(f"FAIL {function.__name__}")
                traceback.print_exc()
    finally:
        stack.stop()
    if failed:
        print("--- portal log (last 40 lines) ---")
        print("\n".join(stack.portal_log().splitlines()[-40:]))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
