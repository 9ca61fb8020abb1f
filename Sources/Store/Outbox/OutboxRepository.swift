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
    /// HTML alternative of an e-mail; nil for plain text only.
    public var bodyHTML: String?
    public var status: String
    public var attempts: Int
    public var createdAt: Date
    public var sentAt: Date?

    public init(
        id: Int64 = 0, organizationID: Int64?, kind: String, channel: Channel, recipient: String, language: Language,
        subject: String, bodyText: String, bodyHTML: String? = nil, status: String = "queued", attempts: Int = 0,
        createdAt: Date, sentAt: Date? = nil, lastError: String = ""
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.channel = channel
        self.recipient = recipient
        self.language = language
        self.subject = subject
        self.bodyText = bodyText
        self.bodyHTML = bodyHTML
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.lastError = lastError
    }

    /// The last delivery error, empty when none.
    public var lastError: String
}

/// The transactional outbox: call `enqueue` inside the transaction of the change that causes the message.
public enum OutboxRepository {
    @discardableResult
    public static func enqueue(
        _ message: OutboxMessage, attachments: [(filename: String, contentType: String, content: [UInt8])] = [],
        on connection: Connection
    ) throws -> Int64 {
        let m = message
        let id = try connection.query(
            """
            INSERT INTO outbox (organization_id, kind, channel, recipient, language, subject, body_text, body_html,
                                created_at)
            VALUES (\(m.organizationID), \(m.kind), \(m.channel.rawValue), \(m.recipient), \(m.language.rawValue),
                    \(m.subject), \(m.bodyText), \(m.bodyHTML), \(m.createdAt))
            RETURNING id
            """
        ).first?.int("id") ?? 0
        for (position, attachment) in attachments.enumerated() {
            try connection.query(
                """
                INSERT INTO outbox_attachments (outbox_id, position, filename, content_type, content)
                VALUES (\(id), \(position), \(attachment.filename), \(attachment.contentType), \(Bytes(attachment.content)))
                """)
        }
        return id
    }

    /// Messages of one creditor, newest first, for its message log.
    public static func recent(organizationID: Int64, limit: Int, on connection: Connection) throws -> [OutboxMessage] {
        try connection.query(
            "SELECT * FROM outbox WHERE organization_id = \(organizationID) ORDER BY id DESC LIMIT \(limit)"
        ).rows.map(decode)
    }

    public static func find(id: Int64, on connection: Connection) throws -> OutboxMessage? {
        try connection.query("SELECT * FROM outbox WHERE id = \(id)").first.map(decode)
    }

    /// The newest messages first, for the development mailbox.
    public static func recent(limit: Int, on connection: Connection) throws -> [OutboxMessage] {
        try connection.query("SELECT * FROM outbox ORDER BY id DESC LIMIT \(limit)").rows.map(decode)
    }

    static func decode(_ row: Row) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.int("id"), organizationID: try row.optionalInt("organization_id"), kind: try row.string("kind"),
            channel: OutboxMessage.Channel(rawValue: try row.string("channel")) ?? .email,
            recipient: try row.string("recipient"), language: Language(rawValue: try row.string("language")) ?? .cs,
            subject: try row.string("subject"), bodyText: try row.string("body_text"), bodyHTML: row["body_html"],
            status: try row.string("status"), attempts: Int(try row.int("attempts")),
            createdAt: try row.instant("created_at"), sentAt: try row.optionalInstant("sent_at"),
            lastError: row["last_error"] ?? "")
    }
}
