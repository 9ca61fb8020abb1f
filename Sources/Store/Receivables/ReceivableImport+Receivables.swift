import Domain
import Foundation

extension ReceivableImport {
    /// Classifies every file row against the stored receivable with the same external id, then inserts, updates
    /// and records the changes with one statement each.
    static func reconcileReceivables(
        organizationID: Int64, batchID: Int64, source: String, now: Date, on connection: Connection
    ) throws {
        try connection.query(
            """
            CREATE TEMP TABLE import_plan ON COMMIT DROP AS
            SELECT r.line, r.external_id, r.invoice_number, r.variable_symbol, r.issue_date, r.due_date, r.currency,
                   r.total, r.remaining, r.status, r.time_barred, r.bank_account, d.debtor_id, e.id AS receivable_id,
                   e.time_barred AS old_time_barred, e.status AS old_status,
                   e.remaining_minor AS old_remaining,
                   CASE
                       WHEN e.id IS NULL THEN 'new'
                       WHEN r.status = 'cancelled' AND e.status <> 'cancelled' THEN 'cancelled'
                       WHEN r.status = 'paid' AND e.status <> 'paid' THEN 'paid'
                       WHEN r.status = 'open' AND e.status <> 'open' THEN 'reopened'
                       WHEN r.status = 'open' AND r.remaining < e.remaining_minor AND r.total = e.total_minor
                           THEN 'partial_payment'
                       WHEN (e.invoice_number, e.variable_symbol, e.issue_date, e.due_date, e.currency, e.total_minor,
                             e.remaining_minor, e.bank_account, e.debtor_id)
                            IS DISTINCT FROM
                            (r.invoice_number, r.variable_symbol, r.issue_date, r.due_date, r.currency, r.total,
                             r.remaining, r.bank_account, d.debtor_id)
                           THEN 'updated'
                       ELSE 'unchanged'
                   END AS change
            FROM import_rows r
            JOIN import_debtors d ON d.key = r.debtor_key
            LEFT JOIN receivables e ON e.organization_id = \(organizationID) AND e.external_id = r.external_id
            WHERE NOT r.rejected
            """)
        // The new receivables and their change rows in one statement: RETURNING hands over the new ids, so the
        // change rows need no second lookup by external id.
        try connection.query(
            """
            WITH inserted AS (
                INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, variable_symbol,
                                         issue_date, due_date, currency, total_minor, remaining_minor, status,
                                         time_barred, bank_account, source, created_batch_id, updated_batch_id,
                                         created_at, updated_at)
                SELECT \(organizationID), debtor_id, external_id, invoice_number, variable_symbol, issue_date,
                       due_date, currency, total, remaining, status, time_barred, bank_account, \(source), \(batchID),
                       \(batchID), \(now), \(now)
                FROM import_plan WHERE change = 'new'
                RETURNING id, external_id
            )
            INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                            old_status, new_status, old_remaining_minor, new_remaining_minor)
            SELECT \(organizationID), \(batchID), i.id, p.line, p.external_id, 'new', NULL, p.status, NULL,
                   p.remaining
            FROM inserted i JOIN import_plan p ON p.external_id = i.external_id
            ORDER BY p.line
            """)
        try connection.query(
            """
            UPDATE receivables e SET
                debtor_id = p.debtor_id, invoice_number = p.invoice_number, variable_symbol = p.variable_symbol,
                issue_date = p.issue_date, due_date = p.due_date, currency = p.currency, total_minor = p.total,
                remaining_minor = p.remaining, status = p.status, time_barred = p.time_barred,
                bank_account = p.bank_account, updated_batch_id = \(batchID), updated_at = \(now)
            FROM import_plan p
            WHERE e.id = p.receivable_id AND p.change NOT IN ('new', 'unchanged')
            """)
        // The limitation flag follows the import day, not the file, so it is refreshed without counting a change.
        try connection.query(
            """
            UPDATE receivables e SET time_barred = p.time_barred
            FROM import_plan p
            WHERE e.id = p.receivable_id AND p.change = 'unchanged' AND p.old_time_barred <> p.time_barred
            """)
        try connection.query(
            """
            INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                            old_status, new_status, old_remaining_minor, new_remaining_minor)
            SELECT \(organizationID), \(batchID), p.receivable_id, p.line, p.external_id, p.change, p.old_status,
                   p.status, p.old_remaining, p.remaining
            FROM import_plan p
            WHERE p.change NOT IN ('new', 'unchanged')
            ORDER BY p.line
            """)
    }

    /// Closes as paid every open imported receivable that a snapshot no longer lists. Manually entered
    /// receivables are left alone, because no accounting file reports them.
    static func closeMissing(organizationID: Int64, batchID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            """
            WITH closing AS (
                SELECT e.id, e.external_id, e.remaining_minor FROM receivables e
                WHERE e.organization_id = \(organizationID) AND e.source = 'import' AND e.status = 'open'
                  AND NOT EXISTS (SELECT 1 FROM import_rows k WHERE k.external_id = e.external_id)
                FOR UPDATE
            ), closed AS (
                UPDATE receivables e SET status = 'paid', remaining_minor = 0, updated_batch_id = \(batchID),
                                         updated_at = \(now)
                FROM closing c WHERE e.id = c.id
            )
            INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                            old_status, new_status, old_remaining_minor, new_remaining_minor)
            SELECT \(organizationID), \(batchID), id, 0, external_id, 'paid', 'open', 'paid', remaining_minor, 0
            FROM closing ORDER BY id
            """)
    }

    /// Stores the batch's counts: partial payments, reopenings and credits count as updated.
    static func storeCounts(batchID: Int64, issues: [ImportIssue], unlistedRows: Int, on connection: Connection)
        throws
    {
        try connection.query(
            """
            UPDATE import_batches b SET
                new_count = c.new_count, updated_count = c.updated_count, paid_count = c.paid_count,
                cancelled_count = c.cancelled_count,
                unchanged_count = (SELECT count(*) FROM import_plan WHERE change = 'unchanged'),
                rejected_count = \(Set(issues.map(\.line)).count + unlistedRows),
                issues = \(try jsonText(issues))::jsonb
            FROM (
                SELECT count(*) FILTER (WHERE change = 'new') AS new_count,
                       count(*) FILTER (WHERE change IN ('updated', 'reopened', 'partial_payment', 'credited'))
                           AS updated_count,
                       count(*) FILTER (WHERE change = 'paid') AS paid_count,
                       count(*) FILTER (WHERE change = 'cancelled') AS cancelled_count
                FROM receivable_changes WHERE batch_id = \(batchID)
            ) c
            WHERE b.id = \(batchID)
            """)
    }
}
