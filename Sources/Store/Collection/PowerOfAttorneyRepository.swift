import Foundation

/// A power of attorney (plná moc) from a creditor to a lawyer.
public struct PowerOfAttorney: Sendable, Equatable {
    public enum Scope: String, Sendable {
        /// All claims of the creditor.
        case all
        /// Only the chosen debtors.
        case debtors
    }

    public var id: Int64
    public var organizationID: Int64
    public var organizationName: String
    public var lawyerID: Int64
    public var lawyerName: String
    public var scope: Scope
    public var debtorIDs: [Int64]
    public var grantedAt: Date
    public var documentID: Int64
    public var acceptedAt: Date?
    public var endedAt: Date?

    /// Accepted by the lawyer and not ended by either side.
    public var isCurrent: Bool { acceptedAt != nil && endedAt == nil }
}

public enum PowerOfAttorneyRepository {
    public static func insert(
        organizationID: Int64, lawyerID: Int64, scope: PowerOfAttorney.Scope, debtorIDs: [Int64], grantedBy: Int64,
        grantedFrom: String, documentID: Int64, at now: Date, on connection: Connection
    ) throws -> Int64 {
        let id = try connection.query(
            """
            INSERT INTO powers_of_attorney (organization_id, lawyer_id, scope, granted_by, granted_at, granted_from, document_id)
            VALUES (\(organizationID), \(lawyerID), \(scope.rawValue), \(grantedBy), \(now), \(grantedFrom), \(documentID))
            RETURNING id
            """
        ).first?.int("id") ?? 0
        if scope == .debtors {
            for debtorID in Set(debtorIDs) {
                try connection.query(
                    """
                    INSERT INTO power_of_attorney_debtors (organization_id, power_of_attorney_id, debtor_id)
                    VALUES (\(organizationID), \(id), \(debtorID))
                    """)
            }
        }
        return id
    }

    public static func forOrganization(_ organizationID: Int64, on connection: Connection) throws -> [PowerOfAttorney] {
        try select("p.organization_id = \(organizationID)", on: connection)
    }

    public static func forLawyer(_ lawyerID: Int64, on connection: Connection) throws -> [PowerOfAttorney] {
        try select("p.lawyer_id = \(lawyerID)", on: connection)
    }

    /// Marks a power of attorney accepted by its lawyer; false when it is not theirs or already ended.
    public static func accept(id: Int64, lawyerID: Int64, at now: Date, on connection: Connection) throws -> Bool {
        try connection.query(
            """
            UPDATE powers_of_attorney SET accepted_at = \(now)
            WHERE id = \(id) AND lawyer_id = \(lawyerID) AND accepted_at IS NULL AND ended_at IS NULL
            """
        ).affectedRows == 1
    }

    /// Ends a power of attorney; `owner` is either the creditor (`organizationID`) or the lawyer (`lawyerID`).
    public static func end(
        id: Int64, organizationID: Int64?, lawyerID: Int64?, by actor: String, at now: Date, on connection: Connection
    ) throws -> Bool {
        try connection.query(
            """
            UPDATE powers_of_attorney SET ended_at = \(now), ended_by = \(actor)
            WHERE id = \(id) AND ended_at IS NULL
              AND (organization_id = \(organizationID) OR lawyer_id = \(lawyerID))
            """
        ).affectedRows == 1
    }

    /// The lawyer holding an accepted, current power of attorney that covers the debtor, if any.
    public static func current(organizationID: Int64, debtorID: Int64, on connection: Connection) throws -> PowerOfAttorney? {
        try select(
            """
            p.organization_id = \(organizationID) AND p.accepted_at IS NOT NULL AND p.ended_at IS NULL
            AND (p.scope = 'all' OR EXISTS (SELECT 1 FROM power_of_attorney_debtors x
                                             WHERE x.power_of_attorney_id = p.id AND x.debtor_id = \(debtorID)))
            """, on: connection
        ).first
    }

    /// Whether a lawyer may see and act in the cases of a debtor: an accepted, current power of attorney covers it.
    public static func covers(lawyerID: Int64, organizationID: Int64, debtorID: Int64, on connection: Connection) throws -> Bool {
        try current(organizationID: organizationID, debtorID: debtorID, on: connection)?.lawyerID == lawyerID
    }

    private static func select(_ condition: SQL, on connection: Connection) throws -> [PowerOfAttorney] {
        var query: SQL = """
            SELECT p.*, o.name AS organization_name, u.full_name AS lawyer_name,
                   coalesce((SELECT string_agg(debtor_id::text, ',') FROM power_of_attorney_debtors x
                             WHERE x.power_of_attorney_id = p.id), '') AS debtor_ids
            FROM powers_of_attorney p JOIN organizations o ON o.id = p.organization_id JOIN users u ON u.id = p.lawyer_id
            WHERE
            """
        query.append(" ")
        query.append(condition)
        query.append(" ORDER BY p.id DESC")
        return try connection.query(query).rows.map { row in
            PowerOfAttorney(
                id: try row.int("id"), organizationID: try row.int("organization_id"),
                organizationName: try row.string("organization_name"), lawyerID: try row.int("lawyer_id"),
                lawyerName: try row.string("lawyer_name"),
                scope: PowerOfAttorney.Scope(rawValue: try row.string("scope")) ?? .debtors,
                debtorIDs: try row.string("debtor_ids").split(separator: ",").compactMap { Int64($0) },
                grantedAt: try row.instant("granted_at"), documentID: try row.int("document_id"),
                acceptedAt: try row.optionalInstant("accepted_at"), endedAt: try row.optionalInstant("ended_at"))
        }
    }
}
