import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

/// A debtor's link, code and session open only their own case: every id of another case in a URL is not found.
@Suite(.serialized) struct DebtorIsolationTests {
    @Test func otherCaseIsUnreachable() throws {
        let fixture = try PortalFixture()
        try fixture.setCreditorAccount(fixture.creditorA.id)
        try fixture.setCreditorAccount(fixture.creditorB.id)
        var receivables: [Int64] = []
        var demands: [Int64] = []
        var evidence: [Int64] = []
        var codes: [String] = []
        var tokens: [String] = []
        let parties = [
            (fixture.creditorA.id, "První s.r.o.", "601111111"), (fixture.creditorB.id, "Druhý a.s.", "602222222"),
        ]
        for (index, (creditor, name, phone)) in parties.enumerated() {
            let (debtor, caseID) = try fixture.makeCase(organizationID: creditor, name: name, phone: phone)
            receivables.append(
                try fixture.addReceivable(
                    organizationID: creditor, debtorID: debtor.id, invoiceNumber: "FV-\(index)",
                    variableSymbol: "\(index + 1)",
                    due: "2026-05-01", amountMinor: 100_000))
            demands.append(
                try fixture.addSentDemand(organizationID: creditor, caseID: caseID, pdf: Array("%PDF-\(index)".utf8)))
            let (token, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
            tokens.append(token)
            codes.append(code)
        }

        // Each debtor uploads evidence, so each case has a debtor document too.
        var browsers: [Browser] = []
        for code in codes {
            let browser = Browser(fixture)
            #expect(browser.signInWithLetterCode(code).response.status == 303)
            let csrf = Browser.csrf(in: browser.get("/dluznik/").body) ?? ""
            browser.postMultipart(
                "/dluznik/odpoved/nedluzim", [("csrf_token", csrf), ("duvod", "Sporné.")],
                file: (field: "doklad", name: "d.pdf", bytes: Array("%PDF-evidence".utf8)))
            browsers.append(browser)
        }
        for row in try fixture.connection.query("SELECT evidence_document_id FROM debtor_answers ORDER BY id").rows {
            evidence.append(try row.int("evidence_document_id"))
        }
        #expect(evidence.count == 2)

        for (mine, other) in [(0, 1), (1, 0)] {
            let browser = browsers[mine]
            let page = browser.get("/dluznik/").body
            #expect(page.contains(parties[mine].1))
            #expect(!page.contains(parties[other].1))
            #expect(!page.contains("FV-\(other)"))
            #expect(browser.get("/dluznik/dokumenty/\(demands[mine])").response.status == 200)
            #expect(browser.get("/dluznik/dokumenty/\(evidence[mine])").response.status == 200)
            #expect(browser.get("/dluznik/qr/\(receivables[mine]).png").response.status == 200)
            #expect(browser.get("/dluznik/dokumenty/\(demands[other])").response.status == 404)
            #expect(browser.get("/dluznik/dokumenty/\(evidence[other])").response.status == 404)
            #expect(browser.get("/dluznik/qr/\(receivables[other]).png").response.status == 404)
        }

        // A session of another site or a client's cookie under the debtor's name opens nothing.
        let client = Browser(fixture)
        client.signIn(site: .client, email: "admina@test.cz")
        client.cookies[fixture.cookieName(.debtor)] = client.cookies[fixture.cookieName(.client)]
        #expect(client.get("/dluznik/").response.status == 303)
        #expect(client.get("/dluznik/dokumenty/\(demands[0])").response.status == 303)

        // The anonymous session of the link page is not a signed-in debtor session.
        let visitor = Browser(fixture)
        visitor.get("/dluznik/vstup/\(tokens[0])")
        #expect(visitor.cookies[fixture.cookieName(.debtor)] != nil)
        #expect(visitor.get("/dluznik/").response.status == 303)
        #expect(visitor.get("/dluznik/dokumenty/\(demands[0])").response.status == 303)
    }
}
