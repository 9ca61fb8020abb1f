import Documents
import Domain
import Foundation
import Interchange
import Store
import TestSupport
import Testing

@testable import Roles

@Suite struct LetterTests {
    let creditor = Organization(
        name: "Demo Kolektor s.r.o.", ico: "12345679", dic: "CZ12345679", street: "Vodičkova 704/36", city: "Praha 1",
        postalCode: "110 00", bankAccount: "19-2000145399/0800", iban: "CZ6508000000192000145399")
    let lawyer = User(
        organizationID: nil, role: .lawyer, email: "advokat@test.cz", fullName: "JUDr. Marie Horáková",
        partner: PartnerDetails(cakNumber: "12345"))
    let recipient = LetterComposer.Recipient(name: "Stavebniny Horák s.r.o.", street: "Nádražní 12", postalCode: "280 02", city: "Kolín")
    let payment = LetterComposer.PaymentRequest(
        amount: .czk(1_234_567), variableSymbol: "2026001", dueDate: CalendarDate(iso: "2026-12-11"))
    let access = LetterComposer.PortalAccess(address: "http://portal.test/dluznik/kod", code: "K7M2-9QXH")

    func message() -> RenderedMessage {
        MessageTemplates.render(
            .demandFinal, language: .cs,
            values: [
                "debtor": "Stavebniny Horák s.r.o.", "creditor": creditor.name, "creditorIco": creditor.ico,
                "receivables": "Faktura 2026001 splatná 1. 9. 2026: 12 000,00 Kč", "today": "4. 12. 2026",
                "total": "12 345,67 Kč", "account": "19-2000145399/0800", "variableSymbol": "2026001",
                "portalLink": "http://portal.test/dluznik/kod", "lawyer": lawyer.fullName, "lawyerCak": "12345",
            ])
    }

    func render() throws -> [UInt8] {
        try LetterComposer.render(
            message(), to: recipient, creditor: creditor, lawyer: lawyer, payment: payment, access: access,
            language: .cs, today: CalendarDate(iso: "2026-12-04")!)
    }

    @Test func textHasAddressAmountsAndCode() throws {
        let text = try ExternalTool.pdfText(try render())
        for expected in [
            "Stavebniny Horák s.r.o.", "Nádražní 12", "280 02 Kolín", "12 345,67 Kč", "K7M2-9QXH",
            "Předžalobní výzva – Demo Kolektor s.r.o.", "JUDr. Marie Horáková, advokát", "ev. č. ČAK 12345",
            "IČO 12345679, DIČ CZ12345679", "19-2000145399/0800", "Variabilní symbol", "Dne 4. 12. 2026", "Strana 1 z",
        ] {
            #expect(text.contains(expected), "the letter lacks \(expected)")
        }
    }

    @Test func qrCodeDecodesToPaymentString() throws {
        let expected = try QRPlatba(
            iban: "CZ6508000000192000145399", amount: .czk(1_234_567), dueDate: CalendarDate(iso: "2026-12-11"),
            variableSymbol: "2026001", message: "Předžalobní výzva – Demo Kolektor s.r.o.",
            recipientName: "Demo Kolektor s.r.o."
        ).encoded()
        #expect(expected.hasPrefix("SPD*1.0*ACC:CZ6508000000192000145399*AM:12345.67*CC:CZK*DT:20261211*X-VS:2026001*"))
        let pdf = try render()
        try Data(pdf).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "kolektor-letter-test.pdf"))
        let page = try ExternalTool.rasterize(pdf, page: 1, dotsPerInch: 200)
        #expect(try ExternalTool.decodeQRCodes(png: page) == [expected])
    }

    @Test func everyPageIsNumbered() throws {
        let pdf = try render()
        let pages = try ExternalTool.pdfReport("pdfinfo", pdf).split(separator: "\n")
            .first { $0.hasPrefix("Pages:") }.map { Int($0.split(separator: " ").last ?? "") ?? 0 } ?? 0
        #expect(pages >= 1)
        let text = try ExternalTool.pdfText(pdf)
        for page in 1...pages {
            #expect(text.contains("Strana \(page) z \(pages)"))
        }
    }

    @Test func htmlInNamesStaysText() throws {
        let hostile = LetterComposer.Recipient(name: "<b>Firma</b> & syn", street: "Ulice 1", postalCode: "100 00", city: "Praha")
        let pdf = try LetterComposer.render(
            message(), to: hostile, creditor: creditor, lawyer: nil, payment: nil, access: nil, language: .cs,
            today: CalendarDate(iso: "2026-12-04")!)
        #expect(try ExternalTool.pdfText(pdf).contains("<b>Firma</b> & syn"))
    }

    @Test func invalidCreditorAccountIsNamed() {
        var broken = creditor
        broken.bankAccount = "124/0800"
        broken.iban = ""
        #expect(throws: QRPlatba.InvalidField(field: "ACC", value: "124/0800")) {
            try LetterComposer.render(
                message(), to: recipient, creditor: broken, lawyer: nil, payment: payment, access: nil, language: .cs,
                today: CalendarDate(iso: "2026-12-04")!)
        }
    }
}
