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
        // One pass over the UTF-8 bytes: imports parse two amounts for every row.
        let separator = text.utf8.contains(UInt8(ascii: ",")) ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var negative = false
        var started = false
        var inFraction = false
        var afterLeadByte = false
        var major: Int64 = 0
        var wholeDigits = 0
        var minor: Int64 = 0
        var fractionDigits = 0
        for byte in text.utf8 {
            if afterLeadByte {
                // Only the no-break space (C2 A0) may follow the lead byte C2.
                guard byte == 0xA0 else { return nil }
                afterLeadByte = false
                continue
            }
            switch byte {
            case UInt8(ascii: " "):
                continue
            case 0xC2:
                afterLeadByte = true
            case UInt8(ascii: "-") where !started && !negative:
                negative = true
            case separator:
                guard !inFraction else { return nil }
                inFraction = true
                started = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                started = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    minor = minor * 10 + digit
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 15 else { return nil }
                    major = major * 10 + digit
                }
            default:
                return nil
            }
        }
        guard !afterLeadByte, wholeDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
        if fractionDigits == 1 { minor *= 10 }
        let value = major * 100 + minor
        return Money(minorUnits: negative ? -value : value, currency: currency)
    }
}
