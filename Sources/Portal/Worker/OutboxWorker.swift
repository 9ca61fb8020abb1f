import Delivery
import Foundation
import Store
import Synchronization
import Web

/// The delivery loop of `portal worker`: claims due messages, delivers them, records each outcome at once.
///
/// Temporary failures are retried with exponential back-off (`retryBase` seconds doubled per attempt, at most six
/// hours) up to `maximumAttempts`; permanent failures are marked failed for the creditor to see. An idle worker
/// sleeps on LISTEN/NOTIFY and wakes when a message is queued.
final class OutboxWorker: Sendable {
    struct Settings: Sendable {
        var batchSize = 20
        var leaseSeconds = 60
        var retryBaseSeconds = 30
        var maximumAttempts = 12
        var idleWaitSeconds: TimeInterval = 2
    }

    let settings: Settings
    let logger: Logger
    private let stopping = Atomic<Bool>(false)

    init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Runs until `stop()`; reconnects after database failures.
    func run(database: Database, channels: DeliveryChannels) {
        var listening = false
        var lastHousekeeping = Date.distantPast
        while !isStopping {
            do {
                if Date().timeIntervalSince(lastHousekeeping) > 600 {
                    lastHousekeeping = Date()
                    try database.withConnection { try Housekeeping.run(now: Date(), on: $0, logger: logger) }
                }
                let processed = try database.withConnection { connection -> Int in
                    if !listening {
                        try connection.listen("outbox")
                        listening = true
                    }
                    let count = try runOnce(on: connection, channels: channels)
                    if count == 0 && !isStopping {
                        _ = try connection.waitForNotification(timeout: settings.idleWaitSeconds)
                    }
                    return count
                }
                if processed > 0 { logger.log(.debug, "outbox batch delivered", ["count": "\(processed)"]) }
            } catch {
                listening = false
                logger.error("outbox worker iteration failed", ["error": "\(error)"])
                database.close()
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// Claims one batch and delivers it; returns how many messages were handled.
    func runOnce(on connection: Connection, channels: DeliveryChannels) throws -> Int {
        let claimed = try OutboxQueue.claim(
            batchSize: settings.batchSize, leaseSeconds: settings.leaseSeconds, on: connection)
        for (index, message) in claimed.enumerated() {
            if isStopping {
                // Hand back what was not started, so another worker need not wait for the lease to expire.
                for rest in claimed[index...] {
                    try OutboxQueue.markRetry(rest, error: "worker stopped", retryAfter: 0, on: connection)
                }
                return index
            }
            try deliver(message, on: connection, channels: channels)
        }
        return claimed.count
    }

    private func deliver(_ claimed: ClaimedMessage, on connection: Connection, channels: DeliveryChannels) throws {
        let id = "\(claimed.message.id)"
        do {
            let attachments = try OutboxQueue.attachments(outboxID: claimed.message.id, on: connection)
            let recorded: Bool
            switch try channels.deliver(claimed, attachments: attachments) {
            case .sent(let reference, let status):
                recorded = try OutboxQueue.markSent(claimed, providerReference: reference, providerStatus: status, on: connection)
            case .batched(let day):
                recorded = try LetterBatchRepository.addToBatch(claimed, day: day, on: connection)
                try LetterManifest.write(day: day, directory: channels.letterDrop.directory, on: connection)
            }
            if !recorded {
                logger.warning("outbox claim lost before recording delivery", ["outbox_id": id])
            }
        } catch let error as DeliveryError {
            let attempts = claimed.message.attempts
            if error.kind == .permanent || attempts >= settings.maximumAttempts {
                try OutboxQueue.markFailed(claimed, error: error.reason, on: connection)
                logger.warning("outbox message failed", ["outbox_id": id, "channel": claimed.message.channel.rawValue,
                                                         "attempts": "\(attempts)", "error": error.reason])
            } else {
                let delay = retryDelay(afterAttempt: attempts)
                try OutboxQueue.markRetry(claimed, error: error.reason, retryAfter: delay, on: connection)
                logger.info("outbox message will be retried", ["outbox_id": id, "attempts": "\(attempts)",
                                                               "retry_in_s": "\(delay)", "error": error.reason])
            }
        }
    }

    func retryDelay(afterAttempt attempt: Int) -> Int {
        let exponent = max(0, min(attempt - 1, 20))
        return min(settings.retryBaseSeconds << exponent, 6 * 60 * 60)
    }
}
