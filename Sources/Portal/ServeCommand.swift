import Crypto
import Foundation
import Roles
import Store
import Web

/// `portal serve`: the FastCGI server with one PostgreSQL connection per worker thread.
enum ServeCommand {
    static func run(arguments: [String], configuration: Configuration) throws {
        var configuration = configuration
        var remaining = arguments[...]
        while let option = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw UsageError("\(option) needs a value") }
            switch option {
            case "--listen": configuration.values["KOLEKTOR_LISTEN"] = value
            case "--threads": configuration.values["KOLEKTOR_THREADS"] = value
            default: throw UsageError("unknown option \(option) for serve")
            }
        }
        let conninfo = try configuration.databaseURL()
        let threads = try configuration.integer("KOLEKTOR_THREADS")
        guard (1...256).contains(threads) else { throw UsageError("KOLEKTOR_THREADS must be between 1 and 256") }
        guard let socketMode = mode_t(configuration.string("KOLEKTOR_SOCKET_MODE") ?? "660", radix: 8) else {
            throw UsageError("KOLEKTOR_SOCKET_MODE must be an octal mode such as 660")
        }
        let mode = Settings.Mode(rawValue: configuration.string("KOLEKTOR_MODE") ?? "") ?? .production
        let settings = Settings(
            mode: mode, baseURL: configuration.string("KOLEKTOR_BASE_URL") ?? "",
            dataDirectory: configuration.string("KOLEKTOR_DATA_DIR") ?? "var",
            importMaxBytes: try configuration.integer("KOLEKTOR_IMPORT_MAX_BYTES"))
        let logger = Logger()
        let hasher = PasswordHasher(
            parameters: try configuration.argon2Parameters(),
            maximumConcurrent: try configuration.integer("KOLEKTOR_ARGON2_CONCURRENCY"))
        let application = Application(settings: settings, logger: logger, authenticator: Authenticator(hasher: hasher))
        let server = try FastCGIServer(
            configuration: .init(
                listenAddress: configuration.string("KOLEKTOR_LISTEN") ?? "", threads: threads,
                maxBodyBytes: try configuration.integer("KOLEKTOR_MAX_BODY_BYTES"), socketMode: socketMode,
                maxUploadBytes: settings.importMaxBytes + 64 * 1024, uploadPaths: Settings.uploadPaths),
            logger: logger)
        logger.info("configuration loaded", ["file": configuration.sourceFile ?? "none", "mode": mode.rawValue])
        server.run(
            makeWorker: { _ in Database(conninfo: conninfo) },
            handle: { database, request in application.respond(to: request, database: database) },
            reject: { status in application.rejection(status: status) })
    }
}
