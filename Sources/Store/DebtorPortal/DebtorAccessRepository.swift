import Foundation

/// A debtor's way into the debtor portal for one case: the e-mail link and the letter access code.
public struct DebtorAccess: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var caseID: Int64
    public var expiresAt: Date
}

/// Stores and finds debtor access rows by the SHA-256 of the link token and of the normalized access code.
/// `DebtorAccessTokens` in the Roles module makes the token and the code.
public enum DebtorAccessRepository {
    public static func insert(
        caseID: Int64, organizationID: Int64, linkHash: [UInt8], codeHash: [UInt8], now: Date, expiresAt: Date,
        on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO debtor_access (organization_id, case_id, link_hash, code_hash, created_at, expires_at)
            VALUES (\(organizationID), \(caseID), \(Bytes(linkHash)), \(Bytes(codeHash)), \(now), \(expiresAt))
            """)
    }

    /// The live access opened by an e-mail link; nil for an unknown or expired link.
    public static func find(linkHash: [UInt8], now: Date, on connection: Connection) throws -> DebtorAccess? {
        try connection.query(
            """
            SELECT id, organization_id, case_id, expires_at FROM debtor_access
            WHERE link_hash = \(Bytes(linkHash)) AND expires_at > \(now)
            """
        ).first.map(decode)
    }

    /// The live access opened by a letter access code; nil for an unknown or expired code.
    public static func find(codeHash: [UInt8], now: Date, on connection: Connection) throws -> DebtorAccess? {
        try connection.query(
            """
            SELECT id, organization_id, case_id, expires_at FROM debtor_access
            WHERE code_hash = \(Bytes(codeHash)) AND expires_at > \(now)
            """
        ).first.map(decode)
    }

    static func decode(_ row: Row) throws -> DebtorAccess {
        DebtorAccess(
            id: try row.int("id"), organizationID: try row.int("organization_id"), caseID: try row.int("case_id"),
            expiresAt: try row.instant("expires_at"))
    }
}
