import Foundation
import Store
import Testing
import TestSupport

@Suite struct AuditLogTests {
    func append(_ count: Int, on connection: Connection) throws {
        for index in 1...count {
            try connection.transaction { connection in
                try AuditLog.append(
                    AuditEntry(actor: "user:\(index)", action: "sign_in", subject: "site:klient", clientAddress: "127.0.0.1"),
                    at: Date(timeIntervalSince1970: 1_796_400_000 + Double(index)), on: connection)
            }
        }
    }

    @Test func chainLinksEveryRow() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try append(3, on: connection)
        let rows = try connection.query("SELECT prev_hash, hash FROM audit_log ORDER BY id").rows
        #expect(rows.count == 3)
        #expect(try rows[0].bytes("prev_hash") == [])
        #expect(try rows[1].bytes("prev_hash") == rows[0].bytes("hash"))
        #expect(try rows[2].bytes("prev_hash") == rows[1].bytes("hash"))
        #expect(try rows[0].bytes("hash").count == 32)
        #expect(try AuditLog.firstBrokenRow(on: connection) == nil)
    }

    @Test func rowsCannotChangeOrDisappear() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try append(1, on: connection)
        #expect(throws: StoreError.self) { try connection.query("UPDATE audit_log SET actor = 'someone else'") }
        #expect(throws: StoreError.self) { try connection.query("DELETE FROM audit_log") }
        #expect(throws: StoreError.self) { try connection.executeScript("TRUNCATE audit_log") }
        #expect(try connection.query("SELECT actor FROM audit_log").first?.string("actor") == "user:1")
    }

    @Test func tamperingIsDetected() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try append(3, on: connection)
        // A superuser can switch the trigger off; the hash chain still shows the change.
        try connection.executeScript(
            """
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
            UPDATE audit_log SET action = 'nothing_happened' WHERE id = 2;
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
            """)
        #expect(try AuditLog.firstBrokenRow(on: connection) == 2)
    }
}
