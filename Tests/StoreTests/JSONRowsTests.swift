import Foundation
import Testing

@testable import Store

@Suite struct JSONRowsTests {
    @Test func escapesStringsAsJSON() throws {
        var rows = JSONRows(capacity: 64)
        rows.append(["name": .string("a\"b\\c\nd\u{01}é"), "n": .integer(-5), "ok": .bool(true), "none": .null])
        rows.append(["name": .string("")])
        let decoded = try JSONSerialization.jsonObject(with: Data(rows.json.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 2)
        #expect(decoded?.first?["name"] as? String == "a\"b\\c\nd\u{01}é")
        #expect(decoded?.first?["n"] as? Int == -5)
        #expect(decoded?.first?["ok"] as? Bool == true)
        #expect(decoded?.first?["none"] is NSNull)
    }

    @Test func emptyRowsAreEmptyArray() {
        #expect(JSONRows(capacity: 0).json == "[]")
    }
}
