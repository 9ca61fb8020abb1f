import Foundation
import Store
import Testing
import TestSupport

@Suite struct MigratorTests {
    /// A description of every table, column and function in the public schema, to compare before and after.
    func schemaSnapshot(_ connection: Connection) throws -> [String] {
        try connection.query(
            """
            SELECT table_name || '.' || column_name || ':' || data_type AS item
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            ORDER BY 1
            """
        ).rows.map { try $0.string("item") }
    }

    @Test func secondRunChangesNothing() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        defer { connection.close() }
        let migrator = try Migrator.bundled()

        let first = try migrator.migrate(connection)
        #expect(first.first == "0001_core.sql")
        #expect(first.count == migrator.migrations.count)
        let schemaAfterFirst = try schemaSnapshot(connection)
        let recordedAfterFirst = try connection.query("SELECT version, applied_at FROM schema_migrations ORDER BY version")
            .rows.map { $0.values }

        let second = try migrator.migrate(connection)
        #expect(second == [])
        #expect(try schemaSnapshot(connection) == schemaAfterFirst)
        let recordedAfterSecond = try connection.query("SELECT version, applied_at FROM schema_migrations ORDER BY version")
            .rows.map { $0.values }
        #expect(recordedAfterSecond == recordedAfterFirst)
    }

    @Test func failingMigrationLeavesNoTrace() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        defer { connection.close() }
        let migrator = Migrator(migrations: [
            .init(version: 1, name: "0001_ok.sql", sql: "CREATE TABLE one (id int)"),
            .init(version: 2, name: "0002_broken.sql", sql: "CREATE TABLE two (id int); SELECT * FROM missing_table"),
        ])
        #expect(throws: StoreError.self) { try migrator.migrate(connection) }
        let versions = try connection.query("SELECT version FROM schema_migrations").rows.map { try $0.int("version") }
        #expect(versions == [1])
        let tables = try connection.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('one', 'two')"
        ).rows.map { try $0.string("table_name") }
        #expect(tables == ["one"])
    }
}
