/// What a debtor owes on one receivable on a given day: principal, statutory late interest and the flat
/// recovery cost, after payments.
///
/// Interest is simple interest on the unpaid principal, per day, at the yearly rate fixed when the delay began,
/// counted as days/365 and rounded to whole haléře for each period between payments. A payment goes to costs
/// first, then interest, then principal (Civil Code §1932). Interest and costs stay open after the principal is
/// paid. The flat cost of 1 200 Kč (decree 351/2013 Sb. §3) applies to business debtors only.
public struct ClaimLedger: Sendable {
    public struct Payment: Sendable, Equatable {
        public var day: CalendarDate
        public var amount: Money

        public init(day: CalendarDate, amount: Money) {
            self.day = day
            self.amount = amount
        }
    }

    public struct Balance: Sendable, Equatable {
        public var principal: Money
        public var interest: Money
        public var costs: Money

        public var total: Money {
            Money(minorUnits: principal.minorUnits + interest.minorUnits + costs.minorUnits, currency: principal.currency)
        }

        /// Payment beyond everything owed, which the creditor must return or set off.
        public var overpaid: Money
    }

    /// The flat recovery cost per receivable for business debtors, in CZK.
    public static let flatRecoveryCost = Money.czk(120_000)

    public var principal: Money
    public var dueDate: CalendarDate
    public var isBusinessDebtor: Bool
    public var payments: [Payment]

    public init(principal: Money, dueDate: CalendarDate, isBusinessDebtor: Bool, payments: [Payment] = []) {
        self.principal = principal
        self.dueDate = dueDate
        self.isBusinessDebtor = isBusinessDebtor
        self.payments = payments
    }

    /// The balance at the end of `day`; throws `LateInterestRates.UnknownHalfYear` when the rate is missing.
    public func balance(on day: CalendarDate, rates: LateInterestRates = .czech) throws -> Balance {
        let currency = principal.currency
        var principalLeft = principal.minorUnits
        // The flat cost is claimed in CZK; for a claim in another currency it is left to the creditor.
        var costsLeft = isBusinessDebtor && currency == .czk && day > dueDate ? ClaimLedger.flatRecoveryCost.minorUnits : 0
        var interestLeft: Int64 = 0
        var overpaid: Int64 = 0
        let firstDayOfDelay = dueDate.adding(days: 1)
        let rate = day >= firstDayOfDelay ? Int64(try rates.rate(forDelayStartingOn: firstDayOfDelay)) : 0

        var accruedUntil = dueDate  // interest has been counted up to the end of this day
        for payment in payments.sorted(by: { $0.day < $1.day }) where payment.day <= day {
            interestLeft += interest(on: principalLeft, rate: rate, from: accruedUntil, to: payment.day)
            accruedUntil = max(accruedUntil, payment.day)
            var amount = payment.amount.minorUnits
            let toCosts = min(amount, costsLeft)
            costsLeft -= toCosts
            amount -= toCosts
            let toInterest = min(amount, interestLeft)
            interestLeft -= toInterest
            amount -= toInterest
            let toPrincipal = min(amount, principalLeft)
            principalLeft -= toPrincipal
            amount -= toPrincipal
            overpaid += amount
        }
        interestLeft += interest(on: principalLeft, rate: rate, from: accruedUntil, to: day)
        return Balance(
            principal: Money(minorUnits: principalLeft, currency: currency),
            interest: Money(minorUnits: interestLeft, currency: currency),
            costs: Money(minorUnits: costsLeft, currency: currency),
            overpaid: Money(minorUnits: overpaid, currency: currency))
    }

    /// Interest on `amount` for the days after `start` up to and including `end`, rounded half up to a haléř.
    private func interest(on amount: Int64, rate basisPoints: Int64, from start: CalendarDate, to end: CalendarDate) -> Int64 {
        let days = Int64(max(0, start.days(until: end)))
        guard amount > 0, days > 0, basisPoints > 0 else { return 0 }
        // amount [haléř] × rate [bp / 10 000] × days / 365, rounded: computed in integers to stay exact.
        let numerator = amount * basisPoints * days
        let denominator: Int64 = 10_000 * 365
        return (numerator + denominator / 2) / denominator
    }
}
