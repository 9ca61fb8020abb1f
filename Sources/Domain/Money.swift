/// An ISO 4217 currency that Kolektor keeps amounts in.
public enum Currency: String, Sendable, CaseIterable, Codable {
    case czk = "CZK"
    case eur = "EUR"
    case usd = "USD"
    case gbp = "GBP"

    /// Number of minor units in one major unit (100 haléřů in one koruna).
    public var minorUnitsPerMajor: Int64 { 100 }
}

/// An amount of money as an integer number of minor units (haléře for CZK, cents for EUR).
///
/// Integers keep sums exact; a `Double` would lose haléře on large portfolios.
public struct Money: Sendable, Hashable, Codable {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func czk(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .czk) }

    public var isZero: Bool { minorUnits == 0 }

    /// Parses a decimal amount written with a dot or a comma and at most two decimals, such as `1234.5` or `1 234,50`.
    ///
    /// Returns nil for anything else (three decimals, letters, an empty string), so callers can report the value.
    public static func parse(_ text: String, currency: Currency) -> Money? {
        var digits = text.filter { $0 != " " && $0 != "\u{00A0}" }
        var negative = false
        if digits.hasPrefix("-") {
            negative = true
            digits.removeFirst()
        }
        let parts = digits.split(separator: digits.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII),
            whole.allSatisfy(\.isNumber), whole.count <= 15
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }
        while fraction.count < 2 { fraction += "0" }
        guard let major = Int64(whole), let minor = Int64(fraction) else { return nil }
        let value = major * 100 + minor
        return Money(minorUnits: negative ? -value : value, currency: currency)
    }
}
