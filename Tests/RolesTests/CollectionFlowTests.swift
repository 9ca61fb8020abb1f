import Crypto
import Domain
import Foundation
@testable import Roles
import Store
import Testing
import Web

/// The collection workflow in-process: notice, power of attorney, drafts, approval, the lawyer's sending.
@Suite(.serialized) struct CollectionFlowTests {
    /// Adds an open receivable for a debtor of creditor A, due `daysOverdue` days before the fixture's today.
    @discardableResult
    static func receivable(_ fixture: PortalFixture, debtor: String, invoice: String, minor: Int64, dueDaysAgo: Int = 200) throws -> Int64 {
        let due = CalendarDate(fixture.clock.now).adding(days: -dueDaysAgo)
        let debtorRecord = fixture.debtors[debtor]!
        return try fixture.connection.query(
            """
            INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, variable_symbol, issue_date,
                                     due_date, currency, total_minor, remaining_minor, status, source, created_at, updated_at)
            VALUES (\(debtorRecord.organizationID), \(debtorRecord.id), \(invoice), \(invoice), \(String(invoice.filter(\.isNumber).prefix(10))),
                    \(due.adding(days: -14)), \(due), 'CZK', \(minor), \(minor), 'open', 'manual', \(fixture.clock.now), \(fixture.clock.now))
            RETURNING id
            """
        ).first!.int("id")
    }

    /// Gives creditor A a bank account and the debtor an e-mail and address, so messages and letters can go out.
    static func prepareContacts(_ fixture: PortalFixture) throws {
        try fixture.connection.query(
            "UPDATE organizations SET bank_account = '19-2000145399/0800', iban = 'CZ6508000000192000145399' WHERE id = \(fixture.creditorA.id)")
        try fixture.connection.query(
            """
            UPDATE debtors SET email = 'dluznik@firma.test', phone = '+420777123456', street = 'Nádražní 12',
                   postal_code = '280 02', city = 'Kolín' WHERE organization_id = \(fixture.creditorA.id)
            """)
    }

    static func caseID(_ fixture: PortalFixture, debtor: String) throws -> Int64 {
        try CaseRepository.openMissing(organizationID: fixture.creditorA.id, today: CalendarDate(fixture.clock.now), now: fixture.clock.now, on: fixture.connection)
        return try fixture.connection.query(
            "SELECT id FROM cases WHERE debtor_id = \(fixture.debtors[debtor]!.id)").first!.int("id")
    }

    static func signedIn(_ fixture: PortalFixture, _ user: String, site: Site) throws -> Browser {
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(site)] = try fixture.sessionToken(user, site: site)
        return browser
    }

    static func grantAcceptedPower(_ fixture: PortalFixture) throws {
        let admin = try signedIn(fixture, "adminA", site: .client)
        let page = admin.get("/klient/plne-moci")
        #expect(page.response.status == 200)
        let granted = admin.post("/klient/plne-moci", [("csrf_token", "csrf-adminA"), ("advokat", "\(fixture.users["lawyer"]!.id)"), ("rozsah", "all")])
        #expect(granted.response.status == 303)
        let powerID = try fixture.connection.query("SELECT id FROM powers_of_attorney").first!.int("id")
        let lawyer = try signedIn(fixture, "lawyer", site: .lawyer)
        let accepted = lawyer.post("/advokat/plne-moci/\(powerID)/prijmout", [("csrf_token", "csrf-lawyer")])
        #expect(accepted.response.status == 303)
    }

    @Test func noticeThenDemandAfterSpacing() throws {
        let fixture = try PortalFixture()
        try Self.prepareContacts(fixture)
        try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026001", minor: 1_000_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        try Self.grantAcceptedPower(fixture)
        let admin = try Self.signedIn(fixture, "adminA", site: .client)

        let notice = admin.post("/klient/spisy/\(caseID)/oznameni", [("csrf_token", "csrf-adminA"), ("kanal", "email")])
        #expect(notice.response.status == 303)
        #expect(try fixture.connection.query("SELECT stage FROM cases WHERE id = \(caseID)").first?.string("stage") == "notice_sent")
        let noticeMail = try #require(try fixture.connection.query("SELECT subject, body_text FROM outbox WHERE kind = 'activation_notice'").first)
        #expect(try noticeMail.string("subject") == "Věřitel A s.r.o.: pohledávky po splatnosti vymáhá Kolektor")
        #expect(try noticeMail.string("body_text").contains("/zneuziti/"))

        // The admin prepares the reminder; it is approved at once, but the lawyer may not send it before the spacing.
        #expect(admin.post("/klient/spisy/\(caseID)/krok", [("csrf_token", "csrf-adminA"), ("kanal", "email")]).response.status == 303)
        let stepID = try fixture.connection.query("SELECT id FROM steps WHERE status = 'approved'").first!.int("id")
        let lawyer = try Self.signedIn(fixture, "lawyer", site: .lawyer)
        let early = lawyer.post("/advokat/pokyny", [("csrf_token", "csrf-lawyer"), ("krok", "\(stepID)")])
        #expect(early.response.status == 422)
        #expect(early.body.contains("Další krok lze odeslat nejdříve"))
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox WHERE kind = 'demand_reminder'").first?.int("n") == 0)

        fixture.clock.advance(by: 7 * 86_400)
        let lawyerLater = try Self.signedIn(fixture, "lawyer", site: .lawyer)
        let sent = lawyerLater.post("/advokat/pokyny", [("csrf_token", "csrf-lawyer"), ("krok", "\(stepID)")])
        #expect(sent.response.status == 200)
        #expect(sent.body.contains("Odesláno: 1."))
        let demand = try #require(try fixture.connection.query(
            "SELECT o.body_text, o.recipient, a.content_type FROM outbox o JOIN outbox_attachments a ON a.outbox_id = o.id WHERE o.kind = 'demand_reminder'"
        ).first)
        #expect(try demand.string("recipient") == "dluznik@firma.test")
        #expect(try demand.string("content_type") == "application/pdf")
        #expect(try demand.string("body_text").contains("/dluznik/vstup/"))
        let document = try #require(try fixture.connection.query("SELECT sha256, content FROM documents WHERE kind = 'demand_reminder'").first)
        #expect(try document.string("sha256") == Digest.sha256(try document.bytes("content")).hexString)
        let state = try #require(try fixture.connection.query("SELECT stage, demands_sent FROM cases WHERE id = \(caseID)").first)
        #expect(try state.string("stage") == "demanding")
        #expect(try state.int("demands_sent") == 1)
        let timeline = try fixture.connection.query("SELECT kind FROM case_events WHERE case_id = \(caseID) ORDER BY id").rows.map { try $0.string("kind") }
        #expect(timeline == ["activation_notice_sent", "step_approved", "demand_reminder_sent"])
    }

    @Test func subordinateCanNeitherApproveNorSend() throws {
        let fixture = try PortalFixture()
        try Self.prepareContacts(fixture)
        try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026002", minor: 500_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        let subordinate = try Self.signedIn(fixture, "subordinateA", site: .client)
        // The notice is the admin's to send.
        #expect(subordinate.post("/klient/spisy/\(caseID)/oznameni", [("csrf_token", "csrf-subordinateA")]).response.status == 403)
        try fixture.connection.query("UPDATE cases SET stage = 'notice_sent', last_step_on = '2026-01-01' WHERE id = \(caseID)")
        #expect(subordinate.post("/klient/spisy/\(caseID)/krok", [("csrf_token", "csrf-subordinateA"), ("kanal", "email")]).response.status == 303)
        let step = try #require(try fixture.connection.query("SELECT id, status, prepared_by FROM steps").first)
        #expect(try step.string("status") == "draft")
        #expect(try step.string("prepared_by") == "user:\(fixture.users["subordinateA"]!.id)")
        let stepID = try step.int("id")
        #expect(subordinate.get("/klient/ke-schvaleni").response.status == 403)
        #expect(subordinate.post("/klient/ke-schvaleni", [("csrf_token", "csrf-subordinateA"), ("krok", "\(stepID)")]).response.status == 403)
        #expect(try fixture.connection.query("SELECT status FROM steps").first?.string("status") == "draft")

        let admin = try Self.signedIn(fixture, "adminA", site: .client)
        #expect(admin.post("/klient/ke-schvaleni", [("csrf_token", "csrf-adminA"), ("krok", "\(stepID)")]).response.status == 303)
        #expect(try fixture.connection.query("SELECT status FROM steps").first?.string("status") == "approved")
    }

    @Test func subordinateCannotPrepareForUnassignedDebtor() throws {
        let fixture = try PortalFixture()
        try Self.receivable(fixture, debtor: "unassigned", invoice: "FV2026003", minor: 500_000)
        let caseID = try Self.caseID(fixture, debtor: "unassigned")
        try fixture.connection.query("UPDATE cases SET stage = 'notice_sent' WHERE id = \(caseID)")
        let subordinate = try Self.signedIn(fixture, "subordinateA", site: .client)
        #expect(subordinate.get("/klient/spisy/\(caseID)").response.status == 403)
        #expect(subordinate.post("/klient/spisy/\(caseID)/krok", [("csrf_token", "csrf-subordinateA")]).response.status == 403)
        #expect(!subordinate.get("/klient/spisy").body.contains("Nepřidělená Jana"))
    }

    @Test func paidReceivableCancelsPendingDemand() throws {
        let fixture = try PortalFixture()
        try Self.prepareContacts(fixture)
        let receivableID = try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026004", minor: 800_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        try Self.grantAcceptedPower(fixture)
        try fixture.connection.query("UPDATE cases SET stage = 'notice_sent', last_step_on = '2026-01-01' WHERE id = \(caseID)")
        let admin = try Self.signedIn(fixture, "adminA", site: .client)
        admin.post("/klient/spisy/\(caseID)/krok", [("csrf_token", "csrf-adminA"), ("kanal", "email")])
        let stepID = try fixture.connection.query("SELECT id FROM steps").first!.int("id")
        // An import finds the invoice paid before the lawyer gets to it.
        try fixture.connection.query("UPDATE receivables SET status = 'paid', remaining_minor = 0 WHERE id = \(receivableID)")
        let lawyer = try Self.signedIn(fixture, "lawyer", site: .lawyer)
        let result = lawyer.post("/advokat/pokyny", [("csrf_token", "csrf-lawyer"), ("krok", "\(stepID)")])
        #expect(result.body.contains("Odesláno: 0. Zrušeno pro úhradu: 1."))
        #expect(try fixture.connection.query("SELECT status, cancelled_reason FROM steps").first?.string("status") == "cancelled")
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox WHERE kind LIKE 'demand%'").first?.int("n") == 0)
    }

    @Test func lawyerWithoutPowerSeesAndSendsNothing() throws {
        let fixture = try PortalFixture()
        try Self.prepareContacts(fixture)
        try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026005", minor: 800_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        try fixture.connection.query("UPDATE cases SET stage = 'notice_sent', last_step_on = '2026-01-01' WHERE id = \(caseID)")
        let admin = try Self.signedIn(fixture, "adminA", site: .client)
        admin.post("/klient/spisy/\(caseID)/krok", [("csrf_token", "csrf-adminA"), ("kanal", "email")])
        let stepID = try fixture.connection.query("SELECT id FROM steps").first!.int("id")
        let lawyer = try Self.signedIn(fixture, "lawyer", site: .lawyer)
        let home = lawyer.get("/advokat/")
        #expect(home.response.status == 200)
        #expect(!home.body.contains("Přidělený s.r.o."))
        lawyer.post("/advokat/pokyny", [("csrf_token", "csrf-lawyer"), ("krok", "\(stepID)")])
        #expect(try fixture.connection.query("SELECT status FROM steps").first?.string("status") == "approved")
        // A granted but not yet accepted power of attorney is not enough either.
        admin.post("/klient/plne-moci", [("csrf_token", "csrf-adminA"), ("advokat", "\(fixture.users["lawyer"]!.id)"), ("rozsah", "all")])
        #expect(!lawyer.get("/advokat/").body.contains("Přidělený s.r.o."))
    }

    @Test func schedulerSkipsOverflowingCreditor() throws {
        let fixture = try PortalFixture()
        // Stored before the import limited amounts: their sum is beyond 64 bits.
        for index in 1...12 {
            _ = try Self.receivable(fixture, debtor: "unassigned", invoice: "FV90\(index)", minor: 900_000_000_000_000_000)
        }
        _ = try Self.receivable(fixture, debtor: "otherCreditor", invoice: "FV2026100", minor: 800_000)
        let summary = try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection)
        #expect(summary.failedOrganizations == [fixture.creditorA.id])
        #expect(summary.failures.count == 1)
        let casesOfB = try fixture.connection.query(
            "SELECT count(*) AS n FROM cases WHERE organization_id = \(fixture.creditorB.id)").first!.int("n")
        #expect(casesOfB == 1)
    }

    @Test func schedulerProposesOnceAndCatchesUp() throws {
        let fixture = try PortalFixture()
        try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026006", minor: 800_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        try fixture.connection.query(
            "UPDATE cases SET stage = 'demanding', demands_sent = 1, last_step_on = \(CalendarDate(fixture.clock.now).adding(days: -60)) WHERE id = \(caseID)")
        let first = try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection)
        let second = try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection)
        #expect(first.proposed == 1)
        #expect(second.proposed == 0)
        let kinds = try fixture.connection.query("SELECT kind, status FROM steps WHERE case_id = \(caseID)").rows.map { try $0.string("kind") }
        #expect(kinds == ["demand_firm"], "sixty days of downtime propose one step, the next level")
    }

    @Test func debtorNameWithHTMLRendersInert() throws {
        let fixture = try PortalFixture()
        try Self.prepareContacts(fixture)
        try fixture.connection.query(
            "UPDATE debtors SET name = '<script>alert(1)</script> s.r.o.' WHERE id = \(fixture.debtors["assigned"]!.id)")
        try Self.receivable(fixture, debtor: "assigned", invoice: "FV2026007", minor: 800_000)
        let caseID = try Self.caseID(fixture, debtor: "assigned")
        let admin = try Self.signedIn(fixture, "adminA", site: .client)
        for path in ["/klient/spisy", "/klient/spisy/\(caseID)"] {
            let body = admin.get(path).body
            #expect(!body.contains("<script>alert(1)</script>"), "\(path)")
            #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; s.r.o."), "\(path)")
        }
        admin.post("/klient/spisy/\(caseID)/oznameni", [("csrf_token", "csrf-adminA"), ("kanal", "letter")])
        let pdf = try #require(try fixture.connection.query("SELECT content FROM documents WHERE kind = 'activation_notice'").first?.bytes("content"))
        #expect(try TestSupport.ExternalTool.pdfText(pdf).contains("<script>alert(1)</script> s.r.o."))
        let html = try #require(try fixture.connection.query("SELECT coalesce(body_html, '') AS html FROM outbox").first?.string("html"))
        #expect(!html.contains("<script>"))
    }
}

import TestSupport

@Suite(.serialized) struct PromiseFollowUpTests {
    @Test func missedAndKeptPromisesAreRecordedOnce() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026100", minor: 100_000)
        try CollectionFlowTests.receivable(fixture, debtor: "unassigned", invoice: "FV2026101", minor: 100_000)
        let missedCase = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        let keptCase = try CollectionFlowTests.caseID(fixture, debtor: "unassigned")
        let promised = CalendarDate(fixture.clock.now).adding(days: 3)
        for caseID in [missedCase, keptCase] {
            try fixture.connection.query(
                """
                INSERT INTO debtor_answers (organization_id, case_id, answer, promised_on, created_at)
                VALUES (\(fixture.creditorA.id), \(caseID), 'will_pay', \(promised), \(fixture.clock.now))
                """)
        }
        try fixture.connection.query(
            "UPDATE receivables SET status = 'paid', remaining_minor = 0 WHERE debtor_id = \(fixture.debtors["unassigned"]!.id)")
        #expect(try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection).promisesChecked == 0,
                "nothing is checked before the promised day has passed")
        fixture.clock.advance(by: 4 * 86_400)
        #expect(try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection).promisesChecked == 2)
        #expect(try CollectionScheduler.run(now: fixture.clock.now, on: fixture.connection).promisesChecked == 0)
        let kinds = { (caseID: Int64) in
            try fixture.connection.query("SELECT kind FROM case_events WHERE case_id = \(caseID) AND kind LIKE 'promise%'")
                .rows.map { try $0.string("kind") }
        }
        #expect(try kinds(missedCase) == ["promise_missed"])
        #expect(try kinds(keptCase) == ["promise_kept"])
    }
}

@Suite(.serialized) struct BulkNoticeTests {
    @Test func selectedCasesGetNoticesOverTheChosenChannel() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.prepareContacts(fixture)
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026200", minor: 100_000)
        try CollectionFlowTests.receivable(fixture, debtor: "unassigned", invoice: "FV2026201", minor: 100_000)
        let first = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        let second = try CollectionFlowTests.caseID(fixture, debtor: "unassigned")
        try fixture.connection.query("UPDATE debtors SET phone = '' WHERE id = \(fixture.debtors["unassigned"]!.id)")
        let admin = try CollectionFlowTests.signedIn(fixture, "adminA", site: .client)
        #expect(admin.get("/klient/spisy").body.contains("Odeslat oznámení vybraným"))
        let result = admin.post(
            "/klient/spisy/oznameni", [("csrf_token", "csrf-adminA"), ("kanal", "sms"), ("spis", "\(first)"), ("spis", "\(second)")])
        #expect(result.response.status == 422)
        #expect(result.body.contains("Oznámení odesláno: 1. Neodesláno: 1."))
        #expect(result.body.contains("Dlužník nemá telefonní číslo."))
        let sms = try #require(try fixture.connection.query("SELECT recipient, body_text FROM outbox WHERE channel = 'sms'").first)
        #expect(try sms.string("recipient") == "+420777123456")
        #expect(try sms.string("body_text").hasPrefix("Věřitel A s.r.o. vymáhá faktury po splatnosti přes Kolektor."))
        #expect(try fixture.connection.query("SELECT stage FROM cases WHERE id = \(first)").first?.string("stage") == "notice_sent")
        #expect(try fixture.connection.query("SELECT stage FROM cases WHERE id = \(second)").first?.string("stage") == "imported")
    }

    @Test func subordinateCannotSendNotices() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026202", minor: 100_000)
        let caseID = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        let subordinate = try CollectionFlowTests.signedIn(fixture, "subordinateA", site: .client)
        #expect(subordinate.post("/klient/spisy/oznameni", [("csrf_token", "csrf-subordinateA"), ("spis", "\(caseID)")]).response.status == 403)
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 0)
    }
}

@Suite(.serialized) struct InterestRateTableTests {
    @Test func operatorRateFillsAMissingHalfYear() throws {
        let fixture = try PortalFixture()
        // Due 1 September 2026: the delay began in 2026-H2, which the built-in table does not cover.
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026300", minor: 1_000_000, dueDaysAgo: 94)
        let caseID = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        let admin = try CollectionFlowTests.signedIn(fixture, "adminA", site: .client)
        #expect(admin.get("/klient/spisy/\(caseID)").body.contains("sazba chybí"))
        try InterestRateRepository.set(.init(year: 2026, half: 2), basisPoints: 1125, at: fixture.clock.now, on: fixture.connection)
        let body = admin.get("/klient/spisy/\(caseID)").body
        #expect(!body.contains("sazba chybí"))
        // 10 000 Kč × 11,25 % × 94 / 365 = 289,73 Kč; plus 1 200 Kč for a business debtor.
        #expect(body.contains("289,73 Kč"))
        #expect(body.contains("11 489,73 Kč"))
    }
}

@Suite(.serialized) struct CollectionHardeningTests {
    @Test func overlappingPowerIsRefused() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.grantAcceptedPower(fixture)
        let admin = try CollectionFlowTests.signedIn(fixture, "adminA", site: .client)
        let second = admin.post(
            "/klient/plne-moci",
            [("csrf_token", "csrf-adminA"), ("advokat", "\(fixture.users["lawyer"]!.id)"), ("rozsah", "debtors"),
             ("dluznik", "\(fixture.debtors["assigned"]!.id)")])
        #expect(second.response.status == 422)
        #expect(second.body.contains("Nejdřív ji ukončete."))
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM powers_of_attorney").first?.int("n") == 1)
    }

    @Test func subordinateOverviewCountsOnlyAssignedDebtors() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026500", minor: 100_000)
        try CollectionFlowTests.receivable(fixture, debtor: "unassigned", invoice: "FV2026501", minor: 777_700)
        _ = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        let subordinate = try CollectionFlowTests.signedIn(fixture, "subordinateA", site: .client)
        let body = subordinate.get("/klient/spisy").body
        #expect(body.contains("1 000,00 Kč"))
        #expect(!body.contains("7 777,00 Kč"))
        #expect(!body.contains("8 777,00 Kč"))
    }
}

@Suite(.serialized) struct TemplateEditingTests {
    @Test func ownWordingIsUsedAndValidated() throws {
        let fixture = try PortalFixture()
        let admin = try CollectionFlowTests.signedIn(fixture, "adminA", site: .client)
        let bad = admin.post(
            "/klient/sablony",
            [("csrf_token", "csrf-adminA"), ("druh", "demand_reminder"), ("jazyk", "cs"), ("predmet", "Upomínka\r\nBcc: x@y.test"),
             ("text", "Zaplaťte: {portalLink}")])
        #expect(bad.response.status == 422)
        let missingLink = admin.post(
            "/klient/sablony",
            [("csrf_token", "csrf-adminA"), ("druh", "demand_reminder"), ("jazyk", "cs"), ("predmet", "Upomínka"),
             ("text", "Zaplaťte prosím.")])
        #expect(missingLink.response.status == 422)
        let good = admin.post(
            "/klient/sablony",
            [("csrf_token", "csrf-adminA"), ("druh", "demand_reminder"), ("jazyk", "cs"), ("predmet", "Naše upomínka"),
             ("text", "Dobrý den,\n\nprosíme o úhradu {total}.\n\n{portalLink}")])
        #expect(good.response.status == 303)
        let stored = try #require(try CreditorTemplateRepository.find(
            organizationID: fixture.creditorA.id, kind: "demand_reminder", language: .cs, on: fixture.connection))
        #expect(stored.subject == "Naše upomínka")
        let rendered = MessageTemplates.render(
            .demandReminder, language: .cs, values: ["total": "1 000,00 Kč", "portalLink": "https://k.test/x"], override: stored)
        #expect(rendered.subject == "Naše upomínka")
        #expect(rendered.text.contains("prosíme o úhradu 1 000,00 Kč."))
        #expect(rendered.html.contains("<a href=\"https://k.test/x\">"))
    }
}

