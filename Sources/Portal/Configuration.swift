import Crypto
import Foundation

/// Settings of the `portal` executable, read from a `KEY=value` file and overridden by environment variables.
///
/// The file is `$KOLEKTOR_CONFIG`, else `var/portal.conf` in the working directory, else `var/portal.conf` two
/// levels above the executable (the repository root for `.build/release/portal`), which is where `make run`
/// writes it, so `portal` finds the development database without flags.
struct Configuration {
    var values: [String: String]
    /// The file the values came from, for the startup log line; nil when only the environment was used.
    var sourceFile: String?

    static let defaults: [String: String] = [
        "KOLEKTOR_LISTEN": "var/run/portal.sock",
        "KOLEKTOR_THREADS": "4",
        "KOLEKTOR_MODE": "production",
        "KOLEKTOR_BASE_URL": "http://127.0.0.1:8080",
        "KOLEKTOR_MAX_BODY_BYTES": "1048576",
        // Upload limit of the import routes and of `portal import`: 100 MiB.
        "KOLEKTOR_IMPORT_MAX_BYTES": "104857600",
        "KOLEKTOR_SOCKET_MODE": "660",
        "KOLEKTOR_ARGON2_MEMORY_KIB": "19456",
        "KOLEKTOR_ARGON2_ITERATIONS": "2",
        "KOLEKTOR_ARGON2_CONCURRENCY": "2",
        "KOLEKTOR_OUTBOX_RETRY_BASE_SECONDS": "30",
        "KOLEKTOR_OUTBOX_LEASE_SECONDS": "60",
        "KOLEKTOR_OUTBOX_BATCH": "20",
    ]

    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        var values = defaults
        var source: String?
        if let path = configurationFile(environment: environment) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            values.merge(parse(text)) { _, fromFile in fromFile }
            source = path
        }
        for (key, value) in environment where key.hasPrefix("KOLEKTOR_") || key == "DATABASE_URL" {
            values[key] = value
        }
        return Configuration(values: values, sourceFile: source)
    }

    static func configurationFile(environment: [String: String]) -> String? {
        if let explicit = environment["KOLEKTOR_CONFIG"] { return explicit }
        let fileManager = FileManager.default
        let local = fileManager.currentDirectoryPath + "/var/portal.conf"
        if fileManager.fileExists(atPath: local) { return local }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let besideBuild = executable.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("var/portal.conf").path
        return fileManager.fileExists(atPath: besideBuild) ? besideBuild : nil
    }

    /// Parses `KEY=value` lines; blank lines and lines starting with `#` are skipped.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            values[key] = value
        }
        return values
    }

    func string(_ key: String) -> String? { values[key] }

    func integer(_ key: String) throws -> Int {
        guard let text = values[key], let value = Int(text) else {
            throw UsageError("\(key) must be a whole number, got \"\(values[key] ?? "")\"")
        }
        return value
    }

    /// argon2id parameters for new hashes; values below OWASP's minimum (19 MiB, 2 passes) are refused.
    /// Raising them makes every user's hash upgrade at their next sign-in.
    func argon2Parameters() throws -> PasswordHasher.Parameters {
        let memory = try integer("KOLEKTOR_ARGON2_MEMORY_KIB")
        let iterations = try integer("KOLEKTOR_ARGON2_ITERATIONS")
        guard memory >= 19_456, iterations >= 2, memory <= 4_194_304, iterations <= 100 else {
            throw UsageError("argon2 parameters below the minimum: KOLEKTOR_ARGON2_MEMORY_KIB >= 19456, KOLEKTOR_ARGON2_ITERATIONS >= 2")
        }
        return PasswordHasher.Parameters(memoryKiB: UInt32(memory), iterations: UInt32(iterations), parallelism: 1)
    }

    /// The database connection string; `DATABASE_URL` is required, because there is no safe default.
    func databaseURL() throws -> String {
        guard let url = values["DATABASE_URL"], !url.isEmpty else {
            throw UsageError(
                "DATABASE_URL is not set: run `make run` once to create var/portal.conf, or export DATABASE_URL")
        }
        return url
    }
}

/// A command-line mistake, printed to stderr before exiting with status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
