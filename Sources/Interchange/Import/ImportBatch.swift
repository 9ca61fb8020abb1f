import Domain

/// The import formats Kolektor reads.
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    case kolektor
    case isdoc
    case pohoda
    case moneyS3 = "money-s3"
    case csv

    /// The name shown to users in reports.
    public var displayName: String {
        switch self {
        case .kolektor: return "Kolektor XML"
        case .isdoc: return "ISDOC"
        case .pohoda: return "POHODA XML"
        case .moneyS3: return "Money S3 XML"
        case .csv: return "CSV"
        }
    }
}

/// A debtor as written in an import file, every field still the file's text.
public struct ImportedDebtor: Sendable, Hashable, Codable {
    /// `business`, `consumer`, or empty when the file does not say (an IČO then means a business).
    public var kind = ""
    public var name = ""
    public var ico = ""
    public var dic = ""
    /// Date of birth for consumers, ISO `YYYY-MM-DD` or Czech `D. M. YYYY`.
    public var birthDate = ""
    public var street = ""
    public var city = ""
    public var postalCode = ""
    public var country = ""
    public var emails: [String] = []
    public var phones: [String] = []
    /// Preferred language code (`cs`, `en`), empty for the default.
    public var language = ""

    public init() {}
}

/// Whether a document creates a claim or reduces one.
public enum DocumentKind: String, Sendable, Codable {
    case invoice
    /// A credit note (dobropis) that reduces or cancels the invoice named in `refersTo`.
    case creditNote
}

/// One receivable as written in an import file, with the line it starts on; values are validated later.
public struct ImportedReceivable: Sendable, Codable {
    public var line: Int
    public var debtor = ImportedDebtor()
    /// The number of the debtor's declaration (1 for the file's first), when the format declares each debtor once
    /// and rows refer to it (Kolektor XML); 0 otherwise. A streamed read then leaves `debtor` empty: the debtor came
    /// earlier as an `ImportedItem.debtor` with this reference. It is -1 when the row names a debtor the file does
    /// not declare; the row then carries that issue.
    public var debtorReference = 0
    /// The key that identifies the receivable across imports; defaults to the invoice number.
    public var externalID = ""
    public var invoiceNumber = ""
    public var variableSymbol = ""
    public var issueDate = ""
    public var dueDate = ""
    public var currency = ""
    public var total = ""
    /// The unpaid rest; empty means the whole total is unpaid.
    public var remaining = ""
    /// `open`, `paid` or `cancelled` (or their Czech names in CSV); empty means derived from the remaining amount.
    public var status = ""
    public var bankAccount = ""
    public var documentKind = DocumentKind.invoice
    /// For a credit note, the number of the invoice it corrects.
    public var refersTo = ""
    /// Problems the reader found in this row, such as a reference to an undeclared debtor; they reject the row.
    public var issues: [ImportIssue] = []

    public init(line: Int) {
        self.line = line
    }
}

/// One thing a streamed read hands over, in file order.
public enum ImportedItem: Sendable {
    /// A debtor the file declares once for the receivables that refer to it (Kolektor XML). `reference` numbers the
    /// declarations of the file from 1, and those receivables carry it as `debtorReference`; `line` is where the
    /// declaration starts. Two declarations can share a line, so only the reference identifies one.
    case debtor(ImportedDebtor, reference: Int, line: Int)
    case receivable(ImportedReceivable)
}

/// Receives the debtors and receivables of a file one at a time while it is read.
public typealias ImportItemSink = (ImportedItem) throws -> Void

/// Everything read from one import file, before validation. A streamed read leaves `receivables` empty and hands each
/// one to an `ImportItemSink` instead.
public struct ImportBatch: Sendable {
    public var format: ImportFormat
    /// The IČO of the creditor who issued the invoices, as the file first states it; empty when the format has none
    /// (CSV).
    public var supplierICO = ""
    /// Other supplier IČOs the same file states (a POHODA or Money S3 export can name one per invoice). Any of them
    /// means the file mixes creditors, and it is refused.
    public var otherSupplierICOs: [String] = []
    public var supplierName = ""
    public var receivables: [ImportedReceivable] = []
    /// Row problems found while reading, such as a receivable referring to an undeclared debtor.
    public var issues: [ImportIssue] = []

    public init(format: ImportFormat) {
        self.format = format
    }

    /// Records a supplier IČO stated by the file: the first one, or another one when it differs.
    mutating func noteSupplier(_ text: String) {
        let stated = text.trimmedSpaces()
        guard !stated.isEmpty else { return }
        let normalized = ICO(stated)?.digits ?? stated
        if supplierICO.isEmpty {
            supplierICO = stated
        } else if normalized != (ICO(supplierICO)?.digits ?? supplierICO), !otherSupplierICOs.contains(stated) {
            otherSupplierICOs.append(stated)
        }
    }
}
