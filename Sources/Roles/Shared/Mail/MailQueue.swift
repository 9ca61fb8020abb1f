import Domain
import Foundation
import Store
import Web

/// Queues e-mails in the outbox inside the caller's transaction; `portal worker` delivers them after commit.
enum MailQueue {
    /// Queues an e-mail inside the caller's transaction and returns the outbox id.
    static func enqueue(
        kind: String, to recipient: String, language: Language, subject: String, body: String, organizationID: Int64?,
        now: Date, on connection: Connection
    ) throws -> Int64 {
        try OutboxRepository.enqueue(
            OutboxMessage(
                organizationID: organizationID, kind: kind, channel: .email, recipient: recipient, language: language,
                subject: subject, bodyText: body, createdAt: now),
            on: connection)
    }
}
