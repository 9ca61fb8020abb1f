import Domain
import Foundation

/// Reads and records import batches. Every query filters by the organization.
public enum ImportBatchRepository {
    /// Records a file that was rejected as a whole; no receivable or debtor changes.
    public static func recordRejected(
        _ request: ImportRequest, message: String, issues: [ImportIssue], now: Date, on connection: Connection
    ) throws -> ImportBatchSummary {
        let issuesJSON = String(decoding: try JSONEncoder().encode(issues), as: UTF8.self)
        let id = try connection.query(
            """
            INSERT INTO import_batches (organization_id, created_at, actor, file_name, file_sha256, format, mode,
                                        partial, status, message, row_count, rejected_count, issues)
            VALUES (\(request.organizationID), \(now), \(request.actor), \(request.fileName), \(request.fileSHA256),
                    \(request.format), \(request.mode.rawValue), \(request.partial), 'rejected', \(message),
                    \(request.rowCount), \(Set(issues.map(\.line)).count + request.unlistedRejectedRows),
                    \(issuesJSON)::jsonb)
            RETURNING id
            """
        ).first!.int("id")
        return try find(id: id, organizationID: request.organizationID, on: connection)!
    }

    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws
        -> ImportBatchSummary?
    {
        try connection.query(
            "SELECT * FROM import_batches WHERE id = \(id) AND organization_id = \(organizationID)"
        ).first.map(decode)
    }

    /// The latest batches first.
    public static func recent(organizationID: Int64, limit: Int = 100, on connection: Connection) throws
        -> [ImportBatchSummary]
    {
        try connection.query(
            """
            SELECT * FROM import_batches WHERE organization_id = \(organizationID)
            ORDER BY id DESC LIMIT \(limit)
            """
        ).rows.map(decode)
    }

    /// The changes a batch made, in file order (receivables a snapshot closed come first, with line 0).
    public static func changes(batchID: Int64, organizationID: Int64, limit: Int = 1_000, on connection: Connection)
        throws -> [ReceivableChange]
    {
        try connection.query(
            """
            SELECT c.*, r.invoice_number, r.currency, d.name AS debtor_name
            FROM receivable_changes c
            JOIN receivables r ON r.id = c.receivable_id
            JOIN debtors d ON d.id = r.debtor_id
            WHERE c.batch_id = \(batchID) AND c.organization_id = \(organizationID)
            ORDER BY c.line, c.id LIMIT \(limit)
            """
        ).rows.map { row in
            let currency = Currency(rawValue: try row.string("currency")) ?? .czk
            return ReceivableChange(
                receivableID: try row.int("receivable_id"), line: Int(try row.int("line")),
                externalID: try row.string("external_id"), invoiceNumber: try row.string("invoice_number"),
                debtorName: try row.string("debtor_name"),
                kind: ReceivableChange.Kind(rawValue: try row.string("change")) ?? .updated,
                oldStatus: row["old_status"].flatMap(ReceivableStatus.init(rawValue:)),
                newStatus: ReceivableStatus(rawValue: try row.string("new_status")) ?? .open,
                oldRemaining: try row.optionalInt("old_remaining_minor").map {
                    Money(minorUnits: $0, currency: currency)
                },
                newRemaining: Money(minorUnits: try row.int("new_remaining_minor"), currency: currency))
        }
    }

    static func decode(_ row: Row) throws -> ImportBatchSummary {
        let issues = try JSONDecoder().decode([ImportIssue].self, from: Data(try row.string("issues").utf8))
        return ImportBatchSummary(
            id: try row.int("id"), organizationID: try row.int("organization_id"),
            createdAt: try row.instant("created_at"), actor: try row.string("actor"),
            fileName: try row.string("file_name"), format: try row.string("format"), mode: try row.string("mode"),
            partial: try row.bool("partial"),
            status: ImportBatchSummary.Status(rawValue: try row.string("status")) ?? .rejected,
            message: try row.string("message"), rowCount: Int(try row.int("row_count")),
            newCount: Int(try row.int("new_count")), updatedCount: Int(try row.int("updated_count")),
            paidCount: Int(try row.int("paid_count")), cancelledCount: Int(try row.int("cancelled_count")),
            unchangedCount: Int(try row.int("unchanged_count")), rejectedCount: Int(try row.int("rejected_count")),
            issues: issues)
    }
}
