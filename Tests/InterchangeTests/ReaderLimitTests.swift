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

    @Test func paymentsBeyondAnyAmountRejectTheRowWithoutCrashing() throws {
        let huge = "999999999999999.99"
        let url = try Fixtures.file("money.xml", text: moneyS3(payments: Array(repeating: huge, count: 100), total: huge))
        let batch = try ImportReader.read(url)
        let row = try #require(batch.receivables.first)
        #expect(row.issues.map(\.field) == ["úhrady"])
        let validated = ImportValidator(today: CalendarDate(year: 2026, month: 12, day: 4)!).validate(batch)
        #expect(validated.receivables.isEmpty)
        #expect(validated.issues.contains { $0.field == "úhrady" })
    }

    @Test func everySupplierOfTheFileIsKept() throws {
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

    @Test func encodingHiddenBehindTabsIsStillRead() throws {
        let xml = "<?xml version=\"1.0\" encoding\t=\t\"UTF-7\"?>\n<import/>"
        let error = try readError(try Fixtures.file("utf7.xml", text: xml))
        #expect(error.code == .wrongEncoding)
        #expect(error.description.contains("utf-7"))
    }

    @Test func prologThatNeverEndsIsRefused() throws {
        let xml = "<?xml version=\"1.0\"" + String(repeating: " ", count: 5_000) + "encoding=\"UTF-7\"?>\n<import/>"
        let error = try readError(try Fixtures.file("long.xml", text: xml))
        #expect(error.code == .malformed)
        #expect(error.description.contains("<?xml"))
    }

    @Test func elementWithThousandsOfAttributesIsRefused() throws {
        let attributes = (1...5_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let xml = "<?xml version=\"1.0\"?>\n<MoneyData \(attributes)></MoneyData>"
        let error = try readError(try Fixtures.file("attrs.xml", text: xml))
        #expect(error.code == .malformed)
        #expect(error.description.contains("1000 atributy"))
    }

    @Test func csvLineWithThousandsOfFieldsIsRefused() throws {
        let csv = "číslo faktury;datum splatnosti;částka;název\n" + String(repeating: ";a", count: 5_000) + "\n"
        let error = try readError(try Fixtures.file("fields.csv", text: csv))
        #expect(error.code == .malformed)
        #expect(error.description.contains("Řádek 2"))
    }

    @Test func fileWithOnlyTheHeaderIsCalledEmpty() throws {
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
}
