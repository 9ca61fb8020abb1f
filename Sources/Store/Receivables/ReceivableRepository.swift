import Domain
import Foundation

/// A receivable as stored.
public struct StoredReceivable: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var debtorID: Int64
    public var debtorName: String
    public var externalID: String
    public var invoiceNumber: String
    public var variableSymbol: String
    public var issueDate: CalendarDate?
    public var dueDate: CalendarDate
    public var total: Money
    public var remaining: Money
    public var status: ReceivableStatus
    public var timeBarred: Bool
    /// `import` or `manual`.
    public var source: String
}

/// Reads receivables. Every query filters by the organization.
public enum ReceivableRepository {
    public static func all(organizationID: Int64, limit: Int = 1_000, offset: Int = 0, on connection: Connection)
        throws -> [StoredReceivable]
    {
        try connection.query(
            """
            SELECT r.*, d.name AS debtor_name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.organization_id = \(organizationID)
            ORDER BY r.due_date, r.id LIMIT \(limit) OFFSET \(offset)
            """
        ).rows.map(decode)
    }

    public static func find(externalID: String, organizationID: Int64, on connection: Connection) throws
        -> StoredReceivable?
    {
        try connection.query(
            """
            SELECT r.*, d.name AS debtor_name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.organization_id = \(organizationID) AND r.external_id = \(externalID)
            """
        ).first.map(decode)
    }

    static func decode(_ row: Row) throws -> StoredReceivable {
        let currency = Currency(rawValue: try row.string("currency")) ?? .czk
        return StoredReceivable(
            id: try row.int("id"), organizationID: try row.int("organization_id"), debtorID: try row.int("debtor_id"),
            debtorName: try row.string("debtor_name"), externalID: try row.string("external_id"),
            invoiceNumber: try row.string("invoice_number"), variableSymbol: try row.string("variable_symbol"),
            issueDate: try row.optionalCalendarDate("issue_date"), dueDate: try row.calendarDate("due_date"),
            total: Money(minorUnits: try row.int("total_minor"), currency: currency),
            remaining: Money(minorUnits: try row.int("remaining_minor"), currency: currency),
            status: ReceivableStatus(rawValue: try row.string("status")) ?? .open,
            timeBarred: try row.bool("time_barred"), source: try row.string("source"))
    }
}
