import Domain
import Testing

@Suite struct ClaimLedgerTests {
    let due = CalendarDate(iso: "2025-01-31")!

    @Test func interestToTheDayAndFlatCost() throws {
        let ledger = ClaimLedger(principal: .czk(1_000_000), dueDate: due, isBusinessDebtor: true)
        // Delay began 1 February 2025: 12,00 % a year; 31 days to 3 March: 10 000 × 0,12 × 31 / 365 = 101,92 Kč.
        let balance = try ledger.balance(on: CalendarDate(iso: "2025-03-03")!)
        #expect(balance.principal == .czk(1_000_000))
        #expect(balance.interest == .czk(10_192))
        #expect(balance.costs == .czk(120_000))
        #expect(balance.total == .czk(1_130_192))
        #expect(Formatting.money(balance.total) == "11 301,92 Kč")
    }

    @Test func nothingAccruesBeforeDelay() throws {
        let ledger = ClaimLedger(principal: .czk(1_000_000), dueDate: due, isBusinessDebtor: true)
        let balance = try ledger.balance(on: due)
        #expect(balance.interest == .czk(0))
        #expect(balance.costs == .czk(0))
    }

    @Test func consumersOweNoFlatCost() throws {
        let ledger = ClaimLedger(principal: .czk(1_000_000), dueDate: due, isBusinessDebtor: false)
        let balance = try ledger.balance(on: CalendarDate(iso: "2025-03-03")!)
        #expect(balance.costs == .czk(0))
        #expect(balance.interest == .czk(10_192))
    }

    @Test func paymentGoesToCostsThenInterestThenPrincipal() throws {
        let ledger = ClaimLedger(
            principal: .czk(1_000_000), dueDate: due, isBusinessDebtor: true,
            payments: [.init(day: CalendarDate(iso: "2025-03-03")!, amount: .czk(150_000))])
        let atPayment = try ledger.balance(on: CalendarDate(iso: "2025-03-03")!)
        #expect(atPayment.costs == .czk(0))
        #expect(atPayment.interest == .czk(0))
        #expect(atPayment.principal == .czk(980_192))
        // 30 more days on 9 801,92 Kč: 9 801,92 × 0,12 × 30 / 365 = 96,68 Kč.
        let later = try ledger.balance(on: CalendarDate(iso: "2025-04-02")!)
        #expect(later.principal == .czk(980_192))
        #expect(later.interest == .czk(9_668))
    }

    @Test func interestStaysAfterPrincipalIsPaid() throws {
        let ledger = ClaimLedger(
            principal: .czk(1_000_000), dueDate: due, isBusinessDebtor: false,
            payments: [.init(day: CalendarDate(iso: "2025-03-03")!, amount: .czk(1_000_000))])
        let balance = try ledger.balance(on: CalendarDate(iso: "2025-03-03")!)
        #expect(balance.interest == .czk(0))
        #expect(balance.principal == .czk(10_192), "the payment covered interest first, so principal remains")
    }

    @Test func overpaymentIsReported() throws {
        let ledger = ClaimLedger(
            principal: .czk(100_000), dueDate: due, isBusinessDebtor: false,
            payments: [.init(day: due, amount: .czk(150_000))])
        let balance = try ledger.balance(on: due)
        #expect(balance.total == .czk(0))
        #expect(balance.overpaid == .czk(50_000))
    }

    @Test func unknownHalfYearIsAnError() {
        let ledger = ClaimLedger(principal: .czk(100_000), dueDate: CalendarDate(iso: "2026-06-30")!, isBusinessDebtor: false)
        #expect(throws: LateInterestRates.UnknownHalfYear(halfYear: .init(year: 2026, half: 2))) {
            try ledger.balance(on: CalendarDate(iso: "2026-12-04")!)
        }
        let older = ClaimLedger(principal: .czk(100_000), dueDate: CalendarDate(iso: "2013-12-30")!, isBusinessDebtor: false)
        #expect(throws: LateInterestRates.UnknownHalfYear.self) { try older.balance(on: CalendarDate(iso: "2014-02-01")!) }
    }

    @Test func rateTableMatchesPublishedValues() throws {
        let rates = LateInterestRates.czech
        #expect(try rates.rate(forDelayStartingOn: CalendarDate(iso: "2016-05-01")!) == 805)
        #expect(try rates.rate(forDelayStartingOn: CalendarDate(iso: "2022-07-01")!) == 1500)
        #expect(try rates.rate(forDelayStartingOn: CalendarDate(iso: "2022-06-30")!) == 1175)
        #expect(try rates.rate(forDelayStartingOn: CalendarDate(iso: "2026-01-01")!) == 1150)
    }
}

@Suite struct LimitationTests {
    let due = CalendarDate(iso: "2023-12-04")!

    @Test func statusesAroundTheLimit() {
        #expect(Limitation.lastDay(dueDate: due) == CalendarDate(iso: "2026-12-04"))
        #expect(Limitation.status(dueDate: due, on: CalendarDate(iso: "2026-08-01")!) == .running(daysLeft: 125))
        #expect(Limitation.status(dueDate: due, on: CalendarDate(iso: "2026-12-01")!) == .nearing(daysLeft: 3))
        #expect(Limitation.status(dueDate: due, on: CalendarDate(iso: "2026-12-04")!) == .nearing(daysLeft: 0))
        #expect(Limitation.status(dueDate: due, on: CalendarDate(iso: "2026-12-05")!) == .timeBarred)
    }

    @Test func leapDayDueDate() {
        #expect(Limitation.lastDay(dueDate: CalendarDate(iso: "2024-02-29")!) == CalendarDate(iso: "2027-02-28"))
    }
}

@Suite struct CalendarArithmeticTests {
    @Test func addingDaysCrossesMonthsAndLeapYears() {
        let start = CalendarDate(iso: "2024-02-27")!
        #expect(start.adding(days: 2) == CalendarDate(iso: "2024-02-29"))
        #expect(start.adding(days: 3) == CalendarDate(iso: "2024-03-01"))
        #expect(CalendarDate(iso: "2026-12-31")!.adding(days: 1) == CalendarDate(iso: "2027-01-01"))
        #expect(CalendarDate(iso: "2027-01-01")!.adding(days: -1) == CalendarDate(iso: "2026-12-31"))
        #expect(CalendarDate(iso: "2025-01-31")!.days(until: CalendarDate(iso: "2025-03-03")!) == 31)
        #expect(CalendarDate(iso: "2000-01-01")!.days(until: CalendarDate(iso: "2026-12-04")!) == 9834)
    }

    @Test func roundTripOverManyDays() {
        var day = CalendarDate(iso: "1999-12-25")!
        for _ in 0..<4000 {
            let next = day.adding(days: 1)
            #expect(day.days(until: next) == 1)
            #expect(next > day)
            day = next
        }
        #expect(day == CalendarDate(iso: "2010-12-07"))
    }
}
