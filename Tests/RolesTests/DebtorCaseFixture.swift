import Crypto
import Domain
import Foundation
import Roles
import Store
import Web

/// Cases, receivables and documents for debtor portal tests, inserted directly with SQL.
extension PortalFixture {
    /// A new debtor of `organizationID` with a case in `stage`; returns the debtor and the case id.
    func makeCase(
        organizationID: Int64, name: String, kind: Debtor.Kind = .business, phone: String = "", email: String = "",
        stage: CaseStage = .demanding
    ) throws -> (debtor: Debtor, caseID: Int64) {
        let debtor = try DebtorRepository.insert(
            Debtor(organizationID: organizationID, kind: kind, name: name, email: email, phone: phone), on: connection)
        let caseID = try connection.query(
            """
            INSERT INTO cases (organization_id, debtor_id, stage, demands_sent, last_step_on, created_at, updated_at)
            VALUES (\(organizationID), \(debtor.id), \(stage.rawValue), \(stage == .demanding ? 1 : 0),
                    \(stage == .demanding ? CalendarDate(clock.now).adding(days: -10) : nil), \(clock.now), \(clock.now))
            RETURNING id
            """
        ).first!.int("id")
        return (debtor, caseID)
    }

    /// An open receivable of a debtor; returns its id.
    @discardableResult
    func addReceivable(
        organizationID: Int64, debtorID: Int64, invoiceNumber: String, variableSymbol: String, due: String,
        amountMinor: Int64
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, variable_symbol, due_date,
                                     currency, total_minor, remaining_minor, status, source, created_at, updated_at)
            VALUES (\(organizationID), \(debtorID), \(invoiceNumber), \(invoiceNumber), \(variableSymbol),
                    \(CalendarDate(iso: due)!), 'CZK', \(amountMinor), \(amountMinor), 'open', 'manual', \(clock.now),
                    \(clock.now))
            RETURNING id
            """
        ).first!.int("id")
    }

    /// A sent demand of a case with its PDF; returns the document id.
    @discardableResult
    func addSentDemand(organizationID: Int64, caseID: Int64, pdf: [UInt8]) throws -> Int64 {
        let document = try DocumentRepository.insert(
            organizationID: organizationID, caseID: caseID, kind: "demand_reminder", filename: "vyzva.pdf",
            contentType: "application/pdf", content: pdf, sha256: Digest.sha256(pdf).hexString, createdBy: "test",
            at: clock.now, on: connection)
        try connection.query(
            """
            INSERT INTO steps (organization_id, case_id, kind, status, channel, prepared_by, prepared_at, sent_by,
                               sent_at, document_id)
            VALUES (\(organizationID), \(caseID), 'demand_reminder', 'sent', 'email', 'test', \(clock.now), 'test',
                    \(clock.now), \(document.id))
            """)
        return document.id
    }

    /// Access to a case, as the demand sending creates it.
    func makeAccess(organizationID: Int64, caseID: Int64) throws -> (linkToken: String, accessCode: String) {
        try DebtorAccessTokens.createAccess(
            caseID: caseID, organizationID: organizationID, now: clock.now, on: connection)
    }

    func caseStage(_ caseID: Int64) throws -> String {
        try connection.query("SELECT stage FROM cases WHERE id = \(caseID)").first!.string("stage")
    }

    /// The 6-digit code in the newest sign-in message to `recipient`.
    func latestSignInCode(to recipient: String) throws -> String? {
        guard
            let text = try connection.query(
                """
                SELECT body_text FROM outbox WHERE recipient = \(recipient) AND kind = 'sign_in_code' ORDER BY id DESC LIMIT 1
                """
            ).first?.string("body_text")
        else { return nil }
        let digits = text.split(whereSeparator: { !$0.isNumber }).first { $0.count == 6 }
        return digits.map { String($0) }
    }

    func setCreditorAccount(_ organizationID: Int64) throws {
        try connection.query(
            """
            UPDATE organizations SET bank_account = '19-2000145399/0800', iban = 'CZ6508000000192000145399'
            WHERE id = \(organizationID)
            """)
    }
}

extension Browser {
    /// Signs in to the debtor portal with a letter access code and returns the final response.
    @discardableResult
    func signInWithLetterCode(_ code: String) -> (response: Response, body: String) {
        let form = get("/dluznik/prihlaseni").body
        return post("/dluznik/prihlaseni", [("csrf_token", Browser.csrf(in: form) ?? ""), ("kod", code)])
    }
}
