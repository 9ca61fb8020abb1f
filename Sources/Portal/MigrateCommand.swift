import Store

/// `portal migrate`: applies the bundled SQL migrations that the database has not seen yet.
enum MigrateCommand {
    static func run(configuration: Configuration) throws {
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let applied = try Migrator.bundled().migrate(connection)
        if applied.isEmpty {
            print("database is up to date")
        } else {
            applied.forEach { print("applied \($0)") }
        }
    }
}
