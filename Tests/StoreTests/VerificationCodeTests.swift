import Foundation
import Store
import TestSupport
import Testing

@Suite struct VerificationCodeTests {
    @Test func migrationGivesExistingCreditorsCodes() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        defer { connection.close() }
        let all = try Migrator.bundled()
        _ = try Migrator(migrations: all.migrations.filter { $0.version < 5 }).migrate(connection)
        try connection.query("INSERT INTO organizations (name, ico) VALUES ('Starý A s.r.o.', '25097563')")
        try connection.query("INSERT INTO organizations (name, ico) VALUES ('Starý B a.s.', '45317054')")

        _ = try all.migrate(connection)

        let codes = try connection.query("SELECT verification_code FROM organizations ORDER BY id").rows.map {
            try $0.string("verification_code")
        }
        #expect(codes.count == 2)
        #expect(Set(codes).count == 2)
        for code in codes {
            #expect(code.wholeMatch(of: /[a-z2-7]{20}/) != nil, "\(code)")
        }
    }

    @Test func insertReturnsNewCode() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let first = try OrganizationRepository.insert(
            Organization(name: "Nový s.r.o.", ico: "25097563"), on: connection)
        let second = try OrganizationRepository.insert(
            Organization(name: "Druhý a.s.", ico: "45317054"), on: connection)

        #expect(first.verificationCode.wholeMatch(of: /[a-z2-7]{20}/) != nil)
        #expect(first.verificationCode != second.verificationCode)
        #expect(first.verificationCode.contains("25097563") == false)
        let found = try OrganizationRepository.find(verificationCode: first.verificationCode, on: connection)
        #expect(found?.id == first.id)
        #expect(try OrganizationRepository.find(verificationCode: "aaaaaaaaaaaaaaaaaaaa", on: connection) == nil)
    }

    @Test func counterResetsInNewWindow() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let minute = Date(timeIntervalSince1970: 1_796_400_000)
        let next = minute.addingTimeInterval(60)

        #expect(try RequestCounterRepository.increment(key: "test:a", windowStart: minute, on: connection) == 1)
        #expect(try RequestCounterRepository.increment(key: "test:a", windowStart: minute, on: connection) == 2)
        #expect(try RequestCounterRepository.increment(key: "test:b", windowStart: minute, on: connection) == 1)
        #expect(try RequestCounterRepository.increment(key: "test:a", windowStart: next, on: connection) == 1)

        try RequestCounterRepository.deleteExpired(before: next, on: connection)
        let keys = try connection.query("SELECT key FROM request_counters ORDER BY key").rows.map {
            try $0.string("key")
        }
        #expect(keys == ["test:a"])
    }
}
