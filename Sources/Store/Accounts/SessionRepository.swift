import Foundation

/// A stored session of one role site; `userID` is nil for the anonymous session of a sign-in form.
public struct StoredSession: Sendable, Equatable {
    public var tokenHash: [UInt8]
    public var site: String
    public var userID: Int64?
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(
        tokenHash: [UInt8], site: String, userID: Int64?, csrfToken: String, createdAt: Date, lastSeenAt: Date,
        expiresAt: Date
    ) {
        self.tokenHash = tokenHash
        self.site = site
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// Reads and writes sessions by the SHA-256 of their token.
public enum SessionRepository {
    public static func insert(_ session: StoredSession, on connection: Connection) throws {
        let s = session
        try connection.query(
            """
            INSERT INTO sessions (token_hash, site, user_id, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (\(Bytes(s.tokenHash)), \(s.site), \(s.userID), \(s.csrfToken), \(s.createdAt), \(s.lastSeenAt),
                    \(s.expiresAt))
            """)
    }

    /// Finds a live session of `site`: not past its absolute expiry, seen within `idleLimit`, and for a signed-in
    /// session, of an active user. A session of another site is never returned.
    public static func findLive(
        tokenHash: [UInt8], site: String, now: Date, idleLimit: TimeInterval, on connection: Connection
    ) throws -> StoredSession? {
        let idleSince = now.addingTimeInterval(-idleLimit)
        let row = try connection.query(
            """
            SELECT s.token_hash, s.site, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at
            FROM sessions s LEFT JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(Bytes(tokenHash)) AND s.site = \(site) AND s.expires_at > \(now)
              AND s.last_seen_at > \(idleSince) AND (s.user_id IS NULL OR u.active)
            """
        ).first
        return try row.map { row in
            StoredSession(
                tokenHash: try row.bytes("token_hash"), site: try row.string("site"),
                userID: try row.optionalInt("user_id"), csrfToken: try row.string("csrf_token"),
                createdAt: try row.instant("created_at"), lastSeenAt: try row.instant("last_seen_at"),
                expiresAt: try row.instant("expires_at"))
        }
    }

    /// Records activity, at most once a minute per session to spare writes on every page view.
    public static func touch(tokenHash: [UInt8], now: Date, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE sessions SET last_seen_at = \(now)
            WHERE token_hash = \(Bytes(tokenHash)) AND last_seen_at < \(now.addingTimeInterval(-60))
            """)
    }

    public static func delete(tokenHash: [UInt8], on connection: Connection) throws {
        try connection.query("DELETE FROM sessions WHERE token_hash = \(Bytes(tokenHash))")
    }

    /// Ends every session of a user, after a password change or reset and on deactivation.
    public static func deleteAll(userID: Int64, on connection: Connection) throws {
        try connection.query("DELETE FROM sessions WHERE user_id = \(userID)")
    }

    /// Removes sessions past their absolute expiry; returns how many.
    @discardableResult
    public static func deleteExpired(now: Date, on connection: Connection) throws -> Int {
        try connection.query("DELETE FROM sessions WHERE expires_at <= \(now)").affectedRows
    }
}
