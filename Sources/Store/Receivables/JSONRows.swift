/// Writes rows as a JSON array of objects for `jsonb_to_recordset`, several times faster than `JSONEncoder` on
/// 100 000 rows.
struct JSONRows {
    private var text = "["
    private var first = true

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    /// Appends one object; values are strings, integers, booleans or nil (JSON null).
    mutating func append(_ fields: KeyValuePairs<String, JSONValue>) {
        text += first ? "{" : ",{"
        first = false
        var firstField = true
        for (key, value) in fields {
            if !firstField { text += "," }
            firstField = false
            text += "\""
            text += key
            text += "\":"
            value.write(to: &text)
        }
        text += "}"
    }

    var json: String { text + "]" }
}

/// A value in a `JSONRows` object.
enum JSONValue {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null

    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    func write(to text: inout String) {
        switch self {
        case .string(let value): JSONValue.writeString(value, to: &text)
        case .integer(let value): text += String(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }

    /// Escapes quotes, backslashes and control characters as RFC 8259 requires.
    static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + String(scalar.value, radix: 16).leftPaddedHex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension String {
    fileprivate var leftPaddedHex: String { count == 1 ? "0" + self : self }
}
