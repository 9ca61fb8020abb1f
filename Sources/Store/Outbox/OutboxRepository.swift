import Domain
import Foundation

/// A message queued for delivery.
public struct OutboxMessage: Sendable, Equatable {
    public enum Channel: String, Sendable {
        case email
        case sms
        case letter
    }

    public var id: Int64
    public var organizationID: Int64?
    /// What the message is, such as `password_reset` or `invitation`.
    public var kind: String
    public var channel: Channel
    public var recipient: String
    public var language: Language
    public var subject: String
    public var bodyText: String
    public var status: String
    public var attempts: Int
    public var createdAt: Date
    public var sentAt: Date?

    public init(
        id: Int64 = 0, organizationID: Int64?, kind: String, channel: Channel, recipient: String, language: Language,
        subject: String, bodyText: String, status: String = "queued", attempts: Int = 0, createdAt: Date,
        sentAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.channel = channel
        self.recipient = recipient
        self.language = language
        self.subject = subject
        self.bodyText = bodyText
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// The transactional outbox: call `enqueue` inside the transaction of the change that causes the message.
public enum OutboxRepository {
    @discardableResult
    public static func enqueue(_ message: OutboxMessage, on connection: Connection) throws -> Int64 {
        let m = message
        return try connection.query(
            """
            INSERT INTO outbox (organization_id, kind, channel, recipient, language, subject, body_text, created_at)
            VALUES (\(m.organizationID), \(m.kind), \(m.channel.rawValue), \(m.recipient), \(m.language.rawValue),
                    \(m.subject), \(m.bodyText), \(m.createdAt))
            RETURNING id
            """
        ).first?.int("id") ?? 0
    }

    public static func find(id: Int64, on connection: Connection) throws -> OutboxMessage? {
        try connection.query("SELECT * FROM outbox WHERE id = \(id)").first.map(decode)
    }

    /// The newest messages first, for the development mailbox.
    public static func recent(limit: Int, on connection: Connection) throws -> [OutboxMessage] {
        try connection.query("SELECT * FROM outbox ORDER BY id DESC LIMIT \(limit)").rows.map(decode)
    }

    public static func markSent(id: Int64, at now: Date, on connection: Connection) throws {
        try connection.query(
            "UPDATE outbox SET status = 'sent', sent_at = \(now), attempts = attempts + 1 WHERE id = \(id)")
    }

    static func decode(_ row: Row) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.int("id"), organizationID: try row.optionalInt("organization_id"), kind: try row.string("kind"),
            channel: OutboxMessage.Channel(rawValue: try row.string("channel")) ?? .email,
            recipient: try row.string("recipient"), language: Language(rawValue: try row.string("language")) ?? .cs,
            subject: try row.string("subject"), bodyText: try row.string("body_text"), status: try row.string("status"),
            attempts: Int(try row.int("attempts")), createdAt: try row.instant("created_at"),
            sentAt: try row.optionalInstant("sent_at"))
    }
}
