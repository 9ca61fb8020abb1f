import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct DebtorAnswerTests {
    /// A signed-in browser on a demanding case of creditor A.
    private func signedIn(_ fixture: PortalFixture, name: String = "Odpovídající s.r.o.") throws
        -> (browser: Browser, caseID: Int64, csrf: String)
    {
        let (_, caseID) = try fixture.makeCase(organizationID: fixture.creditorA.id, name: name)
        let (_, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        let csrf = try #require(Browser.csrf(in: browser.get("/dluznik/").body))
        return (browser, caseID, csrf)
    }

    @Test func willPayWithDateIsRecorded() throws {
        let fixture = try PortalFixture()
        let (browser, caseID, csrf) = try signedIn(fixture)
        let answered = browser.post("/dluznik/odpoved/zaplatim", [("csrf_token", csrf), ("datum", "2026-12-20")])
        #expect(answered.response.status == 303)
        let row = try #require(
            try fixture.connection.query(
                "SELECT answer, promised_on FROM debtor_answers WHERE case_id = \(caseID)"
            ).first)
        #expect(try row.string("answer") == "will_pay")
        #expect(try row.calendarDate("promised_on") == CalendarDate(iso: "2026-12-20"))
        #expect(try fixture.caseStage(caseID) == "demanding")
        let caseRow = try fixture.connection.query("SELECT last_answer FROM cases WHERE id = \(caseID)").first
        #expect(try caseRow?.string("last_answer") == "will_pay")
        let timeline = try CaseTimeline.timeline(
            caseID: caseID, organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(timeline.map(\.kind) == ["answer_will_pay"])
        let page = browser.get("/dluznik/").body
        #expect(page.contains("Slíbené datum úhrady: 20. 12. 2026."))

        let past = browser.post("/dluznik/odpoved/zaplatim", [("csrf_token", csrf), ("datum", "2026-01-01")])
        #expect(past.response.status == 400)
    }

    @Test func refusalIsRecordedAndNeedsCSRF() throws {
        let fixture = try PortalFixture()
        let (browser, caseID, csrf) = try signedIn(fixture)
        #expect(browser.post("/dluznik/odpoved/odmitam", [("csrf_token", "forged")]).response.status == 403)
        #expect(browser.post("/dluznik/odpoved/odmitam", []).response.status == 403)
        #expect(browser.post("/dluznik/odpoved/odmitam", [("csrf_token", csrf)]).response.status == 303)
        let answers = try fixture.connection.query("SELECT answer FROM debtor_answers WHERE case_id = \(caseID)").rows
        #expect(answers.count == 1)
        #expect(try answers.first?.string("answer") == "refuses")
    }

    @Test func notOwedWithPDFHoldsCase() throws {
        let fixture = try PortalFixture()
        let (browser, caseID, csrf) = try signedIn(fixture)
        let pdf = Array("%PDF-1.4\nreceipt\n%%EOF".utf8)
        let answered = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", [("csrf_token", csrf), ("duvod", "Zaplaceno převodem 3. 11.")],
            file: (field: "doklad", name: "potvrzeni.pdf", bytes: pdf))
        #expect(answered.response.status == 303)
        #expect(try fixture.caseStage(caseID) == "disputed")
        let answer = try #require(
            try fixture.connection.query(
                "SELECT reason, evidence_document_id FROM debtor_answers WHERE case_id = \(caseID)"
            ).first)
        #expect(try answer.string("reason") == "Zaplaceno převodem 3. 11.")
        let documentID = try #require(try answer.optionalInt("evidence_document_id"))
        let document = try #require(
            try DocumentRepository.find(
                id: documentID, organizationID: fixture.creditorA.id, on: fixture.connection))
        #expect(document.sha256 == Digest.sha256(pdf).hexString)
        #expect(document.contentType == "application/pdf")
        #expect(document.caseID == caseID)
        let timeline = try CaseTimeline.timeline(
            caseID: caseID, organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(timeline.last?.kind == "answer_not_owed")
        #expect(timeline.last?.documentID == documentID)

        var page = browser.get("/dluznik/").body
        #expect(page.contains("Věřitel vaši námitku posuzuje"))
        #expect(browser.get("/dluznik/dokumenty/\(documentID)").response.body == pdf)

        // A second answer is not possible while the dispute waits.
        #expect(browser.post("/dluznik/odpoved/odmitam", [("csrf_token", csrf)]).response.status == 400)

        try fixture.connection.query(
            """
            UPDATE debtor_answers SET resolution = 'rejected', resolution_reason = 'Platba byla na jinou fakturu.',
                   resolved_at = now(), resolved_by = 'user:1'
            WHERE case_id = \(caseID)
            """)
        page = browser.get("/dluznik/").body
        #expect(page.contains("neuznal"))
        #expect(page.contains("Platba byla na jinou fakturu."))
    }

    @Test func evidenceTypeAndSizeAreChecked() throws {
        let fixture = try PortalFixture()
        let (browser, caseID, csrf) = try signedIn(fixture)
        let fields = [("csrf_token", csrf), ("duvod", "Nic jsme neobjednali.")]

        // Named .pdf but an executable by its content.
        let fake = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", fields,
            file: (field: "doklad", name: "doklad.pdf", bytes: Array("MZ\u{90}binary".utf8)))
        #expect(fake.response.status == 400)
        #expect(fake.body.contains("není PDF"))

        var large = Array("%PDF-1.4\n".utf8)
        large += [UInt8](repeating: 0x20, count: 10 * 1024 * 1024)
        let oversize = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", fields, file: (field: "doklad", name: "velky.pdf", bytes: large))
        #expect(oversize.response.status == 400)
        #expect(oversize.body.contains("větší než 10 MB"))

        let noReason = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", [("csrf_token", csrf), ("duvod", " ")],
            file: (field: "doklad", name: "a.pdf", bytes: Array("%PDF-1.4".utf8)))
        #expect(noReason.response.status == 400)

        let forged = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", [("csrf_token", "forged"), ("duvod", "x")],
            file: (field: "doklad", name: "a.pdf", bytes: Array("%PDF-1.4".utf8)))
        #expect(forged.response.status == 403)

        #expect(try fixture.caseStage(caseID) == "demanding")
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM documents").first?.int("n") == 0)
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM debtor_answers").first?.int("n") == 0)

        let png = [UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        let image = browser.postMultipart(
            "/dluznik/odpoved/nedluzim", fields, file: (field: "doklad", name: "foto", bytes: png))
        #expect(image.response.status == 303)
        let type = try fixture.connection.query("SELECT content_type FROM documents").first?.string("content_type")
        #expect(type == "image/png")
    }
}
