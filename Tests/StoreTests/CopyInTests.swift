import Foundation
import Store
import Testing
import TestSupport

@Suite struct CopyInTests {
    struct Abandoned: Error {}

    @Test func rowsArriveWithEscapesAndNulls() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.executeScript("CREATE TABLE copied (id integer, label text, amount bigint, flag boolean)")
        let texts = ["tab\there", "line\nbreak\r\n", "back\\slash", "\\N", "Žluťoučký kůň", ""]
        let count = try connection.copyIn("COPY copied (id, label, amount, flag) FROM STDIN") { writer in
            for (index, text) in texts.enumerated() {
                writer.field(index)
                writer.field(text)
                writer.field(Int64(index) * -1_000_000_007)
                writer.field(index % 2 == 0)
                try writer.endRow()
            }
            writer.field(99)
            writer.null()
            writer.null()
            writer.null()
            try writer.endRow()
        }
        #expect(count == texts.count + 1)
        let rows = try connection.query("SELECT id, label, amount, flag FROM copied ORDER BY id").rows
        #expect(rows.count == texts.count + 1)
        for (index, text) in texts.enumerated() {
            #expect(try rows[index].string("label") == text)
            #expect(try rows[index].int("amount") == Int64(index) * -1_000_000_007)
            #expect(try rows[index].bool("flag") == (index % 2 == 0))
        }
        #expect(rows[texts.count]["label"] == nil)
        #expect(rows[texts.count]["amount"] == nil)
    }

    @Test func manyRowsPassTheBufferLimit() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.executeScript("CREATE TABLE copied (id integer, label text)")
        let label = String(repeating: "x", count: 100)
        try connection.copyIn("COPY copied FROM STDIN") { writer in
            for index in 0..<20_000 {
                writer.field(index)
                writer.field(label)
                try writer.endRow()
            }
        }
        let summary = try connection.query("SELECT count(*) AS n, sum(id) AS total FROM copied").first!
        #expect(try summary.int("n") == 20_000)
        #expect(try summary.int("total") == Int64(19_999 * 20_000 / 2))
    }

    @Test func thrownErrorDiscardsCopy() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try connection.executeScript("CREATE TABLE copied (id integer)")
        #expect(throws: Abandoned.self) {
            try connection.copyIn("COPY copied FROM STDIN") { writer in
                writer.field(1)
                try writer.endRow()
                throw Abandoned()
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM copied").first!.int("n") == 0)
        #expect(throws: StoreError.self) {
            try connection.copyIn("COPY copied FROM STDIN") { writer in
                writer.field("not a number")
                try writer.endRow()
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM copied").first!.int("n") == 0)
        #expect(connection.isHealthy)
    }
}
