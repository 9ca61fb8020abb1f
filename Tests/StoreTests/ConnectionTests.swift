import Domain
import Foundation
import Store
import Testing
import TestSupport

@Suite struct ConnectionTests {
    @Test func parametersAreNeverSQL() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE people (name text)")
        let hostile = "x'); DROP TABLE people; --"
        let query: SQL = "INSERT INTO people (name) VALUES (\(hostile))"
        #expect(query.text == "INSERT INTO people (name) VALUES ($1)")
        try connection.query(query)
        let names = try connection.query("SELECT name FROM people").rows.map { try $0.string("name") }
        #expect(names == [hostile])
    }

    @Test func valuesRoundTrip() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let instant = Date(timeIntervalSince1970: 1_796_400_000.123456)
        let day = CalendarDate(year: 2026, month: 12, day: 4)!
        let missing: String? = nil
        let row = try #require(
            try connection.query(
                """
                SELECT \(Int64(1_234_567_890_123))::bigint AS big, \(true)::boolean AS yes,
                       \(instant)::timestamptz AS instant, \(day)::date AS day, \(missing)::text AS nothing,
                       \(Bytes([0, 255, 16]))::bytea AS bytes, \("Žluťoučký kůň")::text AS czech
                """
            ).first)
        #expect(try row.int("big") == 1_234_567_890_123)
        #expect(try row.bool("yes"))
        #expect(abs(try row.instant("instant").timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        #expect(try row.calendarDate("day") == day)
        #expect(row["nothing"] == nil)
        #expect(try row.bytes("bytes") == [0, 255, 16])
        #expect(try row.string("czech") == "Žluťoučký kůň")
    }

    @Test func appendRenumbersParameters() {
        var query: SQL = "SELECT * FROM t WHERE a = \(1)"
        for index in 2...12 {
            query.append(" OR a = \(index)")
        }
        #expect(query.parameters.count == 12)
        #expect(query.text.hasSuffix("OR a = $11 OR a = $12"))
        #expect(query.text.contains("a = $1 OR a = $2 "))
    }

    @Test func transactionRollsBackOnError() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE items (id int PRIMARY KEY)")
        #expect(throws: StoreError.self) {
            try connection.transaction { connection in
                try connection.query("INSERT INTO items VALUES (\(1))")
                try connection.query("INSERT INTO items VALUES (\(1))")
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM items").first?.int("n") == 0)
    }

    @Test func uniqueViolationIsRecognised() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE items (id int PRIMARY KEY)")
        try connection.query("INSERT INTO items VALUES (\(1))")
        do {
            try connection.query("INSERT INTO items VALUES (\(1))")
            Issue.record("duplicate insert must fail")
        } catch let error as StoreError {
            #expect(error.isUniqueViolation)
            #expect(error.code == .statementFailed)
            #expect(!error.description.contains("(id)=(1)"), "description must not carry values")
        }
    }

    @Test func unreachableServerIsUnavailable() {
        do {
            _ = try Connection(conninfo: "host=/nonexistent/socket/dir dbname=x connect_timeout=1")
            Issue.record("connecting to a missing server must fail")
        } catch let error as StoreError {
            #expect(error.code == .unavailable)
        } catch {
            Issue.record("unexpected error type \(type(of: error))")
        }
    }
}

@Suite struct NulParameterTests {
    @Test func parameterWithNulIsRejected() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        do {
            try connection.query("SELECT \("a\u{0}b")::text AS value")
            Issue.record("a NUL byte must not reach libpq")
        } catch let error as StoreError {
            #expect(error.context == "parameter contains a NUL byte")
        }
    }
}
