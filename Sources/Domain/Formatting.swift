import Foundation

/// Formats numbers, money and dates the way Czech (or English) readers expect them.
///
/// Czech: `1 234,50 Kč` and `4. 12. 2026`. English: `CZK 1,234.50` and `4 December 2026`.
/// The grouping separator is a plain space, so the text reads the same in HTML, e-mail and PDF;
/// HTML keeps amounts on one line with CSS instead of no-break spaces.
public enum Formatting {
    /// Formats an integer with thousands grouped: `1 234 567` in Czech, `1,234,567` in English.
    public static func integer(_ value: Int64, language: Language = .cs) -> String {
        let separator = language == .cs ? " " : ","
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Formats a decimal number given in hundredths, such as a percentage `11,50` or an amount without currency.
    public static func decimal(hundredths value: Int64, language: Language = .cs) -> String {
        let whole = integer(value / 100, language: language)
        let fraction = String(value.magnitude % 100).leftPadded(to: 2)
        let sign = value < 0 && value / 100 == 0 ? "-" : ""
        return sign + whole + (language == .cs ? "," : ".") + fraction
    }

    /// Formats money with two decimals and the currency: `1 234,50 Kč`, `99,00 EUR`, or `CZK 1,234.50` in English.
    public static func money(_ money: Money, language: Language = .cs) -> String {
        let amount = decimal(hundredths: money.minorUnits, language: language)
        switch language {
        case .cs:
            let symbol = money.currency == .czk ? "Kč" : money.currency.rawValue
            return "\(amount) \(symbol)"
        case .en:
            return "\(money.currency.rawValue) \(amount)"
        }
    }

    /// Formats a calendar date: `4. 12. 2026` in Czech, `4 December 2026` in English.
    public static func date(_ date: CalendarDate, language: Language = .cs) -> String {
        switch language {
        case .cs:
            return "\(date.day). \(date.month). \(date.year)"
        case .en:
            return "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// Formats an instant as a date and time in Europe/Prague: `4. 12. 2026 20:15`, or `4 December 2026 20:15`.
    public static func dateTime(_ instant: Date, language: Language = .cs) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .prague
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let time = "\(parts.hour!):" + String(parts.minute!).leftPadded(to: 2)
        return date(CalendarDate(instant), language: language) + " " + time
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
