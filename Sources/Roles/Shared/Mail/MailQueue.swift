import Domain
import Foundation
import Store
import Web

/// Queues e-mails in the outbox (inside the caller's transaction) and, in development, drops them as files.
///
/// In development mode every queued message is written after commit to `<data>/mail/<id>-<kind>.eml` and marked
/// sent, and the development mailbox page lists it. In production messages stay queued for the delivery worker.
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

    /// Writes committed messages to files in development; call after the transaction that queued them committed.
    static func deliverInDevelopment(_ ids: [Int64], context: RequestContext) {
        guard context.application.settings.mode == .development else { return }
        let directory = context.application.settings.dataDirectory + "/mail"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try context.database.withConnection { connection in
                for id in ids {
                    guard let message = try OutboxRepository.find(id: id, on: connection) else { continue }
                    let file = "\(directory)/\(id)-\(message.kind).eml"
                    try render(message).write(toFile: file, atomically: true, encoding: .utf8)
                    try OutboxRepository.markSent(id: id, at: context.now, on: connection)
                }
            }
        } catch {
            // The messages stay queued in the outbox; the delivery worker can still send them.
            context.application.logger.error("development mail drop failed", ["error": "\(error)"])
        }
    }

    static func render(_ message: OutboxMessage) -> String {
        """
        To: \(message.recipient)
        Subject: \(message.subject)
        Content-Type: text/plain; charset=utf-8
        X-Kolektor-Outbox-Id: \(message.id)

        \(message.bodyText)

        """
    }
}
