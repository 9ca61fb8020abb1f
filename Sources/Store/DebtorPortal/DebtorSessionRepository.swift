import Foundation

/// A signed-in debtor session: a session of the debtor site bound to one case, with no user.
public struct DebtorSession: Sendable, Equatable {
    public var session: StoredSession
    public var caseID: Int64
    public var organizationID: Int64
    public var debtorID: Int64
}

/// Debtor sessions in the `sessions` table, which carry `case_id` and no `user_id`.
public enum DebtorSessionRepository {
    public static let site = "debtor"

    public static func insert(_ session: StoredSession, caseID: Int64, on connection: Connection) throws {
        let s = session
        try connection.query(
            """
            INSERT INTO sessions (token_hash, site, user_id, csrf_token, created_at, last_seen_at, expires_at, case_id)
            VALUES (\(Bytes(s.tokenHash)), \(site), NULL, \(s.csrfToken), \(s.createdAt), \(s.lastSeenAt),
                    \(s.expiresAt), \(caseID))
            """)
    }

    /// The live debtor session of a token hash: not expired, seen within `idleLimit`, and bound to a case.
    /// An anonymous debtor-site session (no case) and sessions of other sites are never returned.
    public static func findLive(tokenHash: [UInt8], now: Date, idleLimit: TimeInterval, on connection: Connection)
        throws -> DebtorSession?
    {
        let idleSince = now.addingTimeInterval(-idleLimit)
        let row = try connection.query(
            """
            SELECT s.token_hash, s.site, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.case_id,
                   c.organization_id, c.debtor_id
            FROM sessions s JOIN cases c ON c.id = s.case_id
            WHERE s.token_hash = \(Bytes(tokenHash)) AND s.site = \(site) AND s.user_id IS NULL
              AND s.expires_at > \(now) AND s.last_seen_at > \(idleSince)
            """
        ).first
        return try row.map { row in
            DebtorSession(
                session: StoredSession(
                    tokenHash: try row.bytes("token_hash"), site: try row.string("site"), userID: nil,
                    csrfToken: try row.string("csrf_token"), createdAt: try row.instant("created_at"),
                    lastSeenAt: try row.instant("last_seen_at"), expiresAt: try row.instant("expires_at")),
                caseID: try row.int("case_id"), organizationID: try row.int("organization_id"),
                debtorID: try row.int("debtor_id"))
        }
    }
}
