import Domain
import Foundation

/// Letters grouped per day for a print shop: the worker adds each letter to the day's batch, an operator
/// confirms the batch once printed and posted, and registered letters get their delivery-receipt date later.
public enum LetterBatchRepository {
    public struct Entry: Sendable, Equatable {
        public var outboxID: Int64
        public var kind: String
        public var recipient: String
        public var registered: Bool
        public var status: String
        public var deliveryReceiptOn: CalendarDate?
    }

    /// Adds a claimed letter to the batch of `day`; false when the claim was lost.
    @discardableResult
    public static func addToBatch(_ claimed: ClaimedMessage, day: CalendarDate, on connection: Connection) throws -> Bool {
        try connection.query("INSERT INTO letter_batches (day) VALUES (\(day)) ON CONFLICT (day) DO NOTHING")
        return try connection.query(
            """
            UPDATE outbox SET status = 'batched', letter_batch = \(day), claimed_until = NULL, last_error = '',
                   provider_reference = \(day.iso)
            WHERE id = \(claimed.message.id) AND claim_token = \(claimed.claimToken) AND status = 'sending'
            """
        ).affectedRows == 1
    }

    public static func entries(day: CalendarDate, on connection: Connection) throws -> [Entry] {
        try connection.query(
            """
            SELECT id, kind, recipient, registered, status, delivery_receipt_on FROM outbox
            WHERE letter_batch = \(day) ORDER BY id
            """
        ).rows.map { row in
            Entry(
                outboxID: try row.int("id"), kind: try row.string("kind"), recipient: try row.string("recipient"),
                registered: try row.bool("registered"), status: try row.string("status"),
                deliveryReceiptOn: try row.optionalCalendarDate("delivery_receipt_on"))
        }
    }

    /// Marks every batched letter of the day sent; returns how many. Confirming twice changes nothing more.
    public static func confirm(day: CalendarDate, by actor: String, at now: Date, on connection: Connection) throws -> Int {
        try connection.transaction { connection in
            try connection.query(
                """
                UPDATE letter_batches SET confirmed_at = \(now), confirmed_by = \(actor)
                WHERE day = \(day) AND confirmed_at IS NULL
                """)
            return try connection.query(
                """
                UPDATE outbox SET status = 'sent', sent_at = \(now)
                WHERE letter_batch = \(day) AND status = 'batched'
                """
            ).affectedRows
        }
    }

    /// Records the delivery-receipt date of a sent registered letter; false when the id is not such a letter.
    /// A date already recorded is kept: the first receipt is the legal one.
    public static func recordReceipt(outboxID: Int64, on day: CalendarDate, on connection: Connection) throws -> Bool {
        try connection.query(
            """
            UPDATE outbox SET delivery_receipt_on = \(day)
            WHERE id = \(outboxID) AND channel = 'letter' AND registered AND status = 'sent'
              AND delivery_receipt_on IS NULL
            """
        ).affectedRows == 1
    }
}
