import Domain
import Foundation
import Store
import Web

/// Queues e-mails in the outbox inside the caller's transaction; `portal worker` delivers them after commit.
enum MailQueue {
    /// Queues an e-mail inside the caller's transaction and returns the outbox id.
    @discardableResult
    static func enqueue(
        _ kind: MessageKind, _ message: RenderedMessage, to recipient: String, language: Language,
        organizationID: Int64?, now: Date, on connection: Connection
    ) throws -> Int64 {
        try OutboxRepository.enqueue(
            OutboxMessage(
                organizationID: organizationID, kind: kind.rawValue, channel: .email, recipient: recipient,
                language: language, subject: message.subject, bodyText: message.text, bodyHTML: message.html,
                createdAt: now),
            on: connection)
    }
}
