import Dispatch
import Foundation
import Store
import Web

/// `portal worker`: background jobs; for now the outbox delivery loop. Any number may run on any host.
enum WorkerCommand {
    static func run(configuration: Configuration) throws {
        let conninfo = try configuration.databaseURL()
        let logger = Logger(minimumLevel: configuration.string("KOLEKTOR_LOG_LEVEL") == "debug" ? .debug : .info)
        var settings = OutboxWorker.Settings()
        settings.retryBaseSeconds = try configuration.integer("KOLEKTOR_OUTBOX_RETRY_BASE_SECONDS")
        settings.leaseSeconds = try configuration.integer("KOLEKTOR_OUTBOX_LEASE_SECONDS")
        settings.batchSize = try configuration.integer("KOLEKTOR_OUTBOX_BATCH")
        let worker = OutboxWorker(settings: settings, logger: logger)
        let channels = try DeliveryChannels(configuration: configuration)

        let sources = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.info("stop signal received", ["signal": "\(number)"])
                worker.stop()
            }
            source.resume()
            return source
        }
        signal(SIGPIPE, SIG_IGN)
        logger.info("worker started", [
            "email": channels.mailer == nil ? "files" : "smtp", "sms": channels.gateway == nil ? "files" : "gateway",
        ])
        let database = Database(conninfo: conninfo)
        worker.run(database: database, channels: channels)
        database.close()
        sources.forEach { $0.cancel() }
        logger.info("worker stopped")
    }
}
