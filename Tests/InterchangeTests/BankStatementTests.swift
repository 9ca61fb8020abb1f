import Domain
import Foundation
import Interchange
import Testing

@Suite struct BankStatementTests {
    /// Builds a GPC entry line of 128 characters.
    static func gpcEntry(id: String, hellers: Int, code: String, symbol: String, name: String = "PLATCE") -> String {
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var line = "075" + pad("1234567", 16) + pad("100785108", 16) + pad(id, 13) + pad(String(hellers), 12) + code
        line += pad(symbol, 10) + pad("308", 10) + pad("0", 10) + "041226"
        line += name.padding(toLength: 20, withPad: " ", startingAt: 0) + "0" + "0203" + "041226"
        return line
    }

    @Test func gpcSampleReadsEntries() throws {
        let statement = try BankStatementReader.read(Fixtures.sample("bank/basic_format.abo"))
        #expect(statement.format == "gpc")
        #expect(statement.account == "1234567")
        #expect(statement.payments.count == 2)
        #expect(statement.payments.first?.amount.minorUnits == 110001)
        #expect(statement.payments.first?.variableSymbol == "1746581670")
        #expect(statement.payments.first?.isCredit == false)
    }

    @Test func gpcCreditWithWindows1250Name() throws {
        let text = Self.gpcEntry(id: "1", hellers: 123450, code: "2", symbol: "2026001", name: "Žluťák s.r.o.") + "\r\n"
        let url = try Fixtures.file("vypis.gpc", bytes: Fixtures.windows1250(text))
        let payment = try #require(try BankStatementReader.read(url).payments.first)
        #expect(payment.isCredit)
        #expect(payment.amount == .czk(123450))
        #expect(payment.variableSymbol == "2026001")
        #expect(payment.counterName == "Žluťák s.r.o.")
        #expect(payment.date == CalendarDate(iso: "2026-12-04"))
    }

    @Test func camtSampleReadsEntry() throws {
        let statement = try BankStatementReader.read(Fixtures.sample("bank/camt053.v2.minimal.xml"))
        #expect(statement.format == "camt053")
        #expect(statement.account == "NL26VAYB8060476890")
        let payment = try #require(statement.payments.first)
        #expect(payment.amount == Money(minorUnits: 885, currency: .eur))
        #expect(payment.isCredit)
    }

    @Test func variableSymbolFoundInReferences() {
        let cases: [(String, String?)] = [
            ("/VS/0012345/SS/1/KS/308", "12345"), ("VS:2026001", "2026001"), ("2026001", "2026001"),
            ("faktura 2026001", nil), ("", nil),
        ]
        for (text, expected) in cases {
            #expect(VariableSymbolText.find(in: text) == expected, "\(text)")
        }
    }
}
