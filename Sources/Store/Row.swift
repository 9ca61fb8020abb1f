import Domain
import Foundation

/// The rows a statement returned, copied out of libpq into plain Swift values.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let rows: [Row]
    /// The number of rows an INSERT, UPDATE or DELETE touched, or the number of rows returned by a SELECT.
    public let affectedRows: Int

    public var first: Row? { rows.first }
}

/// One result row; values are PostgreSQL's text forms, read through typed accessors that name the column on failure.
public struct Row: Sendable {
    let columnIndex: [String: Int]
    public let values: [String?]

    public subscript(column: String) -> String? {
        guard let index = columnIndex[column] else { return nil }
        return values[index]
    }

    public func string(_ column: String) throws -> String {
        guard let value = self[column] else { throw missing(column) }
        return value
    }

    public func int(_ column: String) throws -> Int64 {
        guard let text = self[column], let value = Int64(text) else { throw missing(column) }
        return value
    }

    public func optionalInt(_ column: String) throws -> Int64? {
        guard let text = self[column] else { return nil }
        guard let value = Int64(text) else { throw missing(column) }
        return value
    }

    public func bool(_ column: String) throws -> Bool {
        switch self[column] {
        case "t": return true
        case "f": return false
        default: throw missing(column)
        }
    }

    public func uuid(_ column: String) throws -> UUID {
        guard let text = self[column], let value = UUID(uuidString: text) else { throw missing(column) }
        return value
    }

    public func calendarDate(_ column: String) throws -> CalendarDate {
        guard let text = self[column], let value = CalendarDate(iso: text) else { throw missing(column) }
        return value
    }

    public func optionalCalendarDate(_ column: String) throws -> CalendarDate? {
        guard let text = self[column] else { return nil }
        guard let value = CalendarDate(iso: text) else { throw missing(column) }
        return value
    }

    /// Reads a `timestamptz` printed with `DateStyle=ISO` and `TimeZone=UTC`, both set by `Connection` at connect.
    public func instant(_ column: String) throws -> Date {
        guard let text = self[column], let value = Row.parseInstant(text) else { throw missing(column) }
        return value
    }

    public func optionalInstant(_ column: String) throws -> Date? {
        guard let text = self[column] else { return nil }
        guard let value = Row.parseInstant(text) else { throw missing(column) }
        return value
    }

    /// Reads a `bytea` column in PostgreSQL's hex output form (`\x0a1b…`).
    public func bytes(_ column: String) throws -> [UInt8] {
        guard let text = self[column], text.hasPrefix("\\x"), text.count % 2 == 0 else { throw missing(column) }
        var result: [UInt8] = []
        result.reserveCapacity(text.count / 2 - 1)
        var iterator = text.utf8.dropFirst(2).makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = Row.hexValue(high), let l = Row.hexValue(low) else { throw missing(column) }
            result.append(h << 4 | l)
        }
        return result
    }

    private func missing(_ column: String) -> StoreError {
        StoreError(.decodingFailed, context: column)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Parses `2026-12-04 19:50:00.123456+00`; the fraction is optional.
    static func parseInstant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 22 else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var fraction = 0.0
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            let start = index
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            fraction = Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? 0
        }
        guard String(decoding: bytes[index...], as: UTF8.self) == "+00" else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let whole = calendar.date(from: components) else { return nil }
        return whole.addingTimeInterval(fraction)
    }
}
