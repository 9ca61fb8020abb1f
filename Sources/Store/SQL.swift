import Domain
import Foundation

/// A SQL statement whose interpolated values become `$n` parameters, so values never enter the SQL text.
///
///     let query: SQL = "SELECT id FROM users WHERE email = \(email)"
///     // text: "SELECT id FROM users WHERE email = $1", parameters: [email]
///
/// SQL text that is not a literal needs the deliberately named `SQL(unsafeRaw:)`.
public struct SQL: Sendable, ExpressibleByStringInterpolation {
    public private(set) var text: String
    public private(set) var parameters: [String?]

    public init(stringLiteral value: String) {
        text = value
        parameters = []
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        parameters = stringInterpolation.parameters
    }

    /// Builds a statement from text that is not a literal; only for trusted SQL such as migration files.
    public init(unsafeRaw text: String) {
        self.text = text
        parameters = []
    }

    /// Appends another statement fragment, renumbering its parameters after this one's.
    public mutating func append(_ other: SQL) {
        var renumbered = other.text
        // Renumber from the highest index down, so `$1` never rewrites part of `$12`.
        for index in stride(from: other.parameters.count, through: 1, by: -1) {
            renumbered = renumbered.replacingOccurrences(of: "$\(index)", with: "$#\(index + parameters.count)")
        }
        text += renumbered.replacingOccurrences(of: "$#", with: "$")
        parameters += other.parameters
    }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var parameters: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Splices trusted SQL text, such as a constant column list, into the statement without a parameter.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            self.text += text
        }

        public mutating func appendInterpolation(_ value: some SQLValue) {
            parameters.append(value.sqlText)
            text += "$\(parameters.count)"
        }

        public mutating func appendInterpolation(_ value: (some SQLValue)?) {
            parameters.append(value?.sqlText)
            text += "$\(parameters.count)"
        }
    }
}

/// A Swift value that travels to PostgreSQL as the text form of a parameter.
public protocol SQLValue: Sendable {
    var sqlText: String { get }
}

extension String: SQLValue {
    public var sqlText: String { self }
}

extension Int: SQLValue {
    public var sqlText: String { String(self) }
}

extension Int64: SQLValue {
    public var sqlText: String { String(self) }
}

extension Int32: SQLValue {
    public var sqlText: String { String(self) }
}

extension Bool: SQLValue {
    public var sqlText: String { self ? "t" : "f" }
}

extension UUID: SQLValue {
    public var sqlText: String { uuidString.lowercased() }
}

extension Date: SQLValue {
    /// An ISO 8601 instant in UTC with microseconds, which PostgreSQL reads into `timestamptz` without loss.
    public var sqlText: String {
        let microseconds = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = Double(microseconds / 1_000_000)
        var remainder = microseconds % 1_000_000
        var whole = seconds
        if remainder < 0 {
            remainder += 1_000_000
            whole -= 1
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let base = formatter.string(from: Date(timeIntervalSince1970: whole)).dropLast()  // drop "Z"
        return "\(base).\(String(remainder).leftPadded(to: 6))Z"
    }
}

extension CalendarDate: SQLValue {
    public var sqlText: String { iso }
}

/// Bytes sent as a `bytea` parameter in PostgreSQL's hex form.
public struct Bytes: SQLValue, Hashable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var sqlText: String {
        "\\x" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}
