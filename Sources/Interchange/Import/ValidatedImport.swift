import Domain

/// A debtor after validation, ready to be matched against stored debtors.
public struct DebtorRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case business
        case consumer
    }

    public var kind: Kind
    public var name: String
    /// Eight digits for businesses, empty when unknown.
    public var ico: String
    public var dic: String
    public var birthDate: CalendarDate?
    public var street: String
    public var city: String
    public var postalCode: String
    public var country: String
    /// The first e-mail address; further ones are not kept yet.
    public var email: String
    /// The first mobile number.
    public var phone: String
    public var language: Language
}

/// A receivable after validation.
public struct ReceivableRecord: Sendable, Codable {
    public var line: Int
    public var debtor: DebtorRecord
    public var externalID: String
    public var invoiceNumber: String
    public var variableSymbol: String
    public var issueDate: CalendarDate?
    public var dueDate: CalendarDate
    public var total: Money
    public var remaining: Money
    public var status: ReceivableStatus
    /// Past the limitation period on the day of the import; imported, but collection must not pursue it.
    public var timeBarred: Bool
    public var bankAccount: String
}

/// A credit note after validation: it reduces the invoice `refersTo` by `amount`, and cancels it when the amount
/// reaches the invoice's total.
public struct CreditNoteRecord: Sendable, Codable {
    public var line: Int
    public var invoiceNumber: String
    public var refersTo: String
    public var amount: Money
}

/// The outcome of validating an `ImportBatch`: the valid rows and a Czech issue for every rejected one.
public struct ValidatedImport: Sendable {
    public var format: ImportFormat
    public var supplierICO: String
    public var supplierName: String
    public var receivables: [ReceivableRecord] = []
    public var creditNotes: [CreditNoteRecord] = []
    public var issues: [ImportIssue] = []
    /// The number of rows (receivables and credit notes) in the file.
    public var rowCount = 0

    /// The number of rows rejected by at least one issue.
    public var rejectedRowCount: Int { Set(issues.map(\.line)).count }
}
