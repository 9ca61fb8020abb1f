import Domain
import Foundation

/// Reads a GPC/ABO bank statement: fixed-width lines of 128 characters in Windows-1250, record `074` the header and
/// record `075` one entry.
///
/// Entry columns (1-based): own account 4–19, counter-account 20–35, entry id 36–48, amount in hellers 49–60.
/// The posting code in column 61 is 1 for a debit, 2 for a credit, 4 and 5 for their reversals. Then come the
/// variable symbol 62–71, value date 92–97 (DDMMYY), counter-party name 98–117 and ISO 4217 currency number 119–122.
/// NOTE: some banks permute the account digits or use other posting codes; no per-bank setting exists yet.
public enum GPCReader {
    static let currencies: [String: Currency] = ["0203": .czk, "0978": .eur, "0840": .usd, "0826": .gbp]

    public static func read(_ url: URL, limits: ImportLimits = ImportLimits()) throws -> BankStatement {
        let scan = try InputScan.scan(url, limits: limits)
        try scan.requireText()
        guard let data = try? Data(contentsOf: url) else {
            throw ImportError(.unreadable, "Soubor nelze přečíst.")
        }
        var statement = BankStatement(format: "gpc")
        var lineNumber = 0
        for rawLine in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(rawLine.last == 0x0D ? rawLine.dropLast() : rawLine)
            if bytes.isEmpty { continue }
            let line = String(bytes: bytes, encoding: .windowsCP1250) ?? String(decoding: bytes, as: UTF8.self)
            let characters = Array(line)
            func field(_ from: Int, _ to: Int) -> String {
                guard characters.count >= to else { return "" }
                return String(characters[(from - 1)..<to])
            }
            switch field(1, 3) {
            case "074":
                statement.account = field(4, 19).drop { $0 == "0" }.description
            case "075":
                guard characters.count >= 97 else {
                    throw ImportError(
                        .malformed, "Řádek \(lineNumber) výpisu GPC je kratší než 97 znaků; soubor je poškozený.")
                }
                statement.payments.append(try entry(field: field, line: lineNumber))
            default:
                throw ImportError(
                    .unknownFormat,
                    "Řádek \(lineNumber) nezačíná typem záznamu 074 ani 075; soubor není výpis ve formátu GPC/ABO.")
            }
        }
        return statement
    }

    private static func entry(field: (Int, Int) -> String, line: Int) throws -> BankPayment {
        guard let hellers = Int64(field(49, 60)) else {
            throw ImportError(.malformed, "Částka na řádku \(line) výpisu GPC není číslo: „\(field(49, 60))“.")
        }
        // NOTE: an unknown currency code is taken as CZK, the currency of almost every account that exports GPC.
        let currency = currencies[field(119, 122)] ?? .czk
        let dateText = field(92, 97)
        let date = Int(dateText.prefix(2)).flatMap { day in
            Int(dateText.dropFirst(2).prefix(2)).flatMap { month in
                Int(dateText.suffix(2)).flatMap { CalendarDate(year: 2000 + $0, month: month, day: day) }
            }
        }
        return BankPayment(
            line: line, reference: field(36, 48).trimmedSpaces() + "/" + dateText,
            amount: Money(minorUnits: hellers, currency: currency), isCredit: field(61, 61) == "2",
            variableSymbol: String(field(62, 71).drop { $0 == "0" }), date: date,
            counterAccount: field(20, 35).drop { $0 == "0" }.description,
            counterName: field(98, 117).trimmedSpaces())
    }
}
