import Foundation
import Store
import Testing
import TestSupport

/// Migration 0011 checks the references of receivables and their change rows once per statement. These tests make
/// sure the checks refuse what the foreign keys refused, and the rows referred to cannot go away.
@Suite struct ReferenceCheckTests {
    /// Two creditors, each with one debtor and one import batch; returns their ids.
    struct Fixture {
        var organizations: [Int64] = []
        var debtors: [Int64] = []
        var batches: [Int64] = []
    }

    func makeFixture(on connection: Connection) throws -> Fixture {
        var fixture = Fixture()
        for (index, ico) in ["25097563", "27082440"].enumerated() {
            let organization = try connection.query(
                "INSERT INTO organizations (name, ico) VALUES (\("Věřitel \(index)"), \(ico)) RETURNING id"
            ).first!.int("id")
            fixture.organizations.append(organization)
            fixture.debtors.append(
                try connection.query(
                    """
                    INSERT INTO debtors (organization_id, kind, name) VALUES (\(organization), 'consumer', 'Jan Novák')
                    RETURNING id
                    """
                ).first!.int("id"))
            fixture.batches.append(
                try connection.query(
                    """
                    INSERT INTO import_batches (organization_id, created_at, actor, file_name, format, mode, status)
                    VALUES (\(organization), now(), 'test', 'a.xml', 'kolektor', 'delta', 'applied') RETURNING id
                    """
                ).first!.int("id"))
        }
        return fixture
    }

    func insertReceivable(
        organization: Int64, debtor: Int64, batch: Int64?, externalID: String, on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, due_date, currency,
                                     total_minor, remaining_minor, status, source, created_batch_id,
                                     updated_batch_id, created_at, updated_at)
            VALUES (\(organization), \(debtor), \(externalID), \(externalID), '2026-10-15', 'CZK', 100000, 100000,
                    'open', 'import', \(batch), \(batch), now(), now())
            RETURNING id
            """
        ).first!.int("id")
    }

    func sqlState(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error.sqlState
        } catch {
            return "other"
        }
    }

    @Test func receivableReferencesOwnCreditor() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let fixture = try makeFixture(on: connection)
        let own = fixture.organizations[0]

        let id = try insertReceivable(
            organization: own, debtor: fixture.debtors[0], batch: fixture.batches[0], externalID: "FV1",
            on: connection)
        #expect(id > 0)
        #expect(
            sqlState {
                _ = try insertReceivable(
                    organization: own, debtor: fixture.debtors[1], batch: nil, externalID: "FV2", on: connection)
            } == "23503")
        #expect(
            sqlState {
                _ = try insertReceivable(
                    organization: own, debtor: fixture.debtors[0], batch: fixture.batches[1], externalID: "FV3",
                    on: connection)
            } == "23503")
        #expect(
            sqlState {
                _ = try insertReceivable(
                    organization: own, debtor: 999_999, batch: nil, externalID: "FV4", on: connection)
            } == "23503")
        #expect(
            sqlState {
                try connection.query("UPDATE receivables SET debtor_id = \(fixture.debtors[1]) WHERE id = \(id)")
            } == "23503")
        #expect(
            sqlState {
                try connection.query("UPDATE receivables SET updated_batch_id = \(fixture.batches[1]) WHERE id = \(id)")
            } == "23503")
        let stored = try connection.query("SELECT organization_id, debtor_id, updated_batch_id FROM receivables")
        #expect(stored.rows.count == 1)
        #expect(try stored.first!.int("organization_id") == own)
        #expect(try stored.first!.int("debtor_id") == fixture.debtors[0])
        #expect(try stored.first!.int("updated_batch_id") == fixture.batches[0])
    }

    @Test func changeReferencesOwnCreditor() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let fixture = try makeFixture(on: connection)
        let receivable = try insertReceivable(
            organization: fixture.organizations[0], debtor: fixture.debtors[0], batch: fixture.batches[0],
            externalID: "FV1", on: connection)

        func insertChange(organization: Int64, batch: Int64, receivable: Int64) throws {
            try connection.query(
                """
                INSERT INTO receivable_changes (organization_id, batch_id, receivable_id, line, external_id, change,
                                                new_status, new_remaining_minor)
                VALUES (\(organization), \(batch), \(receivable), 1, 'FV1', 'new', 'open', 100000)
                """)
        }
        try insertChange(organization: fixture.organizations[0], batch: fixture.batches[0], receivable: receivable)
        #expect(
            sqlState {
                try insertChange(
                    organization: fixture.organizations[0], batch: fixture.batches[1], receivable: receivable)
            } == "23503")
        #expect(
            sqlState {
                try insertChange(
                    organization: fixture.organizations[1], batch: fixture.batches[1], receivable: receivable)
            } == "23503")
        #expect(try connection.query("SELECT count(*) AS n FROM receivable_changes").first!.int("n") == 1)
    }

    @Test func referencedRowsStayPut() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let fixture = try makeFixture(on: connection)
        _ = try insertReceivable(
            organization: fixture.organizations[0], debtor: fixture.debtors[0], batch: fixture.batches[0],
            externalID: "FV1", on: connection)

        for table in ["debtors", "receivables", "import_batches"] {
            #expect(sqlState { try connection.executeScript("DELETE FROM \(table)") } == "23001")
            #expect(sqlState { try connection.executeScript("TRUNCATE \(table) CASCADE") } == "23001")
            #expect(
                sqlState {
                    try connection.executeScript(
                        "UPDATE \(table) SET organization_id = \(fixture.organizations[1])")
                } == "23001")
        }
        #expect(try connection.query("SELECT count(*) AS n FROM debtors").first!.int("n") == 2)
        #expect(try connection.query("SELECT count(*) AS n FROM receivables").first!.int("n") == 1)
        #expect(try connection.query("SELECT count(*) AS n FROM import_batches").first!.int("n") == 2)
        // Other columns stay editable: contact details change with every import.
        try connection.query("UPDATE debtors SET email = 'jan@example.cz' WHERE id = \(fixture.debtors[0])")
        #expect(
            try connection.query("SELECT email FROM debtors WHERE id = \(fixture.debtors[0])").first!.string("email")
                == "jan@example.cz")
    }
}
