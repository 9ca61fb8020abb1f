import Domain
import Foundation
import Interchange
import Roles
import Store
import Testing
import Web

/// Bank payments matched to imported receivables by variable symbol and amount.
@Suite(.serialized) struct PaymentMatchingTests {
    let fixture: PortalFixture

    init() throws {
        fixture = try PortalFixture()
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1").replacingOccurrences(
                of: "<issueDate>", with: "<variableSymbol>111</variableSymbol><issueDate>")
                + Samples.receivable("FV-2").replacingOccurrences(
                    of: "<issueDate>", with: "<variableSymbol>222</variableSymbol><issueDate>"))
        let url = try TempFile.write("a.xml", text: xml)
        _ = try ImportService(now: fixture.clock.now).importFile(
            at: url, fileName: "a.xml", organization: fixture.creditorA, actor: "test", mode: .delta, partial: false,
            on: fixture.connection)
    }

    func apply(_ payments: [BankPayment]) throws -> ImportBatchSummary {
        try PaymentMatching.apply(
            BankStatement(format: "gpc", payments: payments), organizationID: fixture.creditorA.id, actor: "test",
            fileName: "vypis.gpc", fileSHA256: "", now: fixture.clock.now, on: fixture.connection)
    }

    func state(_ externalID: String) throws -> String {
        let stored = try #require(
            try ReceivableRepository.find(
                externalID: externalID, organizationID: fixture.creditorA.id, on: fixture.connection))
        return "\(stored.status.rawValue) \(stored.remaining.minorUnits)"
    }

    @Test func paymentsCloseAndReduceByVariableSymbol() throws {
        let payments = [
            BankPayment(
                line: 1, reference: "A1", amount: .czk(100000), isCredit: true, variableSymbol: "111", date: nil),
            BankPayment(
                line: 2, reference: "A2", amount: .czk(30000), isCredit: true, variableSymbol: "222", date: nil),
            BankPayment(line: 3, reference: "A3", amount: .czk(5000), isCredit: true, variableSymbol: "999", date: nil),
            BankPayment(
                line: 4, reference: "A4", amount: .czk(5000), isCredit: false, variableSymbol: "222", date: nil),
        ]
        let batch = try apply(payments)
        #expect(batch.paidCount == 1)
        #expect(batch.updatedCount == 1)
        #expect(batch.rejectedCount == 1)
        #expect(batch.issues.first?.value == "999")
        #expect(try state("FV-1") == "paid 0")
        #expect(try state("FV-2") == "open 70000")

        let again = try apply(payments)
        #expect(again.paidCount == 0)
        #expect(again.updatedCount == 0)
        #expect(again.unchangedCount == 3)
        #expect(try state("FV-2") == "open 70000")
    }

    @Test func otherCurrencyDoesNotMatch() throws {
        let batch = try apply([
            BankPayment(
                line: 1, reference: "E1", amount: Money(minorUnits: 100000, currency: .eur), isCredit: true,
                variableSymbol: "111", date: nil)
        ])
        #expect(batch.paidCount == 0)
        #expect(try state("FV-1") == "open 100000")
    }
}

@Suite(.serialized) struct ClientBankStatementPageTests {
    @Test func uploadedStatementPaysReceivable() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1").replacingOccurrences(
                of: "<issueDate>", with: "<variableSymbol>111</variableSymbol><issueDate>"))
        _ = browser.postMultipart(
            "/klient/importy", [("csrf_token", "csrf-adminA"), ("rezim", "delta")],
            file: ("soubor", "a.xml", Array(xml.utf8)))
        #expect(browser.get("/klient/vypisy").response.status == 200)

        let camt = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
              <Ntry><NtryRef>R1</NtryRef><Amt Ccy="CZK">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <BookgDt><Dt>2026-12-01</Dt></BookgDt>
                <NtryDtls><TxDtls><Refs><EndToEndId>/VS/111/SS//KS/0308</EndToEndId></Refs></TxDtls></NtryDtls>
              </Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """
        let posted = browser.postMultipart(
            "/klient/vypisy", [("csrf_token", "csrf-adminA")], file: ("soubor", "vypis.xml", Array(camt.utf8)))
        #expect(posted.response.status == 303)
        let report = browser.get(try #require(posted.response.header("Location")))
        #expect(report.body.contains("bankovní výpis"))
        let stored = try ReceivableRepository.find(
            externalID: "FV-1", organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(stored?.status == .paid)
    }

    @Test func unreadableStatementShowsCzechError() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let posted = browser.postMultipart(
            "/klient/vypisy", [("csrf_token", "csrf-adminA")], file: ("soubor", "vypis.gpc", Array("xyz\n".utf8)))
        #expect(posted.response.status == 422)
        #expect(posted.body.contains("GPC/ABO"))
    }
}
