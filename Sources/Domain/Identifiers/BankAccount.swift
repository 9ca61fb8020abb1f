/// A Czech bank account, written `prefix-number/bank` (for example `19-2000145399/0800`) or as a CZ IBAN.
///
/// Prefix (up to 6 digits) and number (2 to 10 digits) each pass a mod-11 check with the weights
/// 6, 3, 7, 9, 10, 5, 8, 4, 2, 1 applied to the digits left-padded to 10; the IBAN passes ISO 7064 mod 97.
public struct BankAccount: Sendable, Hashable, CustomStringConvertible {
    public let prefix: String
    public let number: String
    /// The four-digit bank code (kód banky), such as 0800.
    public let bankCode: String

    /// Parses `prefix-number/bank` or `number/bank`; nil when a part is malformed or fails its check.
    public init?(national text: String) {
        let compact = text.filter { $0 != " " }
        let parts = compact.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        let accountParts = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard accountParts.count <= 2 else { return nil }
        let prefix = accountParts.count == 2 ? String(accountParts[0]) : ""
        let number = String(accountParts.last!)
        guard prefix.count <= 6, prefix.allSatisfy(\.isASCIIDigit), (accountParts.count == 1 || !prefix.isEmpty),
            (2...10).contains(number.count), number.allSatisfy(\.isASCIIDigit),
            BankAccount.passesMod11(prefix), BankAccount.passesMod11(number),
            number.contains(where: { $0 != "0" })
        else { return nil }
        self.prefix = prefix.drop { $0 == "0" }.isEmpty ? "" : String(prefix.drop { $0 == "0" })
        self.number = String(number.drop { $0 == "0" })
        bankCode = String(parts[1])
    }

    /// Parses a Czech IBAN (`CZ65 0800 0000 1920 0014 5399`); nil for other countries or a wrong check.
    public init?(iban text: String) {
        let compact = text.filter { $0 != " " }.uppercased()
        guard compact.count == 24, compact.hasPrefix("CZ"), BankAccount.passesMod97(compact) else { return nil }
        let digits = Array(compact.dropFirst(4))
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let prefix = String(digits[4..<10])
        let number = String(digits[10..<20])
        guard BankAccount.passesMod11(prefix), BankAccount.passesMod11(number) else { return nil }
        let bank = String(digits[0..<4])
        let national = (prefix.drop { $0 == "0" }.isEmpty ? "" : "\(prefix)-") + "\(number)/\(bank)"
        self.init(national: national)
    }

    /// Parses either form.
    public init?(_ text: String) {
        if let account = BankAccount(national: text) ?? BankAccount(iban: text) {
            self = account
        } else {
            return nil
        }
    }

    /// The national form without leading zeros: `19-2000145399/0800`.
    public var description: String {
        (prefix.isEmpty ? "" : "\(prefix)-") + "\(number)/\(bankCode)"
    }

    /// The CZ IBAN without spaces: `CZ6508000000192000145399`.
    public var iban: String {
        let bban = bankCode + prefix.leftPadded(to: 6) + number.leftPadded(to: 10)
        let check = 98 - BankAccount.mod97(bban + "123500")  // "CZ00" moved to the end, letters as numbers
        return "CZ" + String(check).leftPadded(to: 2) + bban
    }

    static func passesMod11(_ digits: String) -> Bool {
        if digits.isEmpty { return true }
        let weights = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
        let values = digits.leftPadded(to: 10).compactMap(\.wholeNumberValue)
        return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    static func passesMod97(_ iban: String) -> Bool {
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        var numeric = ""
        for character in rearranged {
            if character.isASCIIDigit {
                numeric.append(character)
            } else if let ascii = character.asciiValue, (65...90).contains(ascii) {
                numeric += String(Int(ascii) - 55)
            } else {
                return false
            }
        }
        return mod97(numeric) == 1
    }

    static func mod97(_ digits: String) -> Int {
        digits.reduce(0) { ($0 * 10 + ($1.wholeNumberValue ?? 0)) % 97 }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
