"""The whole collection path in real Chromium, through nginx, as each party would click through it.

Import a file, send the activation notice, grant and accept the power of attorney, a subordinate prepares a
demand, the admin approves, the lawyer sends, the debtor opens the e-mailed link, enters the SMS code and answers
"not owed" with a PDF, and the client sees the answer on the timeline. A screenshot of every page is saved under
test-output/screenshots/.
"""
import glob
import os
import re
import time

from checks import expect_equal, expect_in, psql, test

CREDITOR_ICO = "26340003"
PASSWORD = "Prohlizec-heslo-2026"


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    # Selenium must use Debian's chromedriver as it is, never download a driver.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                     "--lang=cs-CZ"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def replaced(element):
    """Checks whether the page that contained `element` is gone. Chromium reports a replaced page as a stale element
    or, during the swap, as a node that "does not belong to the document". Both mean the new page is loading."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


class Clicker:
    """Drives one browser and saves a numbered screenshot of every page it reaches."""

    def __init__(self, stack, driver, directory):
        self.stack = stack
        self.driver = driver
        self.directory = directory
        self.count = 0
        os.makedirs(directory, exist_ok=True)

    def shot(self, name):
        self.count += 1
        self.driver.save_screenshot(os.path.join(self.directory, f"{self.count:02d}-{name}.png"))

    def open(self, path, name):
        self.driver.get(self.stack.base + path)
        self.shot(name)

    def by(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def submit(self, form_selector, name):
        from selenium.webdriver.support.ui import WebDriverWait
        page = self.by("html")
        self.by(form_selector + " button[type=submit]").click()
        # The screenshot must show the page the form led to, not the form itself.
        WebDriverWait(self.driver, 15).until(lambda _: replaced(page))
        self.shot(name)

    def text(self):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sign_in(self, site, email):
        self.driver.delete_all_cookies()
        self.open(f"/{site}/prihlaseni", f"{site}-prihlaseni")
        self.by("#pole-email").send_keys(email)
        self.by("#pole-heslo").send_keys(PASSWORD)
        self.submit(f"form[action='/{site}/prihlaseni']", f"{site}-prihlasen")
        expect_equal(self.driver.current_url, f"{self.stack.base}/{site}/", f"page after {email} signed in")


def wait_for_file(pattern, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        files = sorted(glob.glob(pattern))
        if files:
            time.sleep(0.2)
            return files[-1]
        time.sleep(0.2)
    raise AssertionError(f"no file matching {pattern} within {seconds} s")


def set_up_accounts(stack):
    def portal(*arguments):
        result = stack.run_portal(*arguments)
        expect_equal(result.returncode, 0, f"portal {arguments[0]} {arguments[1]}: " + result.stderr)
    portal("admin", "create-organization", "--ico", CREDITOR_ICO, "--name", "Prohlížečový věřitel s.r.o.",
           "--bank-account", "19-2000145399/0800", "--street", "Vodičkova 1", "--city", "Praha", "--postal-code", "110 00")
    for role, email, name in (("client-admin", "spravce@prohlizec.test", "Alena Správcová"),
                              ("subordinate", "referent@prohlizec.test", "Rudolf Referent")):
        portal("admin", "create-user", "--organization", CREDITOR_ICO, "--role", role, "--email", email,
               "--name", name, "--password", PASSWORD)
    portal("admin", "create-partner", "--role", "lawyer", "--email", "advokat@prohlizec.test", "--name",
           "JUDr. Adam Advokát", "--cak", "54321", "--password", PASSWORD)


def import_file(stack):
    path = os.path.join(stack.work, "prohlizec-import.xml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<import xmlns="https://kolektor.cz/ns/import/1" version="1">
  <creditor><ico>{CREDITOR_ICO}</ico><name>Prohlížečový věřitel s.r.o.</name></creditor>
  <debtors>
    <debtor id="D1" kind="business">
      <name>Odběratel Prohlížeč a.s.</name>
      <ico>49240005</ico>
      <address><street>Dlouhá 1</street><city>Praha 1</city><postalCode>11000</postalCode></address>
      <email>ucetni@odberatel-prohlizec.test</email>
      <mobile>+420601234567</mobile>
      <language>cs</language>
    </debtor>
  </debtors>
  <receivables>
    <receivable debtor="D1">
      <invoiceNumber>FV-2026-0101</invoiceNumber>
      <variableSymbol>20260101</variableSymbol>
      <issueDate>2026-05-01</issueDate>
      <dueDate>2026-05-31</dueDate>
      <currency>CZK</currency>
      <total>12100.00</total>
      <remaining>12100.00</remaining>
      <status>open</status>
    </receivable>
  </receivables>
</import>
""")
    return path


def evidence_pdf(stack):
    path = os.path.join(stack.work, "doklad-o-zaplaceni.pdf")
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    return path


@test
def browser_full_collection_path(stack):
    set_up_accounts(stack)
    directory = os.path.join(os.environ.get("KOLEKTOR_TEST_OUTPUT", os.path.join(stack.root, "test-output")), "screenshots")
    driver = make_driver()
    browser = Clicker(stack, driver, directory)
    try:
        # The admin imports the file.
        browser.sign_in("klient", "spravce@prohlizec.test")
        browser.open("/klient/importy", "klient-importy")
        browser.by("#pole-soubor").send_keys(import_file(stack))
        browser.submit("form[action='/klient/importy']", "klient-import-report")
        expect_in("Odběratel Prohlížeč a.s.", browser.text() + psql(stack.database_url, "SELECT string_agg(name, ',') FROM debtors"),
                  "imported debtor")
        case_id = psql(stack.database_url, f"""
            SELECT c.id FROM cases c JOIN organizations o ON o.id = c.organization_id WHERE o.ico = '{CREDITOR_ICO}'""")
        if not case_id:
            browser.open("/klient/spisy", "klient-spisy")
            case_id = psql(stack.database_url, f"""
                SELECT c.id FROM cases c JOIN organizations o ON o.id = c.organization_id WHERE o.ico = '{CREDITOR_ICO}'""")
        browser.open("/klient/spisy", "klient-spisy")
        expect_in("Odběratel Prohlížeč a.s.", browser.text(), "case list")

        # The admin sends the activation notice.
        browser.open(f"/klient/spisy/{case_id}", "klient-spis-novy")
        browser.submit(f"form[action='/klient/spisy/{case_id}/oznameni']", "klient-oznameni-odeslano")
        expect_in("Oznámení bylo odesláno.", browser.text(), "notice confirmation")

        # The admin assigns the debtor to the subordinate and grants the power of attorney.
        subordinate_id = psql(stack.database_url, "SELECT id FROM users WHERE email = 'referent@prohlizec.test'")
        browser.open(f"/klient/uzivatele/{subordinate_id}", "klient-referent")
        for box in browser.all("input[name='dluznik']"):
            box.click()
        browser.submit(f"form[action='/klient/uzivatele/{subordinate_id}/dluznici']", "klient-prirazeno")
        browser.open("/klient/plne-moci", "klient-plne-moci")
        browser.submit("form[action='/klient/plne-moci']", "klient-plna-moc-udelena")
        expect_in("Plná moc byla udělena.", browser.text(), "power of attorney granted")

        # The lawyer accepts it.
        browser.sign_in("advokat", "advokat@prohlizec.test")
        browser.submit("form[action$='/prijmout']", "advokat-plna-moc-prijata")
        expect_in("Plnou moc jste přijali.", browser.text(), "power of attorney accepted")

        # Seven days pass (the creditor's spacing after the notice).
        psql(stack.database_url, f"UPDATE cases SET last_step_on = last_step_on - 7 WHERE id = {case_id}")

        # The subordinate prepares the reminder as a draft.
        browser.sign_in("klient", "referent@prohlizec.test")
        browser.open(f"/klient/spisy/{case_id}", "referent-spis")
        browser.submit(f"form[action='/klient/spisy/{case_id}/krok']", "referent-koncept")
        expect_in("Koncept kroku byl připraven.", browser.text(), "draft prepared")

        # The admin approves it.
        browser.sign_in("klient", "spravce@prohlizec.test")
        browser.open("/klient/ke-schvaleni", "klient-ke-schvaleni")
        browser.by("input[name='krok']").click()
        browser.submit("form[action='/klient/ke-schvaleni']", "klient-schvaleno")
        expect_in("Schváleno kroků: 1.", browser.text(), "approval")

        # The lawyer sends it.
        browser.sign_in("advokat", "advokat@prohlizec.test")
        browser.by("input[name='krok']").click()
        browser.submit("form[action='/advokat/pokyny']", "advokat-odeslano")
        expect_in("Odesláno: 1.", browser.text(), "lawyer's sending")

        # The debtor opens the e-mailed link and enters the SMS code.
        mail = wait_for_file(os.path.join(stack.work, "data", "mail", "*-demand_reminder.eml"))
        import email
        import email.policy
        with open(mail, encoding="utf-8") as handle:
            message = email.message_from_file(handle, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",)).get_content()
        link = re.search(r"https?://\S+/dluznik/vstup/\S+", text).group(0)
        expect_equal(str(message["To"]), "ucetni@odberatel-prohlizec.test", "demand recipient")
        browser.driver.delete_all_cookies()
        browser.driver.get(link.replace(re.match(r"https?://[^/]+", link).group(0), stack.base))
        browser.shot("dluznik-odkaz")
        # Opening the link sends nothing, because mail scanners open links too. The debtor requests the code.
        expect_equal(glob.glob(os.path.join(stack.work, "data", "sms", "*-sign_in_code.txt")), [],
                     "SMS codes before the debtor asks")
        browser.submit("form[action$='/znovu']", "dluznik-kod")
        sms = wait_for_file(os.path.join(stack.work, "data", "sms", "*-sign_in_code.txt"))
        with open(sms, encoding="utf-8") as handle:
            sms_text = handle.read()
        expect_in("To: +420601234567", sms_text, "SMS recipient")
        code = re.search(r"\b(\d{6})\b", sms_text.split("\n\n", 1)[1]).group(1)
        browser.by("#pole-kod").send_keys(code)
        browser.submit("form[action^='/dluznik/vstup/']:not([action$='/znovu'])", "dluznik-portal")
        expect_equal(browser.driver.current_url, stack.base + "/dluznik/", "debtor portal after the code")
        expect_in("12 100,00 Kč", browser.text(), "principal in the debtor portal")

        # The debtor answers "not owed" with a PDF.
        browser.by("#pole-duvod").send_keys("Fakturu jsme uhradili 3. 6. 2026, doklad přikládáme.")
        browser.by("#pole-doklad").send_keys(evidence_pdf(stack))
        browser.submit("form[action='/dluznik/odpoved/nedluzim']", "dluznik-odpoved")
        expect_equal(psql(stack.database_url, f"SELECT stage FROM cases WHERE id = {case_id}"), "disputed", "case stage")

        # The client sees the answer on the timeline.
        browser.sign_in("klient", "spravce@prohlizec.test")
        browser.open(f"/klient/spisy/{case_id}", "klient-spis-odpoved")
        page = browser.text()
        expect_in("Dlužník odpověděl: nedlužím", page, "answer on the timeline")
        expect_in("Fakturu jsme uhradili 3. 6. 2026", page, "debtor's reason")
        expect_in("sporné – čeká na rozhodnutí", page, "case stage shown")
    finally:
        driver.quit()
