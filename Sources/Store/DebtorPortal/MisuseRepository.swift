import Foundation

/// The creditor and debtor a misuse link was made for.
public struct MisuseLink: Sendable, Equatable {
    public var organizationID: Int64
    public var debtorID: Int64
}

/// Links for reporting misuse without signing in; only the SHA-256 of the token is stored.
public enum MisuseLinkRepository {
    /// Stores a link by the SHA-256 of its token; `MisuseLinks.create` in the Roles module makes the token.
    public static func insert(
        tokenHash: [UInt8], organizationID: Int64, debtorID: Int64, now: Date, on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO misuse_links (token_hash, organization_id, debtor_id, created_at)
            VALUES (\(Bytes(tokenHash)), \(organizationID), \(debtorID), \(now))
            """)
    }

    /// Marks a link used; returns false when it was used already, so two parallel posts report once.
    public static func use(tokenHash: [UInt8], at now: Date, on connection: Connection) throws -> Bool {
        try connection.query(
            "UPDATE misuse_links SET used_at = \(now) WHERE token_hash = \(Bytes(tokenHash)) AND used_at IS NULL"
        ).affectedRows == 1
    }

    public static func find(tokenHash: [UInt8], on connection: Connection) throws -> MisuseLink? {
        try connection.query(
            "SELECT organization_id, debtor_id FROM misuse_links WHERE token_hash = \(Bytes(tokenHash)) AND used_at IS NULL"
        ).first.map { MisuseLink(organizationID: try $0.int("organization_id"), debtorID: try $0.int("debtor_id")) }
    }
}

/// A report "tohoto věřitele neznám" with the creditor's and debtor's names for the operator's list.
public struct MisuseReport: Sendable, Equatable {
    public enum Status: String, Sendable {
        case open
        case upheld
        case dismissed
    }

    public var id: Int64
    public var organizationID: Int64
    public var organizationName: String
    public var debtorID: Int64
    public var debtorName: String
    public var message: String
    public var reportedAt: Date
    /// `link` for the public link from the activation notice, `portal` for the debtor portal.
    public var reportedFrom: String
    public var status: Status
    public var decisionNote: String?
    public var decidedAt: Date?
}

/// Stores misuse reports and the operator's decisions.
public enum MisuseReportRepository {
    @discardableResult
    public static func insert(
        organizationID: Int64, debtorID: Int64, message: String, reportedFrom: String, now: Date,
        on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO misuse_reports (organization_id, debtor_id, message, reported_at, reported_from)
            VALUES (\(organizationID), \(debtorID), \(message), \(now), \(reportedFrom))
            RETURNING id
            """
        ).first?.int("id") ?? 0
    }

    /// The open report of a creditor and debtor, if one waits for the operator.
    public static func openReport(organizationID: Int64, debtorID: Int64, on connection: Connection) throws
        -> MisuseReport?
    {
        try connection.query(
            """
            \(unsafeRaw: select) WHERE m.organization_id = \(organizationID) AND m.debtor_id = \(debtorID)
              AND m.status = 'open' ORDER BY m.id DESC LIMIT 1
            """
        ).first.map(decode)
    }

    /// Every report, open ones first, then newest first; for the operator.
    public static func all(limit: Int = 500, on connection: Connection) throws -> [MisuseReport] {
        try connection.query(
            "\(unsafeRaw: select) ORDER BY (m.status = 'open') DESC, m.reported_at DESC, m.id DESC LIMIT \(limit)"
        ).rows.map(decode)
    }

    /// The report locked for the operator's decision.
    public static func lock(id: Int64, on connection: Connection) throws -> MisuseReport? {
        try connection.query("\(unsafeRaw: select) WHERE m.id = \(id) FOR UPDATE OF m").first.map(decode)
    }

    public static func decide(
        id: Int64, status: MisuseReport.Status, note: String, operatorID: Int64, now: Date, on connection: Connection
    ) throws {
        try connection.query(
            """
            UPDATE misuse_reports SET status = \(status.rawValue), decision_note = \(note), decided_by = \(operatorID),
                   decided_at = \(now)
            WHERE id = \(id) AND status = 'open'
            """)
    }

    static let select = """
        SELECT m.id, m.organization_id, o.name AS organization_name, m.debtor_id, d.name AS debtor_name, m.message, \
        m.reported_at, m.reported_from, m.status, m.decision_note, m.decided_at \
        FROM misuse_reports m JOIN organizations o ON o.id = m.organization_id JOIN debtors d ON d.id = m.debtor_id
        """

    static func decode(_ row: Row) throws -> MisuseReport {
        MisuseReport(
            id: try row.int("id"), organizationID: try row.int("organization_id"),
            organizationName: try row.string("organization_name"), debtorID: try row.int("debtor_id"),
            debtorName: try row.string("debtor_name"), message: try row.string("message"),
            reportedAt: try row.instant("reported_at"), reportedFrom: try row.string("reported_from"),
            status: MisuseReport.Status(rawValue: try row.string("status")) ?? .open,
            decisionNote: row["decision_note"], decidedAt: try row.optionalInstant("decided_at"))
    }
}
