import Domain
import Foundation

/// Matches incoming bank payments to open receivables by variable symbol and amount, and records them as an import
/// batch with mode `statement`.
///
/// The candidates are the creditor's open receivables with the payment's variable symbol and currency. The one whose
/// remaining amount equals the payment wins, otherwise the one due first. The payment lowers its remaining amount
/// (a partial payment) or closes it as paid. A payment whose bank reference was seen before is skipped, so a
/// statement imported twice changes nothing. Debits and payments without a match are listed in the report.
/// NOTE: an overpayment beyond the receivable's remaining amount is not carried to other receivables.
public enum PaymentMatching {
    public static func apply(
        _ statement: BankStatement, organizationID: Int64, actor: String, fileName: String, fileSHA256: String,
        now: Date, on connection: Connection
    ) throws -> ImportBatchSummary {
        let batchID = try connection.transaction { connection -> Int64 in
            try connection.query("SELECT id FROM organizations WHERE id = \(organizationID) FOR UPDATE")
            let batchID = try connection.query(
                """
                INSERT INTO import_batches (organization_id, created_at, actor, file_name, file_sha256, format, mode,
                                            status, row_count)
                VALUES (\(organizationID), \(now), \(actor), \(fileName), \(fileSHA256), \(statement.format),
                        'statement', 'applied', \(statement.payments.count))
                RETURNING id
                """
            ).first!.int("id")
            var issues: [ImportIssue] = []
            var unchanged = 0
            for payment in statement.payments where payment.isCredit {
                if let issue = try match(
                    payment, organizationID: organizationID, batchID: batchID, now: now, unchanged: &unchanged,
                    on: connection)
                {
                    issues.append(issue)
                }
            }
            let issuesJSON = String(decoding: try JSONEncoder().encode(issues), as: UTF8.self)
            try connection.query(
                """
                UPDATE import_batches b SET
                    updated_count = (SELECT count(*) FROM receivable_changes
                                     WHERE batch_id = \(batchID) AND change = 'partial_payment'),
                    paid_count = (SELECT count(*) FROM receivable_changes WHERE batch_id = \(batchID) AND change = 'paid'),
                    unchanged_count = \(unchanged), rejected_count = \(issues.count), issues = \(issuesJSON)::jsonb
                WHERE b.id = \(batchID)
                """)
            try AuditLog.append(
                AuditEntry(
                    actor: actor, action: "bank_statement.applied", subject: "import_batch:\(batchID)",
                    detail: "organization \(organizationID), \(statement.format), \(statement.payments.count) entries"),
                at: now, on: connection)
            return batchID
        }
        return try ImportBatchRepository.find(id: batchID, organizationID: organizationID, on: connection)!
    }

    /// Applies one credit and returns an issue when it matches no receivable.
    private static func match(
        _ payment: BankPayment, organizationID: Int64, batchID: Int64, now: Date, unchanged: inout Int,
        on connection: Connection
    ) throws -> ImportIssue? {
        let inserted = try connection.query(
            """
            INSERT INTO bank_payments (organization_id, reference, batch_id, amount_minor, currency, variable_symbol,
                                       booked_on, counter_account, counter_name)
            VALUES (\(organizationID), \(payment.reference), \(batchID), \(payment.amount.minorUnits),
                    \(payment.amount.currency.rawValue), \(payment.variableSymbol), \(payment.date),
                    \(payment.counterAccount), \(payment.counterName))
            ON CONFLICT DO NOTHING
            RETURNING reference
            """)
        guard inserted.first != nil else {
            unchanged += 1
            return nil
        }

        let candidate = try connection.query(
            """
            SELECT id, external_id, remaining_minor FROM receivables
            WHERE organization_id = \(organizationID) AND status = 'open'
              AND ltrim(variable_symbol, '0') = \(payment.variableSymbol) AND variable_symbol <> ''
              AND currency = \(payment.amount.currency.rawValue)
            ORDER BY (remaining_minor = \(payment.amount.minorUnits)) DESC, due_date, id
            LIMIT 1
            FOR UPDATE
            """
        ).first
        guard !payment.variableSymbol.isEmpty, let candidate else {
            return ImportIssue(
                line: payment.line, field: "variabilní symbol", value: payment.variableSymbol,
                reason: "platbu \(Formatting.money(payment.amount)) se nepodařilo spárovat s otevřenou pohledávkou")
        }

        let id = try candidate.int("id")
        let remaining = try candidate.int("remaining_minor")
        let newRemaining = max(0, remaining - payment.amount.minorUnits)
        let status = newRemaining == 0 ? "paid" : "open"
        try connection.query(
            """
            UPDATE receivables SET remaining_minor = \(newRemaining), status = \(status),
                                   updated_batch_id = \(batchID), updated_at = \(now)
            WHERE id = \(id)
            """)
        try connection.query(
            """
            INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                            old_status, new_status, old_remaining_minor, new_remaining_minor)
            VALUES (\(organizationID), \(batchID), \(id), \(payment.line), \(try candidate.string("external_id")),
                    \(newRemaining == 0 ? "paid" : "partial_payment"), 'open', \(status), \(remaining), \(newRemaining))
            """)
        try connection.query(
            """
            UPDATE bank_payments SET receivable_id = \(id)
            WHERE organization_id = \(organizationID) AND reference = \(payment.reference)
            """)
        return nil
    }
}
