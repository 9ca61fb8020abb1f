import Domain
import Foundation

/// A QR Platba payment string (Short Payment Descriptor 1.0, ČBA standard), such as
/// `SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*X-VS:1234567890*MSG:FAKTURA 2024001`.
///
/// Text values are upper-cased and stripped of diacritics, which keeps the QR code small and readable by every
/// banking app; a `*` inside a value is written `%2A`.
public struct QRPlatba: Sendable, Equatable {
    /// The recipient's account as an IBAN.
    public var iban: String
    public var amount: Money?
    public var dueDate: CalendarDate?
    /// Variable symbol (variabilní symbol): up to 10 digits identifying the payment.
    public var variableSymbol: String?
    /// Specific symbol (specifický symbol): up to 10 digits.
    public var specificSymbol: String?
    /// Constant symbol (konstantní symbol): up to 10 digits, in practice 4.
    public var constantSymbol: String?
    /// Message for the recipient, at most 60 characters.
    public var message: String?
    /// Recipient's name, at most 35 characters.
    public var recipientName: String?

    public init(
        iban: String, amount: Money? = nil, dueDate: CalendarDate? = nil, variableSymbol: String? = nil,
        specificSymbol: String? = nil, constantSymbol: String? = nil, message: String? = nil, recipientName: String? = nil
    ) {
        self.iban = iban
        self.amount = amount
        self.dueDate = dueDate
        self.variableSymbol = variableSymbol
        self.specificSymbol = specificSymbol
        self.constantSymbol = constantSymbol
        self.message = message
        self.recipientName = recipientName
    }

    /// A field that does not fit the standard, named so the caller can say which value to fix.
    public struct InvalidField: Error, Equatable, CustomStringConvertible {
        public let field: String
        public let value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }

        public var description: String { "invalid QR Platba field \(field): \(value)" }
    }

    /// Builds the SPD string; throws `InvalidField` for an IBAN, amount or symbol outside the standard's limits.
    public func encoded() throws -> String {
        let compactIBAN = iban.filter { $0 != " " }.uppercased()
        guard (15...46).contains(compactIBAN.count), compactIBAN.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            compactIBAN.first!.isLetter
        else { throw InvalidField(field: "ACC", value: iban) }
        var parts = ["SPD", "1.0", "ACC:\(compactIBAN)"]
        if let amount {
            let text = QRPlatba.amountText(amount)
            guard amount.minorUnits > 0, text.count <= 10 else { throw InvalidField(field: "AM", value: text) }
            parts.append("AM:\(text)")
            parts.append("CC:\(amount.currency.rawValue)")
        }
        if let dueDate {
            parts.append("DT:" + dueDate.iso.replacingOccurrences(of: "-", with: ""))
        }
        for (key, value) in [("X-VS", variableSymbol), ("X-SS", specificSymbol), ("X-KS", constantSymbol)] {
            guard let value else { continue }
            guard (1...10).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw InvalidField(field: key, value: value)
            }
            parts.append("\(key):\(value)")
        }
        if let message, !message.isEmpty {
            parts.append("MSG:" + QRPlatba.clean(message, maximumLength: 60))
        }
        if let recipientName, !recipientName.isEmpty {
            parts.append("RN:" + QRPlatba.clean(recipientName, maximumLength: 35))
        }
        return parts.joined(separator: "*")
    }

    /// Checks an SPD string: header, known keys with values in their limits, and a required `ACC`.
    /// Returns the key-value pairs; throws `InvalidField` naming the first bad one.
    public static func validate(_ text: String) throws -> [String: String] {
        let parts = text.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "SPD", parts[1] == "1.0" else { throw InvalidField(field: "header", value: text) }
        var fields: [String: String] = [:]
        for part in parts.dropFirst(2) {
            guard let colon = part.firstIndex(of: ":") else { throw InvalidField(field: "pair", value: part) }
            let key = String(part[..<colon])
            let value = String(part[part.index(after: colon)...])
            guard fields[key] == nil else { throw InvalidField(field: key, value: "repeated") }
            fields[key] = value
            let valid: Bool
            switch key {
            case "ACC": valid = (1...46).contains(value.count)
            case "AM": valid = value.count <= 10 && Double(value) != nil && !value.contains(",")
                && (value.split(separator: ".").dropFirst().first?.count ?? 0) <= 2
            case "CC": valid = value.count == 3 && value.allSatisfy(\.isUppercase)
            case "DT": valid = value.count == 8 && value.allSatisfy(\.isNumber)
            case "MSG": valid = value.count <= 60
            case "RN": valid = value.count <= 35
            case "X-VS", "X-SS", "X-KS": valid = (1...10).contains(value.count) && value.allSatisfy(\.isNumber)
            default: valid = true  // other keys of the standard (RF, NT, PT, CRC32 …) are allowed as they are
            }
            guard valid else { throw InvalidField(field: key, value: value) }
        }
        guard fields["ACC"] != nil else { throw InvalidField(field: "ACC", value: "") }
        return fields
    }

    /// `480.50` for 48 050 haléřů: a decimal point and two decimals.
    static func amountText(_ amount: Money) -> String {
        let minor = amount.minorUnits
        return "\(minor / 100).\(String(minor % 100).leftPadded(to: 2))"
    }

    /// Upper-case ASCII without diacritics, `*` escaped, cut to the field's limit (an escape is never cut in half).
    static func clean(_ text: String, maximumLength: Int) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "cs_CZ"))
            .uppercased()
            .filter { $0.isASCII && !$0.isNewline }
        var result = ""
        for character in folded {
            let piece = character == "*" ? "%2A" : String(character)
            if result.count + piece.count > maximumLength { break }
            result += piece
        }
        return result
    }
}
