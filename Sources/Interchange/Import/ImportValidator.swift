import Domain
import Foundation

/// Checks every row of an import and reports each problem with its line, field, value and a Czech reason.
///
/// A row with any issue is left out of the result. The caller decides whether the other rows may be applied: the
/// whole file is rejected unless the user asked for a partial import.
public struct ImportValidator: Sendable {
    /// The day of the import, which decides whether a receivable is past its limitation period.
    public var today: CalendarDate

    public init(today: CalendarDate) {
        self.today = today
    }

    /// The largest amount of one receivable or credit note, in minor units (9 999 999 999,99). Sums over a million
    /// such amounts still fit in 64 bits, which every total in the portal relies on.
    public static let maxAmountMinorUnits: Int64 = 999_999_999_999

    /// The outcome of validating one row.
    public enum RowOutcome {
        case receivable(ReceivableRecord)
        case creditNote(CreditNoteRecord)
        /// The row is left out for the listed issues, each with the row's line.
        case rejected([ImportIssue])
    }

    /// A declared debtor after validation: the record, or the issues that reject every row naming it.
    public struct DebtorOutcome: Sendable {
        public var record: DebtorRecord?
        /// Field, value and reason of each issue; they are reported on the lines of the rows naming the debtor.
        var issues: [(field: String, value: String, reason: String)]

        public var isValid: Bool { record != nil && issues.isEmpty }

        /// The outcome of a valid declared debtor whose record the caller has already stored, for the rows naming
        /// it: their records carry an empty debtor, which the caller must not read. It saves keeping every record.
        public static let stored = DebtorOutcome(record: DebtorRecord(kind: .consumer, name: ""), issues: [])
    }

    /// Validates a debtor declared once for many rows (`ImportedItem.debtor`).
    public func validate(debtor: ImportedDebtor, line: Int) -> DebtorOutcome {
        var issues = IssueList(line: line)
        let record = self.debtor(debtor, issues: &issues)
        return DebtorOutcome(record: record, issues: issues.items.map { ($0.field, $0.value, $0.reason) })
    }

    /// Validates one row on its own; rules that compare rows (duplicates) are the caller's. A row that names a
    /// declared debtor (`debtorReference`) takes that debtor's outcome, validated once with `validate(debtor:line:)`.
    public func validate(row: ImportedReceivable, declaredDebtor: DebtorOutcome? = nil) -> RowOutcome {
        var issues = IssueList(line: row.line)
        switch row.documentKind {
        case .invoice:
            let record = receivable(row, declaredDebtor: declaredDebtor, issues: &issues)
            if let record, issues.isEmpty, row.issues.isEmpty { return .receivable(record) }
        case .creditNote:
            let record = creditNote(row, issues: &issues)
            if let record, issues.isEmpty, row.issues.isEmpty { return .creditNote(record) }
        }
        return .rejected(row.issues + issues.items)
    }

    /// Validates every row of a batch read into memory, including the check for rows that repeat an external id.
    public func validate(_ batch: ImportBatch) -> ValidatedImport {
        var result = ValidatedImport(
            format: batch.format, supplierICO: batch.supplierICO, supplierName: batch.supplierName)
        result.issues = batch.issues
        result.rowCount = batch.receivables.count
        var firstLineOfKey: [String: Int] = [:]
        for row in batch.receivables {
            let key = row.externalID.isEmpty ? row.invoiceNumber : row.externalID
            var duplicate: ImportIssue?
            if let first = firstLineOfKey[key], !key.isEmpty {
                duplicate = ImportIssue(
                    line: row.line, field: "číslo faktury", value: row.invoiceNumber,
                    reason: "stejná faktura (externí id „\(key)“) je v souboru už na řádku \(first)")
            } else {
                firstLineOfKey[key] = row.line
            }
            switch validate(row: row) {
            case .receivable(let record) where duplicate == nil: result.receivables.append(record)
            case .creditNote(let record) where duplicate == nil: result.creditNotes.append(record)
            case .rejected(let issues): result.issues += [duplicate].compactMap { $0 } + issues
            default: result.issues += [duplicate].compactMap { $0 }
            }
        }
        return result
    }

    private func receivable(
        _ row: ImportedReceivable, declaredDebtor: DebtorOutcome?, issues: inout IssueList
    ) -> ReceivableRecord? {
        if row.invoiceNumber.isEmpty { issues.add("číslo faktury", "", "chybí číslo faktury") }
        let identifiers =
            row.externalID == row.invoiceNumber
            ? [("číslo faktury", row.invoiceNumber)] : [("číslo faktury", row.invoiceNumber), ("externí id", row.externalID)]
        for (field, value) in identifiers where value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            issues.add(
                field, value.filter { !$0.isASCII || $0.asciiValue! >= 0x20 },
                "obsahuje tabulátor, konec řádku nebo jiný řídicí znak; opravte číslo v účetním programu")
        }
        let currency = currency(row.currency, issues: &issues)
        let total = amount(row.total, field: "částka", currency: currency, issues: &issues)
        if let total, total.minorUnits <= 0 {
            issues.add("částka", row.total, "částka musí být kladná")
        }
        if let total, total.minorUnits > ImportValidator.maxAmountMinorUnits {
            issues.add(
                "částka", row.total,
                "částka je vyšší než 9 999 999 999,99; tak velkou pohledávku Kolektor nevymáhá, zkontrolujte ji")
        }
        var remaining =
            row.remaining.isEmpty
            ? total : amount(row.remaining, field: "zbývá uhradit", currency: currency, issues: &issues)
        if let value = remaining, value.minorUnits < 0, !row.remaining.isEmpty {
            issues.add("zbývá uhradit", row.remaining, "zbývající částka nesmí být záporná")
        }
        if let value = remaining, let total, value.minorUnits > total.minorUnits {
            issues.add("zbývá uhradit", row.remaining, "zbývající částka je vyšší než celková částka faktury")
        }

        let issueDate = row.issueDate.isEmpty ? nil : date(row.issueDate, field: "datum vystavení", issues: &issues)
        let dueDate: CalendarDate?
        if row.dueDate.isEmpty {
            issues.add("datum splatnosti", "", "chybí datum splatnosti")
            dueDate = nil
        } else {
            dueDate = date(row.dueDate, field: "datum splatnosti", issues: &issues)
        }
        if let dueDate, let issueDate, dueDate < issueDate {
            issues.add(
                "datum splatnosti", row.dueDate, "datum splatnosti je dřívější než datum vystavení \(issueDate.iso)")
        }

        let symbol = row.variableSymbol.trimmedSpaces()
        if !symbol.isEmpty && (symbol.count > 10 || !symbol.allSatisfy({ $0.isASCII && $0.isNumber })) {
            issues.add("variabilní symbol", row.variableSymbol, "variabilní symbol smí mít nejvýše 10 číslic")
        }
        if !row.bankAccount.isEmpty && BankAccount(row.bankAccount) == nil {
            issues.add(
                "bankovní účet", row.bankAccount,
                "číslo účtu nebo IBAN je neplatné (chybný tvar nebo kontrolní součet)")
        }

        var status = self.status(row.status, issues: &issues)
        let debtor: DebtorRecord?
        if row.debtorReference < 0 {
            // The reader reported the unknown debtor; an empty one would only add noise to that issue.
            debtor = nil
        } else if let declaredDebtor {
            for issue in declaredDebtor.issues { issues.add(issue.field, issue.value, issue.reason) }
            debtor = declaredDebtor.record
        } else {
            debtor = self.debtor(row.debtor, issues: &issues)
        }
        guard let total, var remainingValue = remaining, let dueDate, let debtor else { return nil }
        if status == .paid { remainingValue.minorUnits = 0 }
        if status == .open && remainingValue.isZero { status = .paid }
        remaining = remainingValue
        return ReceivableRecord(
            line: row.line, debtor: debtor, externalID: row.externalID.isEmpty ? row.invoiceNumber : row.externalID,
            invoiceNumber: row.invoiceNumber, variableSymbol: symbol, issueDate: issueDate, dueDate: dueDate,
            total: total, remaining: remainingValue, status: status,
            timeBarred: LimitationPeriod.isTimeBarred(dueDate: dueDate, today: today),
            bankAccount: BankAccount(row.bankAccount)?.description ?? "")
    }

    private func creditNote(_ row: ImportedReceivable, issues: inout IssueList) -> CreditNoteRecord? {
        if row.refersTo.isEmpty {
            issues.add("původní doklad", "", "dobropis neuvádí číslo faktury, kterou opravuje")
        }
        let currency = currency(row.currency, issues: &issues)
        // Accounting programs write a credit note's amount with either sign; its size is what reduces the invoice.
        guard var amount = amount(row.total, field: "částka", currency: currency, issues: &issues) else { return nil }
        amount.minorUnits = abs(amount.minorUnits)
        if amount.isZero { issues.add("částka", row.total, "částka dobropisu musí být nenulová") }
        if amount.minorUnits > ImportValidator.maxAmountMinorUnits {
            issues.add("částka", row.total, "částka dobropisu je vyšší než 9 999 999 999,99")
        }
        guard !row.refersTo.isEmpty else { return nil }
        return CreditNoteRecord(
            line: row.line, invoiceNumber: row.invoiceNumber, refersTo: row.refersTo, amount: amount)
    }

    private func currency(_ text: String, issues: inout IssueList) -> Currency? {
        if text.isEmpty { return .czk }
        guard let currency = Currency(rawValue: text.uppercased()) else {
            let known = Currency.allCases.map(\.rawValue).joined(separator: ", ")
            issues.add("měna", text, "neznámá měna; Kolektor vede pohledávky v \(known)")
            return nil
        }
        return currency
    }

    private func amount(_ text: String, field: String, currency: Currency?, issues: inout IssueList) -> Money? {
        if text.isEmpty {
            issues.add(field, "", "chybí částka")
            return nil
        }
        guard let money = Money.parse(AmountText.normalized(text), currency: currency ?? .czk) else {
            issues.add(field, text, "není platná částka (čísla, nejvýše dvě desetinná místa, např. 1234,50)")
            return nil
        }
        return currency == nil ? nil : money
    }

    private func date(_ text: String, field: String, issues: inout IssueList) -> CalendarDate? {
        guard let date = DateText.parse(text) else {
            issues.add(field, text, "není platné datum (RRRR-MM-DD nebo D. M. RRRR)")
            return nil
        }
        return date
    }

    private func status(_ text: String, issues: inout IssueList) -> ReceivableStatus {
        // Most rows carry no status or the English name, which skips the slower folding below.
        if text.isEmpty { return .open }
        if let status = ReceivableStatus(rawValue: text) { return status }
        let key = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmedSpaces()
        switch key {
        case "", "open", "otevrena", "neuhrazena", "castecne uhrazena": return .open
        case "paid", "uhrazena", "zaplacena": return .paid
        case "cancelled", "canceled", "stornovana", "storno", "zrusena": return .cancelled
        default:
            issues.add(
                "stav", text, "neznámý stav; povolené jsou open, paid, cancelled (otevřená, uhrazená, stornovaná)")
            return .open
        }
    }
}

/// Collects the issues of one row.
struct IssueList {
    let line: Int
    private(set) var items: [ImportIssue] = []

    init(line: Int) {
        self.line = line
    }

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ value: String, _ reason: String) {
        items.append(ImportIssue(line: line, field: field, value: value, reason: reason))
    }
}
