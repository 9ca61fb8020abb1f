import Foundation

/// Applies the numbered SQL files under `Migrations/` (`0001_core.sql`, `0002_…`) that a database has not seen yet.
///
/// Each file runs in its own transaction together with the row that records it, so a failing file leaves neither
/// half its changes nor a record. An advisory lock keeps two `portal migrate` runs from applying the same file.
public struct Migrator {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String

        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }
    }

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Loads the migrations bundled with the Store module.
    public static func bundled() throws -> Migrator {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw StoreError(.migrationFailed, context: "Migrations resource directory")
        }
        return try Migrator(directory: directory)
    }

    /// Loads every `NNNN_name.sql` file of a directory.
    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var loaded: [Migration] = []
        for name in names where name.hasSuffix(".sql") {
            guard let version = Int(name.prefix { $0.isNumber }) else {
                throw StoreError(.migrationFailed, context: name, serverMessage: "file name must start with a number")
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            loaded.append(Migration(version: version, name: name, sql: sql))
        }
        let versions = loaded.map(\.version)
        guard Set(versions).count == versions.count else {
            throw StoreError(.migrationFailed, context: directory.path, serverMessage: "two files share a number")
        }
        self.init(migrations: loaded)
    }

    /// Applies pending migrations and returns the names of those applied now; an up-to-date database returns [].
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [String] {
        try connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        try connection.query("SELECT pg_advisory_lock(\(Migrator.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Migrator.lockKey))") }

        let applied = Set(try connection.query("SELECT version FROM schema_migrations").rows.map { try $0.int("version") })
        var appliedNow: [String] = []
        for migration in migrations where !applied.contains(Int64(migration.version)) {
            do {
                try connection.transaction { connection in
                    try connection.executeScript(migration.sql)
                    try connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))")
                }
            } catch let error as StoreError {
                throw StoreError(
                    .migrationFailed, context: migration.name, sqlState: error.sqlState,
                    serverMessage: error.debugDescription)
            }
            appliedNow.append(migration.name)
        }
        return appliedNow
    }

    /// Advisory lock key for migrations: an arbitrary constant that no other lock in Kolektor uses.
    static let lockKey: Int64 = 0x4B4F_4C01
}
