import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct DebtorPortalTests {
    @Test func overviewShowsClaimDocumentsAndPayment() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        try fixture.setCreditorAccount(creditor)
        let (debtor, caseID) = try fixture.makeCase(organizationID: creditor, name: "Odběratel s.r.o.")
        let receivableID = try fixture.addReceivable(
            organizationID: creditor, debtorID: debtor.id, invoiceNumber: "FV-2026-001", variableSymbol: "2026001",
            due: "2026-06-01", amountMinor: 1_000_000)
        let pdf = Array("%PDF-1.7 demand".utf8)
        let demandID = try fixture.addSentDemand(organizationID: creditor, caseID: caseID, pdf: pdf)
        let (_, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)

        let page = browser.get("/dluznik/")
        #expect(page.response.status == 200)
        #expect(page.body.contains("Věřitel A s.r.o."))
        #expect(page.body.contains("FV-2026-001"))
        #expect(page.body.contains("2026001"))
        #expect(page.body.contains("19-2000145399/0800"))
        // 10 000 Kč from 2 June to 4 December 2026 (186 days) at 11,50 %: 586,03 Kč; flat cost 1 200 Kč.
        #expect(page.body.contains("10 000,00 Kč"))
        #expect(page.body.contains("586,03 Kč"))
        #expect(page.body.contains("1 200,00 Kč"))
        #expect(page.body.contains("11 786,03 Kč"))
        #expect(page.body.contains("/dluznik/dokumenty/\(demandID)"))
        #expect(page.body.contains("/dluznik/qr/\(receivableID).png"))

        let download = browser.get("/dluznik/dokumenty/\(demandID)")
        #expect(download.response.status == 200)
        #expect(download.response.header("Content-Type") == "application/pdf")
        #expect(download.response.body == pdf)

        let qr = browser.get("/dluznik/qr/\(receivableID).png")
        #expect(qr.response.status == 200)
        #expect(qr.response.header("Content-Type") == "image/png")
        #expect(qr.response.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func unknownRateShowsNoteNotError() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (debtor, caseID) = try fixture.makeCase(organizationID: creditor, name: "Starý dluh s.r.o.")
        try fixture.addReceivable(
            organizationID: creditor, debtorID: debtor.id, invoiceNumber: "FV-2013-9", variableSymbol: "20139",
            due: "2013-03-01", amountMinor: 50_000)
        let (_, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let page = browser.get("/dluznik/")
        #expect(page.response.status == 200)
        #expect(page.body.contains("sazba pro pololetí 2013-H1"))
        #expect(page.body.contains("500,00 Kč"))
        #expect(page.body.contains("neuvedl číslo účtu"))
    }

    @Test func powerOfAttorneyIsListed() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (_, caseID) = try fixture.makeCase(organizationID: creditor, name: "Zastoupený s.r.o.")
        let pdf = Array("%PDF-1.7 power".utf8)
        let document = try DocumentRepository.insert(
            organizationID: creditor, caseID: nil, kind: "power_of_attorney", filename: "plna-moc.pdf",
            contentType: "application/pdf", content: pdf, sha256: Digest.sha256(pdf).hexString, createdBy: "test",
            at: fixture.clock.now, on: fixture.connection)
        try fixture.connection.query(
            """
            INSERT INTO powers_of_attorney (organization_id, lawyer_id, scope, granted_by, granted_at, granted_from,
                                            document_id, accepted_at)
            VALUES (\(creditor), \(fixture.users["lawyer"]!.id), 'all', \(fixture.users["adminA"]!.id),
                    \(fixture.clock.now), '192.0.2.1', \(document.id), \(fixture.clock.now))
            """)
        let (_, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let page = browser.get("/dluznik/").body
        #expect(page.contains("Plná moc pro advokáta Uživatel lawyer"))
        #expect(page.contains("ČAK 12345"))
        #expect(browser.get("/dluznik/dokumenty/\(document.id)").response.body == pdf)
    }

    @Test func scriptInDebtorNameRendersInert() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (debtor, caseID) = try fixture.makeCase(organizationID: creditor, name: "<script>alert(1)</script> s.r.o.")
        try fixture.addReceivable(
            organizationID: creditor, debtorID: debtor.id, invoiceNumber: "<img src=x onerror=alert(2)>",
            variableSymbol: "1", due: "2026-06-01", amountMinor: 10_000)
        let (_, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let page = browser.get("/dluznik/").body
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<img src=x"))
    }

    @Test func everyFormCarriesCSRFField() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(organizationID: fixture.creditorA.id, name: "Formulářový s.r.o.")
        let (_, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let page = browser.get("/dluznik/").body
        let forms = page.components(separatedBy: "<form").count - 1
        let fields = page.components(separatedBy: "name=\"csrf_token\"").count - 1
        #expect(forms >= 5)
        #expect(forms == fields)
    }

    @Test func pagesHaveEveryTextInBothLanguages() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (debtor, caseID) = try fixture.makeCase(
            organizationID: creditor, name: "Dvojjazyčný s.r.o.", phone: "601000555")
        try fixture.addReceivable(
            organizationID: creditor, debtorID: debtor.id, invoiceNumber: "FV-1", variableSymbol: "1",
            due: "2026-03-01",
            amountMinor: 10_000)
        let (token, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let misuseToken = try DebtorAccessTokens.createMisuseLink(
            organizationID: creditor, debtorID: debtor.id, now: fixture.clock.now, on: fixture.connection)
        for language in ["cs", "en"] {
            let browser = Browser(fixture)
            browser.cookies["lang"] = language
            var pages = [
                browser.get("/dluznik/prihlaseni").body, browser.get("/dluznik/vstup/\(token)").body,
                browser.get("/zneuziti/\(misuseToken)").body,
            ]
            browser.signInWithLetterCode(code)
            pages.append(browser.get("/dluznik/").body)
            let operatorBrowser = Browser(fixture)
            operatorBrowser.cookies["lang"] = language
            operatorBrowser.signIn(site: .operator, email: "operator@test.cz")
            pages.append(operatorBrowser.get("/operator/zneuziti").body)
            for page in pages {
                #expect(!page.contains("debtorPortal."), "missing \(language) text")
                #expect(!page.contains("operatorMisuse."), "missing \(language) text")
                #expect(page.contains("<html lang=\"\(language)\">"))
            }
        }
    }
}
