import Domain
import Foundation
import Roles
import Store
import Testing
import Web

/// The client portal's import pages, receivable list and manual entry, driven in-process like a browser.
@Suite(.serialized) struct ClientImportPageTests {
    let fixture: PortalFixture
    let browser: Browser

    init() throws {
        fixture = try PortalFixture()
        browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
    }

    func upload(_ xml: String, mode: String = "snapshot", partial: Bool = false) -> (response: Response, body: String) {
        var fields = [("csrf_token", "csrf-adminA"), ("rezim", mode)]
        if partial { fields.append(("castecny", "1")) }
        return browser.postMultipart("/klient/importy", fields, file: ("soubor", "pohledavky.xml", Array(xml.utf8)))
    }

    @Test func uploadShowsReportWithChanges() throws {
        let page = browser.get("/klient/importy")
        #expect(page.response.status == 200)
        #expect(page.body.contains("enctype=\"multipart/form-data\""))

        let posted = upload(Samples.kolektorXML(receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2")))
        #expect(posted.response.status == 303)
        let location = try #require(posted.response.header("Location"))
        #expect(location.hasPrefix("/klient/importy/"))

        let report = browser.get(location)
        #expect(report.response.status == 200)
        #expect(report.body.contains("Soubor byl naimportován."))
        #expect(report.body.contains("FV-1"))
        #expect(report.body.contains("nová"))

        let history = browser.get("/klient/importy")
        #expect(history.body.contains("pohledavky.xml"))
        let list = browser.get("/klient/pohledavky")
        #expect(list.body.contains("FV-2"))
        #expect(list.body.contains("1 000,00 Kč"))
    }

    @Test func rejectedUploadShowsIssues() throws {
        let posted = upload(Samples.kolektorXML(receivables: Samples.receivable("FV-1", total: "abc")))
        let report = browser.get(try #require(posted.response.header("Location")))
        #expect(report.body.contains("Soubor byl odmítnut a nic se nezměnilo."))
        #expect(report.body.contains("není platná částka"))
        #expect(try ReceivableRepository.all(organizationID: fixture.creditorA.id, on: fixture.connection).isEmpty)
    }

    @Test func uploadWithoutCSRFTokenIsForbidden() {
        let posted = browser.postMultipart(
            "/klient/importy", [("rezim", "delta")], file: ("soubor", "a.xml", Array("<a/>".utf8)))
        #expect(posted.response.status == 403)
    }

    @Test func subordinateCannotImport() throws {
        let subordinate = Browser(fixture)
        subordinate.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("subordinateA", site: .client)
        #expect(subordinate.get("/klient/importy").response.status == 403)
        #expect(subordinate.get("/klient/pohledavky/nova").response.status == 403)
    }

    @Test func otherCreditorCannotSeeReport() throws {
        let posted = upload(Samples.kolektorXML(receivables: Samples.receivable("FV-1")))
        let location = try #require(posted.response.header("Location"))
        let other = Browser(fixture)
        other.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminB", site: .client)
        #expect(other.get(location).response.status == 404)
    }

    @Test func importedScriptRendersInert() throws {
        let xml = Samples.kolektorXML(receivables: Samples.receivable("FV-1"))
            .replacingOccurrences(of: "Odběratel a.s.", with: "<![CDATA[<script>alert(1)</script>]]>")
        let posted = upload(xml)
        let report = browser.get(try #require(posted.response.header("Location")))
        #expect(!report.body.contains("<script>alert(1)</script>"))
        #expect(report.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func manualEntryWarnsAndSaves() throws {
        let form = browser.get("/klient/pohledavky/nova")
        #expect(form.response.status == 200)
        #expect(form.body.contains("Ručně zadaná pohledávka nesleduje platby"))

        let fields = [
            ("csrf_token", "csrf-adminA"), ("cislo", "R-1"), ("vs", "1"), ("vystaveno", "2026-11-01"),
            ("splatnost", "2026-11-20"), ("mena", "CZK"), ("castka", "2 500,00"), ("typ", "business"),
            ("nazev", "Ruční s.r.o."), ("ico", "27082440"), ("email", ""), ("ulice", ""), ("obec", ""), ("psc", ""),
        ]
        let saved = browser.post("/klient/pohledavky/nova", fields)
        #expect(saved.response.status == 303)
        let stored = try #require(
            try ReceivableRepository.find(
                externalID: "R-1", organizationID: fixture.creditorA.id, on: fixture.connection))
        #expect(stored.source == "manual")
        #expect(stored.total == .czk(250000))

        let duplicate = browser.post("/klient/pohledavky/nova", fields)
        #expect(duplicate.response.status == 422)
        #expect(duplicate.body.contains("už v Kolektoru je"))

        // A snapshot never closes a manually entered receivable.
        _ = upload(Samples.kolektorXML(receivables: Samples.receivable("FV-1")), mode: "snapshot")
        let after = try ReceivableRepository.find(
            externalID: "R-1", organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(after?.status == .open)
    }

    @Test func manualEntryReportsInvalidValues() {
        let fields = [
            ("csrf_token", "csrf-adminA"), ("cislo", "R-2"), ("splatnost", ""), ("mena", "CZK"), ("castka", "0"),
            ("typ", "business"), ("nazev", "Firma"), ("ico", "12345678"),
        ]
        let result = browser.post("/klient/pohledavky/nova", fields)
        #expect(result.response.status == 422)
        #expect(result.body.contains("chybí datum splatnosti"))
        #expect(result.body.contains("IČO není platné"))
        #expect(result.body.contains("částka musí být kladná"))
    }
}

@Suite(.serialized) struct DebtorHistoryPageTests {
    @Test func debtorDetailShowsContactChange() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let first = Samples.kolektorXML(receivables: Samples.receivable("FV-1"))
        let second = first.replacingOccurrences(of: "ucetni@odberatel.cz", with: "fakturace@odberatel.cz")
        for xml in [first, second] {
            _ = browser.postMultipart(
                "/klient/importy", [("csrf_token", "csrf-adminA"), ("rezim", "delta")],
                file: ("soubor", "a.xml", Array(xml.utf8)))
        }
        let debtorID = try fixture.connection.query("SELECT debtor_id FROM receivables").first!.int("debtor_id")
        let page = browser.get("/klient/dluznici/\(debtorID)")
        #expect(page.response.status == 200)
        #expect(page.body.contains("Historie změn údajů"))
        #expect(page.body.contains("ucetni@odberatel.cz"))
        #expect(page.body.contains("fakturace@odberatel.cz"))
    }
}
