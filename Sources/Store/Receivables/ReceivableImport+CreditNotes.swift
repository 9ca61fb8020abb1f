import Domain
import Foundation

extension ReceivableImport {
    /// Applies credit notes to the receivables of the invoices they refer to and returns an issue for each one that
    /// cannot be applied. A credit note already applied earlier is skipped, so a repeated import changes nothing.
    ///
    /// An amount that reaches the invoice's total cancels every part of it. A smaller one reduces the remaining
    /// amounts from the latest due date backwards, and a part reduced to zero is cancelled.
    static func applyCreditNotes(
        _ notes: [CreditNoteRecord], organizationID: Int64, batchID: Int64, now: Date, on connection: Connection
    ) throws -> [ImportIssue] {
        var issues: [ImportIssue] = []
        for note in notes {
            let applied = try connection.query(
                """
                SELECT 1 FROM credit_notes
                WHERE organization_id = \(organizationID) AND number = \(note.invoiceNumber)
                  AND refers_to = \(note.refersTo)
                """)
            if applied.first != nil { continue }
            let parts = try connection.query(
                """
                SELECT id, external_id, total_minor, remaining_minor, status, currency FROM receivables
                WHERE organization_id = \(organizationID) AND invoice_number = \(note.refersTo)
                  AND status <> 'cancelled'
                ORDER BY due_date DESC, id DESC
                FOR UPDATE
                """
            ).rows
            guard !parts.isEmpty else {
                issues.append(
                    ImportIssue(
                        line: note.line, field: "původní doklad", value: note.refersTo,
                        reason: "dobropis opravuje fakturu, která v Kolektoru není nebo je už stornovaná"))
                continue
            }
            guard try parts.allSatisfy({ try $0.string("currency") == note.amount.currency.rawValue }) else {
                issues.append(
                    ImportIssue(
                        line: note.line, field: "měna", value: note.amount.currency.rawValue,
                        reason: "dobropis je v jiné měně než faktura \(note.refersTo)"))
                continue
            }
            // Each part is at most the import's maximum amount, but parts stored before that limit may be larger.
            let (invoiceTotal, overflow) = try parts.reduce((Int64(0), false)) { sum, part in
                let added = sum.0.addingReportingOverflow(try part.int("total_minor"))
                return (added.partialValue, sum.1 || added.overflow)
            }
            guard !overflow else {
                issues.append(
                    ImportIssue(
                        line: note.line, field: "původní doklad", value: note.refersTo,
                        reason: "částky faktury dávají dohromady víc, než Kolektor umí sečíst; opravte fakturu"))
                continue
            }
            let cancelsInvoice = note.amount.minorUnits >= invoiceTotal
            var credit = note.amount.minorUnits
            for part in parts {
                let remaining = try part.int("remaining_minor")
                let reduction = cancelsInvoice ? remaining : min(remaining, credit)
                if !cancelsInvoice && reduction == 0 { continue }
                credit -= reduction
                let newRemaining = remaining - reduction
                try record(
                    part: part, newRemaining: newRemaining, cancels: newRemaining == 0, line: note.line,
                    organizationID: organizationID, batchID: batchID, now: now, on: connection)
            }
            try connection.query(
                """
                INSERT INTO credit_notes (organization_id, number, refers_to, amount_minor, currency, batch_id)
                VALUES (\(organizationID), \(note.invoiceNumber), \(note.refersTo), \(note.amount.minorUnits),
                        \(note.amount.currency.rawValue), \(batchID))
                """)
        }
        return issues
    }

    private static func record(
        part: Row, newRemaining: Int64, cancels: Bool, line: Int, organizationID: Int64, batchID: Int64, now: Date,
        on connection: Connection
    ) throws {
        let id = try part.int("id")
        let newStatus = cancels ? "cancelled" : try part.string("status")
        try connection.query(
            """
            INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                            old_status, new_status, old_remaining_minor, new_remaining_minor)
            VALUES (\(organizationID), \(batchID), \(id), \(line), \(try part.string("external_id")),
                    \(cancels ? "cancelled" : "credited"), \(try part.string("status")), \(newStatus),
                    \(try part.int("remaining_minor")), \(newRemaining))
            """)
        try connection.query(
            """
            UPDATE receivables SET remaining_minor = \(newRemaining), status = \(newStatus),
                                   updated_batch_id = \(batchID), updated_at = \(now)
            WHERE id = \(id)
            """)
    }
}
