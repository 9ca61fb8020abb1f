import Foundation

/// Single-use tokens for a forgotten password or an invitation, stored as the SHA-256 of the token.
public enum PasswordResetRepository {
    public enum Purpose: String, Sendable {
        case reset
        case invitation
    }

    public static func insert(
        tokenHash: [UInt8], userID: Int64, purpose: Purpose, now: Date, expiresAt: Date, on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO password_resets (token_hash, user_id, purpose, created_at, expires_at)
            VALUES (\(Bytes(tokenHash)), \(userID), \(purpose.rawValue), \(now), \(expiresAt))
            """)
    }

    /// Returns the user id of an unused, unexpired token without using it up (for showing the form).
    public static func findValid(tokenHash: [UInt8], now: Date, on connection: Connection) throws -> Int64? {
        try connection.query(
            """
            SELECT user_id FROM password_resets
            WHERE token_hash = \(Bytes(tokenHash)) AND used_at IS NULL AND expires_at > \(now)
            """
        ).first?.int("user_id")
    }

    /// Marks a valid token used and returns its user id and purpose; nil when it is unknown, used or expired.
    /// Two requests racing with one token cannot both succeed, because the UPDATE takes the row.
    public static func consume(tokenHash: [UInt8], now: Date, on connection: Connection) throws -> (userID: Int64, purpose: Purpose)? {
        guard let row = try connection.query(
            """
            UPDATE password_resets SET used_at = \(now)
            WHERE token_hash = \(Bytes(tokenHash)) AND used_at IS NULL AND expires_at > \(now)
            RETURNING user_id, purpose
            """
        ).first else { return nil }
        return (try row.int("user_id"), Purpose(rawValue: try row.string("purpose")) ?? .reset)
    }

    /// Invalidates every open token of a user, so only the newest reset link works.
    public static func invalidateAll(userID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            "UPDATE password_resets SET used_at = \(now) WHERE user_id = \(userID) AND used_at IS NULL")
    }
}
