import Domain
import Testing

@Suite struct FormattingTests {
    @Test func czechMoneyGroupsThousands() {
        #expect(Formatting.money(.czk(123_450)) == "1 234,50 Kč")
        #expect(Formatting.money(.czk(100_000_000_00)) == "100 000 000,00 Kč")
        #expect(Formatting.money(.czk(5)) == "0,05 Kč")
        #expect(Formatting.money(.czk(-150)) == "-1,50 Kč")
        #expect(Formatting.money(.czk(-50)) == "-0,50 Kč")
    }

    @Test func foreignCurrencyShowsCode() {
        #expect(Formatting.money(Money(minorUnits: 9_900, currency: .eur)) == "99,00 EUR")
    }

    @Test func englishMoney() {
        #expect(Formatting.money(.czk(123_450), language: .en) == "CZK 1,234.50")
    }

    @Test func czechDate() {
        let date = CalendarDate(year: 2026, month: 12, day: 4)!
        #expect(Formatting.date(date) == "4. 12. 2026")
        #expect(Formatting.date(date, language: .en) == "4 December 2026")
    }

    @Test func integers() {
        #expect(Formatting.integer(0) == "0")
        #expect(Formatting.integer(999) == "999")
        #expect(Formatting.integer(1000) == "1 000")
        #expect(Formatting.integer(1_234_567, language: .en) == "1,234,567")
        #expect(Formatting.integer(-1_234_567) == "-1 234 567")
    }

    @Test func percentage() {
        #expect(Formatting.decimal(hundredths: 1150) == "11,50")
    }
}

@Suite struct MoneyParsingTests {
    @Test func acceptsCommaAndDot() {
        #expect(Money.parse("1234,5", currency: .czk) == .czk(123_450))
        #expect(Money.parse("1 234.50", currency: .czk) == .czk(123_450))
        #expect(Money.parse("7", currency: .czk) == .czk(700))
        #expect(Money.parse("-12,30", currency: .czk) == .czk(-1_230))
    }

    @Test func rejectsMalformed() {
        for text in ["", "abc", "1,234", "1.2.3", "12,", "1,2x", "١٢"] {
            #expect(Money.parse(text, currency: .czk) == nil, "\(text) should be rejected")
        }
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesISO() {
        let date = CalendarDate(iso: "2024-02-29")
        #expect(date?.year == 2024)
        #expect(date?.month == 2)
        #expect(date?.day == 29)
        #expect(date?.iso == "2024-02-29")
    }

    @Test func rejectsImpossibleDays() {
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-1-01") == nil)
        #expect(CalendarDate(iso: "not a date") == nil)
    }

    @Test func ordersByDay() {
        #expect(CalendarDate(iso: "2026-01-31")! < CalendarDate(iso: "2026-02-01")!)
    }
}
