import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct MisuseReportTests {
    @Test func publicLinkHoldsCaseAndOperatorDismisses() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (debtor, caseID) = try fixture.makeCase(organizationID: creditor, name: "Neznámý s.r.o.")
        let token = try DebtorAccessTokens.createMisuseLink(
            organizationID: creditor, debtorID: debtor.id, now: fixture.clock.now, on: fixture.connection)

        let visitor = Browser(fixture)
        let form = visitor.get("/zneuziti/\(token)")
        #expect(form.response.status == 200)
        #expect(form.body.contains("Tohoto věřitele neznám"))
        #expect(form.body.contains("Věřitel A s.r.o."))
        #expect(visitor.post("/zneuziti/\(token)", [("csrf_token", "forged")]).response.status == 403)
        let reported = visitor.post(
            "/zneuziti/\(token)",
            [("csrf_token", Browser.csrf(in: form.body) ?? ""), ("zprava", "Nikdy jsme nic neobjednali.")])
        #expect(reported.response.status == 200)
        #expect(try fixture.caseStage(caseID) == "misuse_hold")
        let stored = try fixture.connection.query("SELECT message, reported_from, status FROM misuse_reports").rows
        #expect(stored.count == 1)
        #expect(try stored.first?.string("message") == "Nikdy jsme nic neobjednali.")
        #expect(try stored.first?.string("reported_from") == "link")
        // Reporting again while the report is open adds nothing.
        visitor.post("/zneuziti/\(token)", [("csrf_token", Browser.csrf(in: form.body) ?? "")])
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM misuse_reports").first?.int("n") == 1)
        #expect(!fixture.log.text.contains(token))

        let operatorBrowser = Browser(fixture)
        operatorBrowser.signIn(site: .operator, email: "operator@test.cz")
        let list = operatorBrowser.get("/operator/zneuziti")
        #expect(list.response.status == 200)
        #expect(list.body.contains("Neznámý s.r.o."))
        #expect(list.body.contains("Nikdy jsme nic neobjednali."))
        let reportID = try #require(try fixture.connection.query("SELECT id FROM misuse_reports").first?.int("id"))
        let csrf = Browser.csrf(in: list.body) ?? ""
        let noNote = operatorBrowser.post(
            "/operator/zneuziti/\(reportID)", [("csrf_token", csrf), ("rozhodnuti", "dismiss")])
        #expect(noNote.response.status == 400)
        let dismissed = operatorBrowser.post(
            "/operator/zneuziti/\(reportID)",
            [("csrf_token", csrf), ("rozhodnuti", "dismiss"), ("poznamka", "Smlouva z roku 2025 doložena.")])
        #expect(dismissed.response.status == 303)
        #expect(try fixture.caseStage(caseID) == "demanding")
        let timeline = try CaseTimeline.timeline(caseID: caseID, organizationID: creditor, on: fixture.connection)
        #expect(timeline.map(\.kind) == ["misuse_reported", "misuse_dismissed"])
        let audit = try fixture.connection.query(
            "SELECT actor, action FROM audit_log WHERE action LIKE 'misuse%' ORDER BY id"
        ).rows
        #expect(try audit.map { try $0.string("action") } == ["misuse_reported", "misuse_dismissed"])
        #expect(try audit.last?.string("actor") == "user:\(fixture.users["operator"]!.id)")
    }

    @Test func portalButtonHoldsCaseAndOperatorUpholds() throws {
        let fixture = try PortalFixture()
        let creditor = fixture.creditorA.id
        let (_, caseID) = try fixture.makeCase(organizationID: creditor, name: "Omylem s.r.o.", stage: .noticeSent)
        let (_, code) = try fixture.makeAccess(organizationID: creditor, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let csrf = Browser.csrf(in: browser.get("/dluznik/").body) ?? ""
        #expect(browser.post("/dluznik/zneuziti", [("csrf_token", csrf), ("zprava", "")]).response.status == 303)
        #expect(try fixture.caseStage(caseID) == "misuse_hold")
        #expect(browser.get("/dluznik/").body.contains("Vymáhání stojí"))
        // No answer while the case is held.
        #expect(browser.post("/dluznik/odpoved/odmitam", [("csrf_token", csrf)]).response.status == 400)

        let operatorBrowser = Browser(fixture)
        operatorBrowser.signIn(site: .operator, email: "operator@test.cz")
        let list = operatorBrowser.get("/operator/zneuziti").body
        let reportID = try #require(try fixture.connection.query("SELECT id FROM misuse_reports").first?.int("id"))
        operatorBrowser.post(
            "/operator/zneuziti/\(reportID)",
            [
                ("csrf_token", Browser.csrf(in: list) ?? ""), ("rozhodnuti", "uphold"),
                ("poznamka", "Věřitel nedoložil smlouvu."),
            ])
        #expect(try fixture.caseStage(caseID) == "closed")
        let reason = try fixture.connection.query("SELECT closing_reason FROM cases WHERE id = \(caseID)").first
        #expect(try reason?.string("closing_reason") == "misuse")
        let report = try fixture.connection.query("SELECT status, decision_note FROM misuse_reports").first
        #expect(try report?.string("status") == "upheld")
        #expect(try report?.string("decision_note") == "Věřitel nedoložil smlouvu.")
    }

    @Test func operatorPageNeedsOperator() throws {
        let fixture = try PortalFixture()
        #expect(Browser(fixture).get("/operator/zneuziti").response.status == 303)
        let client = Browser(fixture)
        client.signIn(site: .client, email: "admina@test.cz")
        client.cookies[fixture.cookieName(.operator)] = client.cookies[fixture.cookieName(.client)]
        #expect(client.get("/operator/zneuziti").response.status == 303)
        #expect(Browser(fixture).get("/zneuziti/\(SecureRandom.token())").response.status == 404)
    }
}
