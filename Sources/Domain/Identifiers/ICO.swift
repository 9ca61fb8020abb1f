/// IČO (identifikační číslo osoby): the 8-digit Czech company identification number.
///
/// The last digit is a mod-11 check: s = Σ dᵢ·wᵢ over the first seven digits with weights 8 to 2,
/// and the check digit is (11 − s mod 11) mod 10.
public struct ICO: Sendable, Hashable, CustomStringConvertible {
    /// The eight digits, left-padded with zeros.
    public let digits: String

    /// Parses an IČO, accepting spaces and fewer than eight digits (left-padded); nil when the check digit is wrong.
    public init?(_ text: String) {
        let compact = text.filter { $0 != " " }
        guard (1...8).contains(compact.count), compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let padded = compact.leftPadded(to: 8)
        guard ICO.hasValidCheckDigit(padded) else { return nil }
        digits = padded
    }

    public var description: String { digits }

    static func hasValidCheckDigit(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 8 else { return false }
        let weights = [8, 7, 6, 5, 4, 3, 2]
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return values[7] == (11 - sum % 11) % 10
    }
}
