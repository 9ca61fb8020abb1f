import Foundation

/// An entry for the append-only audit log. Never put a password, token, code or session id in any field.
public struct AuditEntry: Sendable {
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String
    public var clientAddress: String

    public init(actor: String, action: String, subject: String = "", detail: String = "", clientAddress: String = "") {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.clientAddress = clientAddress
    }
}

/// The hash-chained audit log: every row stores the SHA-256 of the previous row's hash and its own fields.
///
/// Rows are appended inside the caller's transaction, so the action and its record commit together.
public enum AuditLog {
    /// Advisory lock that orders appends, so two transactions never chain to the same previous row.
    /// NOTE: the lock is held until the caller's transaction ends, so audited transactions run one at a time.
    static let appendLockKey: Int64 = 0x4B4F_4C02

    /// Appends an entry; call it inside a transaction (the advisory lock is transaction-scoped).
    public static func append(_ entry: AuditEntry, at instant: Date, on connection: Connection) throws {
        try connection.query("SELECT pg_advisory_xact_lock(\(appendLockKey))")
        try connection.query(
            """
            WITH previous AS (
                SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '\\x'::bytea) AS hash
            ), fresh AS (
                SELECT nextval('audit_log_id_seq') AS id, date_trunc('microseconds', \(instant)::timestamptz) AS at
            )
            INSERT INTO audit_log (id, at, actor, action, subject, detail, client_address, prev_hash, hash)
            SELECT fresh.id, fresh.at, \(entry.actor), \(entry.action), \(entry.subject), \(entry.detail),
                   \(entry.clientAddress), previous.hash,
                   audit_row_hash(previous.hash, fresh.id, fresh.at, \(entry.actor), \(entry.action),
                                  \(entry.subject), \(entry.detail), \(entry.clientAddress))
            FROM previous, fresh
            """)
    }

    /// Checks the whole chain and returns the id of the first row whose hash or link does not match, or nil.
    public static func firstBrokenRow(on connection: Connection) throws -> Int64? {
        let result = try connection.query(
            """
            SELECT id FROM (
                SELECT id, hash, prev_hash,
                       lag(hash, 1, '\\x'::bytea) OVER (ORDER BY id) AS expected_prev,
                       audit_row_hash(prev_hash, id, at, actor, action, subject, detail, client_address) AS recomputed
                FROM audit_log
            ) chain
            WHERE prev_hash <> expected_prev OR hash <> recomputed
            ORDER BY id LIMIT 1
            """)
        return try result.first?.int("id")
    }
}
