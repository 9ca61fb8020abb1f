import Documents
import Domain
import Foundation
import Store

/// The PDF of a power of attorney: who grants it to whom, for which claims, when and from where.
enum PowerOfAttorneyDocument {
    static func render(
        creditor: Organization, lawyer: User, scope: PowerOfAttorney.Scope, debtors: [Debtor], grantedBy: User,
        clientAddress: String, at instant: Date
    ) throws -> [UInt8] {
        let address = [creditor.street, "\(creditor.postalCode) \(creditor.city)"].map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let scopeText = scope == .all
            ? "všech pohledávek zmocnitele za jeho odběrateli"
            : "pohledávek zmocnitele za těmito dlužníky: " + debtors.map { debtor in
                debtor.name + (debtor.ico.map { " (IČO \($0))" } ?? "")
            }.joined(separator: ", ")
        let paragraphs = [
            "Zmocnitel: \(creditor.name), IČO \(creditor.ico)" + (address.isEmpty ? "" : ", se sídlem \(address)"),
            "Zmocněnec: \(lawyer.fullName), advokát, evidenční číslo ČAK \(lawyer.partner.cakNumber ?? "")",
            "Zmocnitel zmocňuje zmocněnce, aby jej zastupoval při mimosoudním vymáhání \(scopeText), zejména aby jeho jménem odesílal předžalobní výzvy podle § 142a občanského soudního řádu a návrhy dohod o splátkách a přijímal odpovědi dlužníků.",
            "Plná moc byla udělena elektronicky v systému Kolektor dne \(Formatting.dateTime(instant)) uživatelem \(grantedBy.fullName) (\(grantedBy.email)) z adresy \(clientAddress). Platí ode dne přijetí zmocněncem do jejího ukončení kteroukoli stranou.",
        ]
        return try PDFDocument.render(metadata: .init(title: "Plná moc", author: creditor.name)) { document in
            try document.addPage { canvas in
                var y = 30.0
                y += canvas.drawText("Plná moc", x: 25, y: y, width: 160, font: Font(size: 18, weight: .bold)) + 8
                for paragraph in paragraphs {
                    y += canvas.drawText(paragraph, x: 25, y: y, width: 160, font: Font(size: 11)) + 5
                }
            }
        }
    }
}
