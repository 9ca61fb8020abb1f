import Domain
import Foundation
import Interchange
import Testing

@Suite struct FormatReaderTests {
    let validator = ImportValidator(today: CalendarDate(year: 2026, month: 12, day: 4)!)

    @Test func isdocSampleYieldsOneReceivablePerPaymentBlock() throws {
        let batch = try ImportReader.read(Fixtures.sample("isdoc/sample.isdoc"))
        #expect(batch.format == .isdoc)
        #expect(batch.supplierICO == "25097563")
        let result = validator.validate(batch)
        #expect(result.issues == [])
        #expect(result.receivables.count == 2)
        let first = try #require(result.receivables.first)
        let second = try #require(result.receivables.last)
        #expect(first.dueDate == CalendarDate(iso: "2013-03-13"))
        #expect(second.dueDate == CalendarDate(iso: "2013-06-30"))
        #expect(first.variableSymbol == "111999")
        #expect(second.variableSymbol == "111999")
        #expect(first.invoiceNumber == "FV-111999/2011")
        #expect(first.externalID != second.externalID)
        // TaxInclusiveAmountCurr 15.80 EUR split over the two bank-transfer blocks; PayableAmountCurr is 0.
        #expect(first.total == Money(minorUnits: 790, currency: .eur))
        #expect(second.total == Money(minorUnits: 790, currency: .eur))
        #expect(first.remaining == Money(minorUnits: 0, currency: .eur))
        #expect(first.status == .paid)
        #expect(first.debtor.ico == "00006947")
        #expect(first.debtor.name == "Ministerstvo financí ČR")
        #expect(first.debtor.street == "Letenská 15")
        #expect(first.timeBarred)
    }

    @Test func isdocCreditNoteRefersToInvoice() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">
              <DocumentType>2</DocumentType><ID>DB-1</ID><UUID>B1</UUID><IssueDate>2026-11-10</IssueDate>
              <LocalCurrencyCode>CZK</LocalCurrencyCode>
              <AccountingSupplierParty><Party><PartyIdentification><ID>25097563</ID></PartyIdentification></Party></AccountingSupplierParty>
              <OriginalDocumentReferences><OriginalDocumentReference id="o"><ID>FV-1</ID></OriginalDocumentReference></OriginalDocumentReferences>
              <LegalMonetaryTotal><TaxInclusiveAmount>-300.00</TaxInclusiveAmount><PayableAmount>-300.00</PayableAmount></LegalMonetaryTotal>
            </Invoice>
            """
        let batch = try ImportReader.read(try Fixtures.file("dobropis.isdoc", text: xml))
        let result = validator.validate(batch)
        #expect(result.issues == [])
        #expect(result.creditNotes.count == 1)
        #expect(result.creditNotes.first?.refersTo == "FV-1")
        #expect(result.creditNotes.first?.amount == .czk(30000))
    }

    @Test func pohodaSampleReadsHeaderAndSummary() throws {
        let batch = try ImportReader.read(Fixtures.sample("pohoda/complete_invoice.xml"))
        #expect(batch.format == .pohoda)
        #expect(batch.supplierICO == "123456")
        let receivable = try #require(batch.receivables.first)
        #expect(receivable.invoiceNumber == "2016001938")
        #expect(receivable.variableSymbol == "2016001938")
        #expect(receivable.dueDate == "2016-10-31")
        #expect(receivable.currency == "EUR")
        #expect(receivable.total == "580")
        #expect(receivable.debtor.name == "firma")
        #expect(receivable.debtor.ico == "789456")
        #expect(receivable.status == "cancelled")
    }

    @Test func pohodaTwoInvoices() throws {
        let batch = try ImportReader.read(Fixtures.sample("pohoda/two_invoices.xml"))
        #expect(batch.receivables.map(\.invoiceNumber) == ["2016001938", "2016001939"])
    }

    @Test func pohodaWindows1250Export() throws {
        let xml = """
            <?xml version="1.0" encoding="Windows-1250"?>
            <rsp:responsePack xmlns:rsp="http://www.stormware.cz/schema/version_2/response.xsd" xmlns:lst="http://www.stormware.cz/schema/version_2/list.xsd" xmlns:inv="http://www.stormware.cz/schema/version_2/invoice.xsd" xmlns:typ="http://www.stormware.cz/schema/version_2/type.xsd" ico="25097563">
             <rsp:responsePackItem><lst:listInvoice>
              <lst:invoice><inv:invoiceHeader>
                <inv:invoiceType>issuedInvoice</inv:invoiceType>
                <inv:number><typ:numberRequested>FV2026001</typ:numberRequested></inv:number>
                <inv:symVar>2026001</inv:symVar><inv:date>2026-10-01</inv:date><inv:dateDue>2026-10-15</inv:dateDue>
                <inv:partnerIdentity><typ:address><typ:company>Žluťoučký kůň s.r.o.</typ:company><typ:ico>27082440</typ:ico></typ:address></inv:partnerIdentity>
                <inv:liquidation><typ:amountHome>500</typ:amountHome></inv:liquidation>
              </inv:invoiceHeader>
              <inv:invoiceSummary><inv:homeCurrency><typ:priceNone>0</typ:priceNone><typ:priceHighSum>1210</typ:priceHighSum></inv:homeCurrency></inv:invoiceSummary>
              </lst:invoice>
             </lst:listInvoice></rsp:responsePackItem>
            </rsp:responsePack>
            """
        let url = try Fixtures.file("export.xml", bytes: Fixtures.windows1250(xml))
        let batch = try ImportReader.read(url)
        #expect(batch.supplierICO == "25097563")
        let result = validator.validate(batch)
        #expect(result.issues == [])
        let receivable = try #require(result.receivables.first)
        #expect(receivable.debtor.name == "Žluťoučký kůň s.r.o.")
        #expect(receivable.total == .czk(121000))
        #expect(receivable.remaining == .czk(50000))
    }

    @Test func moneyS3SampleReadsInvoiceAndPayments() throws {
        let batch = try ImportReader.read(Fixtures.sample("moneys3/complete_invoice.xml"))
        #expect(batch.format == .moneyS3)
        #expect(batch.supplierICO == "00000001")
        let receivable = try #require(batch.receivables.first)
        #expect(receivable.invoiceNumber == "171372")
        #expect(receivable.variableSymbol == "20171005")
        #expect(receivable.issueDate == "2017-08-03")
        #expect(receivable.dueDate == "2017-08-17")
        #expect(receivable.debtor.name == "Petra Lolová")
        #expect(receivable.debtor.emails == ["novak@nekde.cz"])
        #expect(receivable.currency == "EUR")
        #expect(receivable.remaining == "0.00")
    }

    @Test func kolektorXMLReadsDebtorsAndReceivables() throws {
        let xml = Fixtures.kolektorXML(
            receivables: Fixtures.receivable("FV-1") + Fixtures.receivable("FV-2", debtor: "D2", remaining: "250,50"))
        let batch = try ImportReader.read(try Fixtures.file("import.xml", text: xml))
        #expect(batch.supplierICO == "25097563")
        let result = validator.validate(batch)
        #expect(result.issues == [])
        #expect(result.receivables.count == 2)
        let business = try #require(result.receivables.first)
        #expect(business.debtor.kind == .business)
        #expect(business.debtor.ico == "45317054")
        #expect(business.debtor.postalCode == "11000")
        #expect(business.debtor.phone == "+420601234567")
        let consumer = try #require(result.receivables.last)
        #expect(consumer.debtor.kind == .consumer)
        #expect(consumer.debtor.birthDate == CalendarDate(iso: "1980-05-17"))
        #expect(consumer.remaining == .czk(25050))
        #expect(!consumer.timeBarred)
    }

    @Test func kolektorXMLUnknownDebtorReference() throws {
        let xml = Fixtures.kolektorXML(receivables: Fixtures.receivable("FV-1", debtor: "D9"))
        let result = validator.validate(try ImportReader.read(try Fixtures.file("import.xml", text: xml)))
        #expect(result.receivables.isEmpty)
        #expect(result.issues.map(\.field) == ["receivable/@debtor"])
    }

    @Test func kolektorXMLRejectsUnknownVersion() throws {
        let xml = #"<import xmlns="https://kolektor.cz/ns/import/1" version="7"></import>"#
        #expect(throws: ImportError.self) { try ImportReader.read(try Fixtures.file("a.xml", text: xml)) }
    }

    @Test func unknownRootIsRejected() throws {
        let url = try Fixtures.file("a.xml", text: "<faktury/>")
        let error = try #require(throws: ImportError.self) { try ImportReader.read(url) }
        #expect(error.code == .unknownFormat)
        #expect(error.description.contains("faktury"))
    }

    @Test func csvUTF8WithCzechHeader() throws {
        let csv = """
            Číslo faktury;Variabilní symbol;Datum vystavení;Datum splatnosti;Měna;Částka;Zbývá uhradit;Název;IČO;E-mail
            FV-1;2026001;1. 11. 2026;15. 11. 2026;CZK;1 210,00;1 000,00;Odběratel a.s.;45317054;a@b.cz
            "FV-2";2026002;2026-11-02;2026-11-16;EUR;"99,5";;"Nováková; Jana";;
            """
        let batch = try ImportReader.read(try Fixtures.file("pohledavky.csv", text: "\u{FEFF}" + csv))
        let result = validator.validate(batch)
        #expect(result.issues == [])
        #expect(result.receivables.count == 2)
        #expect(result.receivables[0].line == 2)
        #expect(result.receivables[0].total == .czk(121000))
        #expect(result.receivables[0].remaining == .czk(100000))
        #expect(result.receivables[0].dueDate == CalendarDate(iso: "2026-11-15"))
        #expect(result.receivables[1].debtor.name == "Nováková; Jana")
        #expect(result.receivables[1].debtor.kind == .consumer)
        #expect(result.receivables[1].total == Money(minorUnits: 9950, currency: .eur))
    }

    @Test func csvWindows1250() throws {
        let csv = "číslo faktury;datum splatnosti;částka;název\r\nFV-1;2026-11-15;100;Šťastný Řehoř\r\n"
        let url = try Fixtures.file("a.csv", bytes: Fixtures.windows1250(csv))
        let result = validator.validate(try ImportReader.read(url))
        #expect(result.issues == [])
        #expect(result.receivables.first?.debtor.name == "Šťastný Řehoř")
    }

    @Test func csvMissingColumnNamesIt() throws {
        let url = try Fixtures.file("a.csv", text: "číslo faktury,datum splatnosti,částka,název\n")
        let error = try #require(throws: ImportError.self) { try ImportReader.read(url) }
        #expect(error.description.contains("„datum splatnosti“"))
    }
}

@Suite struct PublishedExampleTests {
    @Test func schemaExampleImportsWithoutIssues() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("static/import/kolektor-import-1.example.xml")
        let batch = try ImportReader.read(url)
        let result = ImportValidator(today: CalendarDate(year: 2026, month: 12, day: 4)!).validate(batch)
        #expect(result.issues == [])
        #expect(result.receivables.count == 2)
        #expect(result.receivables.last?.externalID == "FV-2026-0002")
        #expect(result.receivables.last?.total == .czk(149000))
    }
}
