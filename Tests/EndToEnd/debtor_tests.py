"""End-to-end tests of the debtor portal over nginx: letter-code sign-in, the QR image and evidence uploads."""
import hashlib
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import harness
from checks import expect_equal, expect_in, psql, test

ACCESS_CODE = "E2EA-AAAB-BBBC"


def create_case(stack):
    """Create a creditor, a debtor with one open receivable, a demanding case and letter access to it."""
    created = stack.run_portal("admin", "create-organization", "--ico", "12345679", "--name", "Dlužnický věřitel s.r.o.",
                               "--bank-account", "19-2000145399/0800")
    expect_equal(created.returncode, 0, "create-organization exit status: " + created.stderr)
    code_hash = hashlib.sha256(ACCESS_CODE.replace("-", "").encode()).hexdigest()
    psql(stack.database_url, f"""
        WITH creditor AS (SELECT id FROM organizations WHERE ico = '12345679'),
        debtor AS (
            INSERT INTO debtors (organization_id, kind, name) SELECT id, 'business', 'Koncový odběratel s.r.o.'
            FROM creditor RETURNING id, organization_id),
        receivable AS (
            INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, variable_symbol,
                                     due_date, currency, total_minor, remaining_minor, status, source, created_at,
                                     updated_at)
            SELECT organization_id, id, 'E2E-1', 'E2E-1', '777', '2026-03-01', 'CZK', 250000, 250000, 'open',
                   'manual', now(), now() FROM debtor),
        created_case AS (
            INSERT INTO cases (organization_id, debtor_id, stage, demands_sent, created_at, updated_at)
            SELECT organization_id, id, 'demanding', 1, now(), now() FROM debtor RETURNING id, organization_id)
        INSERT INTO debtor_access (organization_id, case_id, link_hash, code_hash, created_at, expires_at)
        SELECT organization_id, id, decode('{hashlib.sha256(b"e2e-link").hexdigest()}', 'hex'),
               decode('{code_hash}', 'hex'), now(), now() + interval '30 days' FROM created_case
    """)


def debtor_browser(stack):
    """Return call(path, data, content_type) -> (status, headers, bytes) with its own cookie jar, redirects off."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), harness.NoRedirect)

    def call(path, data=None, content_type=None):
        headers = {"Content-Type": content_type} if content_type else {}
        if data is not None and content_type is None:
            data = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(stack.base + path, data=data, headers=headers)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    return call


def csrf(page):
    match = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    if not match:
        raise AssertionError("no CSRF field in the page")
    return match.group(1).decode()


def multipart(fields, file_field, file_name, content):
    boundary = "e2e-debtor-boundary"
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
             "Content-Type: application/pdf\r\n\r\n").encode()
    body += content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@test
def debtor_signs_in_by_letter_and_uploads_evidence(stack):
    create_case(stack)
    call = debtor_browser(stack)
    status, _, page = call("/dluznik/prihlaseni")
    expect_equal(status, 200, "letter sign-in page")
    expect_in("Kód z dopisu", page.decode(), "letter code field")
    status, headers, _ = call("/dluznik/prihlaseni", {"csrf_token": csrf(page), "kod": ACCESS_CODE.lower()})
    expect_equal(status, 303, "letter code sign-in")
    expect_in("Path=/dluznik/", headers.get("Set-Cookie", ""), "debtor cookie path")

    status, _, overview = call("/dluznik/")
    expect_equal(status, 200, "debtor overview")
    text = overview.decode()
    expect_in("Koncový odběratel s.r.o.", text, "debtor name")
    expect_in("2 500,00 Kč", text, "principal")
    receivable_id = re.search(r"/dluznik/qr/(\d+)\.png", text).group(1)
    status, headers, png = call(f"/dluznik/qr/{receivable_id}.png")
    expect_equal(status, 200, "QR image status")
    expect_equal(headers.get("Content-Type"), "image/png", "QR image type")
    expect_equal(png[:4], b"\x89PNG", "QR image magic")

    # Over 10 MB: nginx and the FastCGI server let it through to the handler, which rejects it in Czech.
    token = csrf(overview)
    body, content_type = multipart({"csrf_token": token, "duvod": "Zaplaceno."}, "doklad", "velky.pdf",
                                   b"%PDF-1.4\n" + b" " * (11 * 1024 * 1024))
    status, _, page = call("/dluznik/odpoved/nedluzim", body, content_type)
    expect_equal(status, 400, "oversize evidence")
    expect_in("větší než 10 MB", page.decode(), "oversize message")

    # 3 MB is above the general 1 MB body limit, so this proves the upload path is allowed larger bodies.
    body, content_type = multipart({"csrf_token": token, "duvod": "Zaplaceno převodem."}, "doklad", "doklad.pdf",
                                   b"%PDF-1.4\n" + b" " * (3 * 1024 * 1024))
    status, headers, _ = call("/dluznik/odpoved/nedluzim", body, content_type)
    expect_equal(status, 303, "evidence upload")
    stage = psql(stack.database_url,
                 "SELECT stage FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE d.name = 'Koncový odběratel s.r.o.'")
    expect_equal(stage, "disputed", "case stage after not owed")
    log = stack.portal_log()
    if ACCESS_CODE in log or ACCESS_CODE.lower() in log:
        raise AssertionError("the access code reached the log")
