import Foundation

/// A one-time sign-in code sent by SMS (or e-mail) after the debtor opened the link.
public struct DebtorSignInCode: Sendable, Equatable {
    public var id: Int64
    public var createdAt: Date
    public var expiresAt: Date
    public var attempts: Int
    public var usedAt: Date?
}

/// Stores sign-in codes as SHA-256 hashes and counts the attempts on each.
public enum DebtorSignInCodeRepository {
    public static func insert(
        accessID: Int64, codeHash: [UInt8], now: Date, validFor: TimeInterval, on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO debtor_sign_in_codes (access_id, code_hash, created_at, expires_at)
            VALUES (\(accessID), \(Bytes(codeHash)), \(now), \(now.addingTimeInterval(validFor)))
            """)
    }

    /// The newest code of an access, used or not.
    public static func latest(accessID: Int64, on connection: Connection) throws -> DebtorSignInCode? {
        try connection.query(
            """
            SELECT id, created_at, expires_at, attempts, used_at FROM debtor_sign_in_codes
            WHERE access_id = \(accessID) ORDER BY id DESC LIMIT 1
            """
        ).first.map(decode)
    }

    /// The newest code locked for checking, so two concurrent attempts count as two.
    public static func latestForUpdate(accessID: Int64, on connection: Connection) throws
        -> (code: DebtorSignInCode, hash: [UInt8])?
    {
        guard
            let row = try connection.query(
                """
                SELECT id, code_hash, created_at, expires_at, attempts, used_at FROM debtor_sign_in_codes
                WHERE access_id = \(accessID) ORDER BY id DESC LIMIT 1 FOR UPDATE
                """
            ).first
        else { return nil }
        return (try decode(row), try row.bytes("code_hash"))
    }

    /// Send times of the codes of an access since `since`, newest first, for the resend limits.
    public static func sentTimes(accessID: Int64, since: Date, on connection: Connection) throws -> [Date] {
        try connection.query(
            """
            SELECT created_at FROM debtor_sign_in_codes
            WHERE access_id = \(accessID) AND created_at > \(since) ORDER BY created_at DESC
            """
        ).rows.map { try $0.instant("created_at") }
    }

    public static func recordAttempt(codeID: Int64, on connection: Connection) throws {
        try connection.query("UPDATE debtor_sign_in_codes SET attempts = attempts + 1 WHERE id = \(codeID)")
    }

    public static func markUsed(codeID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            "UPDATE debtor_sign_in_codes SET used_at = \(now), attempts = attempts + 1 WHERE id = \(codeID)")
    }

    static func decode(_ row: Row) throws -> DebtorSignInCode {
        DebtorSignInCode(
            id: try row.int("id"), createdAt: try row.instant("created_at"), expiresAt: try row.instant("expires_at"),
            attempts: Int(try row.int("attempts")), usedAt: try row.optionalInstant("used_at"))
    }
}
