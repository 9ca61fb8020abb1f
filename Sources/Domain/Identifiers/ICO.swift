/// IČO (identifikační číslo osoby): the 8-digit Czech company identification number.
///
/// The last digit is a mod-11 check: s = Σ dᵢ·wᵢ over the first seven digits with weights 8 to 2,
/// and the check digit is (11 − s mod 11) mod 10.
public struct ICO: Sendable, Hashable, CustomStringConvertible {
    /// The eight digits, left-padded with zeros.
    public let digits: String

    /// Parses an IČO, accepting spaces and fewer than eight digits (left-padded); nil when the check digit is wrong.
    public init?(_ text: String) {
        var values: [Int] = []
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), values.count < 8 else { return nil }
            values.append(Int(byte - UInt8(ascii: "0")))
        }
        guard !values.isEmpty else { return nil }
        values.insert(contentsOf: repeatElement(0, count: 8 - values.count), at: 0)
        guard ICO.hasValidCheckDigit(values) else { return nil }
        digits = String(decoding: values.map { UInt8($0) + UInt8(ascii: "0") }, as: UTF8.self)
    }

    public var description: String { digits }

    static func hasValidCheckDigit(_ digits: String) -> Bool {
        hasValidCheckDigit(digits.compactMap(\.wholeNumberValue))
    }

    static func hasValidCheckDigit(_ values: [Int]) -> Bool {
        guard values.count == 8 else { return false }
        let weights = [8, 7, 6, 5, 4, 3, 2]
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return values[7] == (11 - sum % 11) % 10
    }
}
