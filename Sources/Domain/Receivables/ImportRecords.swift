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
    /// The preferred language, nil when the file does not state one (a stored choice is then kept).
    public var language: Language?

    public init(
        kind: Kind, name: String, ico: String = "", dic: String = "", birthDate: CalendarDate? = nil,
        street: String = "", city: String = "", postalCode: String = "", country: String = "", email: String = "",
        phone: String = "", language: Language? = nil
    ) {
        self.kind = kind
        self.name = name
        self.ico = ico
        self.dic = dic
        self.birthDate = birthDate
        self.street = street
        self.city = city
        self.postalCode = postalCode
        self.country = country
        self.email = email
        self.phone = phone
        self.language = language
    }
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

    public init(
        line: Int, debtor: DebtorRecord, externalID: String, invoiceNumber: String, variableSymbol: String = "",
        issueDate: CalendarDate? = nil, dueDate: CalendarDate, total: Money, remaining: Money,
        status: ReceivableStatus = .open, timeBarred: Bool = false, bankAccount: String = ""
    ) {
        self.line = line
        self.debtor = debtor
        self.externalID = externalID
        self.invoiceNumber = invoiceNumber
        self.variableSymbol = variableSymbol
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.total = total
        self.remaining = remaining
        self.status = status
        self.timeBarred = timeBarred
        self.bankAccount = bankAccount
    }
}

/// A credit note after validation: it reduces the invoice `refersTo` by `amount`, and cancels it when the amount
/// reaches the invoice's total.
public struct CreditNoteRecord: Sendable, Codable {
    public var line: Int
    public var invoiceNumber: String
    public var refersTo: String
    public var amount: Money

    public init(line: Int, invoiceNumber: String, refersTo: String, amount: Money) {
        self.line = line
        self.invoiceNumber = invoiceNumber
        self.refersTo = refersTo
        self.amount = amount
    }
}
