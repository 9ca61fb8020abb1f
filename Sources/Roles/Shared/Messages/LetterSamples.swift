import Documents
import Domain
import Foundation
import Store

/// Sample letters for a print shop to check the layout and for the benchmark of letter rendering.
public enum LetterSamples {
    /// Renders `count` complete demand letters (address window, payment box with QR Platba, access code) and
    /// returns the seconds taken; with `directory` the PDFs are written there as well.
    public static func renderDemands(count: Int, directory: String?) throws -> TimeInterval {
        let creditor = Organization(
            name: "Demo Kolektor s.r.o.", ico: "12345679", dic: "CZ12345679", street: "Vodičkova 704/36", city: "Praha 1",
            postalCode: "110 00", bankAccount: "19-2000145399/0800", iban: "CZ6508000000192000145399")
        let lawyer = User(
            organizationID: nil, role: .lawyer, email: "advokat@kolektor-demo.test", fullName: "JUDr. Marie Horáková",
            partner: PartnerDetails(cakNumber: "12345"))
        let today = CalendarDate(Date())
        let started = Date()
        for index in 0..<count {
            let message = MessageTemplates.render(
                .demandFinal, language: .cs,
                values: [
                    "debtor": "Odběratel č. \(index) s.r.o.", "creditor": creditor.name, "creditorIco": creditor.ico,
                    "receivables": "Faktura FV2026-\(index), splatná 31. 5. 2026: 12 100,00 Kč", "today": Formatting.date(today),
                    "total": "14 012,91 Kč", "account": creditor.bankAccount, "variableSymbol": "2026\(index)",
                    "portalLink": "https://kolektor.example/dluznik/vstup/ukazka", "lawyer": lawyer.fullName, "lawyerCak": "12345",
                ])
            let pdf = try LetterComposer.render(
                message, to: .init(name: "Odběratel č. \(index) s.r.o.", street: "Dlouhá \(index)", postalCode: "110 00", city: "Praha 1"),
                creditor: creditor, lawyer: lawyer,
                payment: .init(amount: .czk(1_401_291), variableSymbol: "2026\(index)", dueDate: today.adding(days: 7)),
                access: .init(address: "https://kolektor.example/dluznik/prihlaseni", code: "ABCD-EFGH-JKMN"),
                language: .cs, today: today)
            if let directory {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try Data(pdf).write(to: URL(fileURLWithPath: directory).appendingPathComponent("ukazka-\(index).pdf"))
            }
        }
        return Date().timeIntervalSince(started)
    }

    /// Renders `count` one-page PDFs with a single line of text: the floor that cairo and pango set, as a baseline.
    public static func renderPlainPages(count: Int) throws -> TimeInterval {
        let started = Date()
        for index in 0..<count {
            _ = try PDFDocument.render { document in
                try document.addPage { canvas in
                    canvas.drawText("Zkušební stránka č. \(index)", x: 25, y: 25, width: 160, font: Font(size: 11))
                }
            }
        }
        return Date().timeIntervalSince(started)
    }
}
