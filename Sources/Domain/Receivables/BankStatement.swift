/// One entry of a bank statement, as far as payment matching needs it.
public struct BankPayment: Sendable, Equatable {
    /// The line (GPC) or element line (camt.053) the entry starts on.
    public var line: Int
    /// The bank's identifier of the entry, unique per account; it keeps a statement imported twice from counting twice.
    public var reference: String
    /// The amount, always positive. `isCredit` gives the direction.
    public var amount: Money
    /// True for money received on the creditor's account.
    public var isCredit: Bool
    /// The variable symbol without leading zeros, empty when the entry has none.
    public var variableSymbol: String
    public var date: CalendarDate?
    public var counterAccount: String
    public var counterName: String

    public init(
        line: Int, reference: String, amount: Money, isCredit: Bool, variableSymbol: String, date: CalendarDate?,
        counterAccount: String = "", counterName: String = ""
    ) {
        self.line = line
        self.reference = reference
        self.amount = amount
        self.isCredit = isCredit
        self.variableSymbol = variableSymbol
        self.date = date
        self.counterAccount = counterAccount
        self.counterName = counterName
    }
}

/// A bank statement: the creditor's account and its entries.
public struct BankStatement: Sendable {
    /// `gpc` or `camt053`.
    public var format: String
    public var account: String
    public var payments: [BankPayment]

    public init(format: String, account: String = "", payments: [BankPayment] = []) {
        self.format = format
        self.account = account
        self.payments = payments
    }
}
