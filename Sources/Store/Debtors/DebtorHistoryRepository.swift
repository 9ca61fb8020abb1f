import Foundation

/// One change of a debtor's name or contact detail made by an import.
public struct DebtorChange: Sendable, Equatable {
    public var field: String
    public var oldValue: String
    public var newValue: String
    public var changedAt: Date
    public var batchID: Int64?
}

/// Reads the history of debtor changes. Every query filters by the organization.
public enum DebtorHistoryRepository {
    /// Returns the changes of one debtor, newest first.
    public static func changes(debtorID: Int64, organizationID: Int64, limit: Int = 200, on connection: Connection)
        throws -> [DebtorChange]
    {
        try connection.query(
            """
            SELECT field, old_value, new_value, changed_at, batch_id FROM debtor_history
            WHERE debtor_id = \(debtorID) AND organization_id = \(organizationID)
            ORDER BY id DESC LIMIT \(limit)
            """
        ).rows.map { row in
            DebtorChange(
                field: try row.string("field"), oldValue: try row.string("old_value"),
                newValue: try row.string("new_value"), changedAt: try row.instant("changed_at"),
                batchID: try row.optionalInt("batch_id"))
        }
    }
}
