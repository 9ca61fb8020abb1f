import Domain
import Foundation

/// The columns of the CSV import, named in Czech in the header row; case, diacritics and spaces in the header do
/// not matter (`Datum splatnosti`, `datum_splatnosti` and `DATUM SPLATNOSTI` are the same column).
enum CSVColumn: String, CaseIterable {
    case externalID = "externí id"
    case invoiceNumber = "číslo faktury"
    case variableSymbol = "variabilní symbol"
    case issueDate = "datum vystavení"
    case dueDate = "datum splatnosti"
    case currency = "měna"
    case total = "částka"
    case remaining = "zbývá uhradit"
    case status = "stav"
    case debtorKind = "typ dlužníka"
    case name = "název"
    case ico = "ičo"
    case dic = "dič"
    case birthDate = "datum narození"
    case street = "ulice"
    case city = "obec"
    case postalCode = "psč"
    case country = "stát"
    case email = "e-mail"
    case mobile = "mobil"
    case language = "jazyk"
    case bankAccount = "bankovní účet"

    /// Columns without which no row can be valid.
    static let required: [CSVColumn] = [.invoiceNumber, .dueDate, .total, .name]

    /// Other spellings accepted for a column.
    static let aliases: [String: CSVColumn] = [
        "jmeno": .name, "jmeno a prijmeni": .name, "odberatel": .name, "vs": .variableSymbol, "ic": .ico,
        "email": .email, "telefon": .mobile, "mobilni telefon": .mobile, "psc": .postalCode, "mesto": .city,
        "castka celkem": .total, "zbyva": .remaining, "faktura": .invoiceNumber, "splatnost": .dueDate,
    ]

    static func key(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "_", with: " ")
            .trimmedSpaces()
    }

    /// Maps the header row to columns; unknown columns are ignored, a missing required one fails the file.
    static func header(_ fields: [String], line: Int) throws -> [CSVColumn?] {
        var byKey: [String: CSVColumn] = aliases
        for column in allCases { byKey[key(column.rawValue)] = column }
        let columns = fields.map { byKey[key($0)] }
        let missing = required.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map { "„\($0.rawValue)“" }.joined(separator: ", ")
            throw ImportError(
                .malformed,
                "V záhlaví souboru CSV (řádek \(line)) chybí sloupce \(names). Oddělovačem sloupců musí být středník.")
        }
        return columns
    }

    func assign(_ value: String, to receivable: inout ImportedReceivable) {
        switch self {
        case .externalID: receivable.externalID = value
        case .invoiceNumber: receivable.invoiceNumber = value
        case .variableSymbol: receivable.variableSymbol = value
        case .issueDate: receivable.issueDate = value
        case .dueDate: receivable.dueDate = value
        case .currency: receivable.currency = value
        case .total: receivable.total = value
        case .remaining: receivable.remaining = value
        case .status: receivable.status = value
        case .debtorKind: receivable.debtor.kind = value
        case .name: receivable.debtor.name = value
        case .ico: receivable.debtor.ico = value
        case .dic: receivable.debtor.dic = value
        case .birthDate: receivable.debtor.birthDate = value
        case .street: receivable.debtor.street = value
        case .city: receivable.debtor.city = value
        case .postalCode: receivable.debtor.postalCode = value
        case .country: receivable.debtor.country = value
        case .email: receivable.debtor.emails = value.isEmpty ? [] : [value]
        case .mobile: receivable.debtor.phones = value.isEmpty ? [] : [value]
        case .language: receivable.debtor.language = value
        case .bankAccount: receivable.bankAccount = value
        }
    }
}
