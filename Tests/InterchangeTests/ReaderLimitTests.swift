import Domain
import Foundation
import Interchange
import Testing

/// Inputs found by attacking the streaming readers: each must end in a Czech error or a rejected row, never a
/// crash, a hang or unbounded work.
@Suite struct ReaderLimitTests {
    func readError(_ url: URL) throws -> ImportError {
        do {
            _ = try ImportReader.read(url)
        } catch let error as ImportError {
            return error
        }
        throw ImportError(.malformed, "the file was accepted")
    }

    func moneyS3(payments: [String], total: String) -> String {
        let uhrady = payments.map { "<Uhrada><Castka>\($0)</Castka></Uhrada>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <MoneyData><MojeFirma><ICO>25097563</ICO></MojeFirma><SeznamFaktVyd><FaktVyd>
            <Doklad>FV1</Doklad><Vystaveno>2026-11-01</Vystaveno><Splatno>2026-11-15</Splatno>
            <Celkem>\(total)</Celkem><SeznamUhrad>\(uhrady)</SeznamUhrad>
            <DodOdb><ObchNazev>Odběratel a.s.</ObchNazev><ICO>45317054</ICO></DodOdb>
            </FaktVyd></SeznamFaktVyd></MoneyData>
            """
    }

    @Test func overflowingPaymentsRejectRow() throws {
        let huge = "999999999999999.99"
        let url = try Fixtures.file("money.xml", text: moneyS3(payments: Array(repeating: huge, count: 100), total: huge))
        let batch = try ImportReader.read(url)
        let row = try #require(batch.receivables.first)
        #expect(row.issues.map(\.field) == ["úhrady"])
        let validated = ImportValidator(today: CalendarDate(year: 2026, month: 12, day: 4)!).validate(batch)
        #expect(validated.receivables.isEmpty)
        #expect(validated.issues.contains { $0.field == "úhrady" })
    }

    @Test func everySupplierIsKept() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <import xmlns="https://kolektor.cz/ns/import/1" version="1">
              <creditor><ico>27082440</ico></creditor><creditor><ico>25097563</ico></creditor>
              <debtors/><receivables/>
            </import>
            """
        let batch = try ImportReader.read(try Fixtures.file("two.xml", text: xml))
        #expect(batch.supplierICO == "27082440")
        #expect(batch.otherSupplierICOs == ["25097563"])
    }

    @Test func encodingBehindTabsIsRead() throws {
        let xml = "<?xml version=\"1.0\" encoding\t=\t\"UTF-7\"?>\n<import/>"
        let error = try readError(try Fixtures.file("utf7.xml", text: xml))
        #expect(error.code == .wrongEncoding)
        #expect(error.description.contains("utf-7"))
    }

    @Test func unclosedPrologIsRejected() throws {
        let xml = "<?xml version=\"1.0\"" + String(repeating: " ", count: 5_000) + "encoding=\"UTF-7\"?>\n<import/>"
        let error = try readError(try Fixtures.file("long.xml", text: xml))
        #expect(error.code == .malformed)
        #expect(error.description.contains("<?xml"))
    }

    @Test func attributeFloodIsRejected() throws {
        let attributes = (1...5_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let xml = "<?xml version=\"1.0\"?>\n<MoneyData \(attributes)></MoneyData>"
        let error = try readError(try Fixtures.file("attrs.xml", text: xml))
        #expect(error.code == .malformed)
        #expect(error.description.contains("1000 atributy"))
    }

    @Test func csvFieldFloodIsRejected() throws {
        let csv = "číslo faktury;datum splatnosti;částka;název\n" + String(repeating: ";a", count: 5_000) + "\n"
        let error = try readError(try Fixtures.file("fields.csv", text: csv))
        #expect(error.code == .malformed)
        #expect(error.description.contains("Řádek 2"))
    }

    @Test func headerOnlyFileIsEmpty() throws {
        for text in ["", "   \n\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"] {
            let error = try readError(try Fixtures.file("empty.xml", text: text))
            #expect(error.code == .malformed)
            #expect(error.description.contains("neobsahuje žádná data"))
        }
    }

    @Test func csvFieldIsLimitedInCharacters() throws {
        let name = String(repeating: "a", count: 150)
        let csv = "číslo faktury;datum splatnosti;částka;název\nFV-1;2026-11-15;100;\(name)\n"
        let url = try Fixtures.file("long.csv", text: csv)
        let error = try #require(throws: ImportError.self) {
            try ImportReader.read(url, limits: ImportLimits(maxFieldLength: 100))
        }
        #expect(error.code == .malformed)
        #expect(error.description.contains("řádku 2"))
        #expect(try ImportReader.read(url, limits: ImportLimits(maxFieldLength: 150)).receivables.count == 1)
    }

    @Test func namespaceFloodIsRejected() throws {
        let declarations = (1...1_200).map { "<n xmlns:p\($0)=\"urn:x\">" }.joined()
        let xml = "<?xml version=\"1.0\"?>\n<MoneyData>\(declarations)</MoneyData>"
        let error = try readError(try Fixtures.file("ns.xml", text: xml))
        #expect(error.code == .malformed)
        #expect(error.description.contains("xmlns"))
    }

    @Test func excessInstalmentsRejectParts() throws {
        let block = { (amount: String, due: String) in
            "<Payment><PaidAmount>\(amount)</PaidAmount><Details><PaymentDueDate>\(due)</PaymentDueDate>"
                + "<VariableSymbol>1</VariableSymbol></Details></Payment>"
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">
              <DocumentType>1</DocumentType><ID>FV-1</ID><UUID>FV-1</UUID><IssueDate>2026-11-01</IssueDate>
              <LocalCurrencyCode>CZK</LocalCurrencyCode>
              <AccountingSupplierParty><Party><PartyIdentification><ID>25097563</ID></PartyIdentification></Party></AccountingSupplierParty>
              <AccountingCustomerParty><Party><PartyIdentification><ID>45317054</ID></PartyIdentification>
                <PartyName><Name>Odběratel a.s.</Name></PartyName></Party></AccountingCustomerParty>
              <LegalMonetaryTotal><TaxInclusiveAmount>1000.00</TaxInclusiveAmount><PayableAmount>1000.00</PayableAmount></LegalMonetaryTotal>
              <PaymentMeans>\(block("800.00", "2026-11-15"))\(block("800.00", "2026-12-15"))</PaymentMeans>
            </Invoice>
            """
        let batch = try ImportReader.read(try Fixtures.file("a.isdoc", text: xml))
        #expect(batch.receivables.count == 2)
        #expect(batch.receivables.allSatisfy { $0.issues.map(\.field) == ["PaidAmount"] })
    }

    @Test func mixedCsvEncodingNamesLine() throws {
        let header = Array("číslo faktury;datum splatnosti;částka;název\n".utf8)
        let rows = Array("FV-1;2026-11-15;100;Jan Novák\n".utf8) + Fixtures.windows1250("FV-2;2026-11-15;100;Řehoř\n")
        let error = try readError(try Fixtures.file("mixed.csv", bytes: header + rows))
        #expect(error.code == .wrongEncoding)
        #expect(error.description.contains("řádek 3"))
    }
}
