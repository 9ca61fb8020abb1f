import Foundation

/// A message claimed by a delivery worker, with the token that proves the claim.
public struct ClaimedMessage: Sendable {
    public var message: OutboxMessage
    public var bodyHTML: String?
    public var idempotencyKey: UUID
    public var claimToken: UUID
}

/// The worker's side of the outbox: claim due messages, then record each outcome.
///
/// A claim marks messages `sending` for a lease; another worker skips them (`FOR UPDATE SKIP LOCKED` while
/// claiming, the lease afterwards). If a worker dies, its claims expire and another worker delivers them again,
/// so delivery is at least once. Outcomes are recorded only with the claim's token, so a worker whose lease ran
/// out cannot overwrite the new owner's result.
public enum OutboxQueue {
    public static func claim(batchSize: Int, leaseSeconds: Int, on connection: Connection) throws -> [ClaimedMessage] {
        let token = UUID()
        let rows = try connection.query(
            """
            WITH picked AS (
                SELECT id FROM outbox
                WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND claimed_until < now())
                ORDER BY id LIMIT \(batchSize)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox o SET status = 'sending', claim_token = \(token), attempts = o.attempts + 1,
                   claimed_until = now() + make_interval(secs => \(leaseSeconds))
            FROM picked WHERE o.id = picked.id
            RETURNING o.*
            """
        ).rows
        return try rows.map { row in
            ClaimedMessage(
                message: try OutboxRepository.decode(row), bodyHTML: row["body_html"],
                idempotencyKey: try row.uuid("idempotency_key"), claimToken: token)
        }.sorted { $0.message.id < $1.message.id }
    }

    public static func attachments(outboxID: Int64, on connection: Connection) throws
        -> [(filename: String, contentType: String, content: [UInt8])]
    {
        try connection.query(
            "SELECT filename, content_type, content FROM outbox_attachments WHERE outbox_id = \(outboxID) ORDER BY position"
        ).rows.map { (try $0.string("filename"), try $0.string("content_type"), try $0.bytes("content")) }
    }

    /// Records a delivery; returns false when the claim was lost (the lease expired and another worker took over).
    @discardableResult
    public static func markSent(
        _ claimed: ClaimedMessage, providerReference: String?, providerStatus: String?, on connection: Connection
    ) throws -> Bool {
        try connection.query(
            """
            UPDATE outbox SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = '',
                   provider_reference = \(providerReference), provider_status = \(providerStatus)
            WHERE id = \(claimed.message.id) AND claim_token = \(claimed.claimToken) AND status = 'sending'
            """
        ).affectedRows == 1
    }

    /// Puts a message back in the queue after a temporary failure, to be tried again after `retryAfter` seconds.
    public static func markRetry(_ claimed: ClaimedMessage, error: String, retryAfter: Int, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE outbox SET status = 'queued', claimed_until = NULL, last_error = \(error),
                   next_attempt_at = now() + make_interval(secs => \(retryAfter))
            WHERE id = \(claimed.message.id) AND claim_token = \(claimed.claimToken) AND status = 'sending'
            """)
    }

    /// Marks a message failed for good; the creditor sees it in the message log with a suggestion of another channel.
    public static func markFailed(_ claimed: ClaimedMessage, error: String, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE outbox SET status = 'failed', failed_at = now(), claimed_until = NULL, last_error = \(error)
            WHERE id = \(claimed.message.id) AND claim_token = \(claimed.claimToken) AND status = 'sending'
            """)
    }

    /// Counts of messages by status, for the worker's log and for tests.
    public static func counts(on connection: Connection) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try connection.query("SELECT status, count(*) AS n FROM outbox GROUP BY status").rows {
            counts[try row.string("status")] = Int(try row.int("n"))
        }
        return counts
    }
}
