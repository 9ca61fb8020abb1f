import Domain
import Interchange
import Testing

@Suite struct QRPlatbaTests {
    @Test func matchesTheStandardsExample() throws {
        let payment = QRPlatba(
            iban: "CZ5855000000001265098001", amount: Money(minorUnits: 48_050, currency: .czk),
            variableSymbol: "1234567890", message: "FAKTURA 2024001")
        #expect(try payment.encoded() == "SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*X-VS:1234567890*MSG:FAKTURA 2024001")
    }

    @Test func czechTextIsFoldedAndStarEscaped() throws {
        let payment = QRPlatba(
            iban: "CZ65 0800 0000 1920 0014 5399", amount: .czk(120_000), dueDate: CalendarDate(iso: "2026-12-11"),
            message: "Úhrada faktur č. 2026*01", recipientName: "Demo Kolektor s.r.o.")
        #expect(
            try payment.encoded()
                == "SPD*1.0*ACC:CZ6508000000192000145399*AM:1200.00*CC:CZK*DT:20261211*MSG:UHRADA FAKTUR C. 2026%2A01*RN:DEMO KOLEKTOR S.R.O.")
    }

    @Test func longMessageIsCut() throws {
        let encoded = try QRPlatba(iban: "CZ5855000000001265098001", message: String(repeating: "A", count: 80)).encoded()
        let fields = try QRPlatba.validate(encoded)
        #expect(fields["MSG"]?.count == 60)
    }

    @Test func invalidSymbolIsNamed() {
        #expect(throws: QRPlatba.InvalidField(field: "X-VS", value: "12345678901")) {
            try QRPlatba(iban: "CZ5855000000001265098001", variableSymbol: "12345678901").encoded()
        }
        #expect(throws: QRPlatba.InvalidField(field: "ACC", value: "123")) {
            try QRPlatba(iban: "123").encoded()
        }
    }

    @Test func amountTooLongIsRejected() {
        #expect(throws: QRPlatba.InvalidField.self) {
            try QRPlatba(iban: "CZ5855000000001265098001", amount: .czk(100_000_000_000)).encoded()
        }
    }

    @Test func validatorAcceptsOwnOutputAndRejectsBroken() throws {
        let fields = try QRPlatba.validate("SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*X-VS:1234567890")
        #expect(fields["AM"] == "480.50")
        #expect(fields["X-VS"] == "1234567890")
        for broken in ["SPD*2.0*ACC:CZ58", "SPD*1.0*AM:10.00", "SPD*1.0*ACC:CZ58*AM:10,00", "SPD*1.0*ACC:CZ58*X-VS:12a",
                       "SPD*1.0*ACC:CZ58*AM:1.234", "SPD*1.0*ACC:CZ58*ACC:CZ59"] {
            #expect(throws: QRPlatba.InvalidField.self, "\(broken)") { try QRPlatba.validate(broken) }
        }
    }
}
