import Documents
import Domain
import Foundation
import Interchange
import Store

/// Turns a rendered message into a printed letter: the creditor's and the lawyer's details, the recipient's
/// address for the envelope window, payment details with a QR Platba code, and the debtor portal access code.
enum LetterComposer {
    struct Recipient: Sendable {
        var name: String
        var street: String
        var postalCode: String
        var city: String

        var lines: [String] {
            [name, street, "\(postalCode) \(city)"].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    struct PaymentRequest: Sendable {
        var amount: Money
        var variableSymbol: String
        var dueDate: CalendarDate?
    }

    struct PortalAccess: Sendable {
        var address: String
        var code: String
    }

    /// Renders the PDF; throws when the creditor's account cannot make a valid QR Platba string.
    static func render(
        _ message: RenderedMessage, to recipient: Recipient, creditor: Organization, lawyer: User?,
        payment: PaymentRequest?, access: PortalAccess?, language: Language, today: CalendarDate
    ) throws -> [UInt8] {
        try LetterRenderer.render(
            content(message, to: recipient, creditor: creditor, lawyer: lawyer, payment: payment, access: access,
                    language: language, today: today),
            title: message.subject)
    }

    static func content(
        _ message: RenderedMessage, to recipient: Recipient, creditor: Organization, lawyer: User?,
        payment: PaymentRequest?, access: PortalAccess?, language: Language, today: CalendarDate
    ) throws -> LetterContent {
        let texts = language == .cs ? czech : english
        let creditorAddress = [creditor.street, "\(creditor.postalCode) \(creditor.city)"]
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", ")
        var sender = [creditor.name]
        if !creditorAddress.isEmpty { sender.append(creditorAddress) }
        sender.append("\(texts.ico) \(creditor.ico)" + (creditor.dic.isEmpty ? "" : ", \(texts.dic) \(creditor.dic)"))
        if let lawyer {
            sender.append(texts.representedBy)
            sender.append("\(lawyer.fullName), \(texts.lawyer)")
            if let cak = lawyer.partner.cakNumber { sender.append("\(texts.cak) \(cak)") }
        }

        var paymentBox: LetterContent.Payment?
        if let payment {
            guard let account = BankAccount(creditor.bankAccount) ?? BankAccount(creditor.iban) else {
                throw QRPlatba.InvalidField(field: "ACC", value: creditor.bankAccount)
            }
            let qr = try QRPlatba(
                iban: account.iban, amount: payment.amount, dueDate: payment.dueDate,
                variableSymbol: payment.variableSymbol, message: message.subject, recipientName: creditor.name
            ).encoded()
            var lines: [(label: String, value: String)] = [
                (texts.amount, Formatting.money(payment.amount, language: language)),
                (texts.account, account.description),
                ("IBAN", account.iban),
                (texts.variableSymbol, payment.variableSymbol),
            ]
            if let due = payment.dueDate { lines.append((texts.payBy, Formatting.date(due, language: language))) }
            paymentBox = LetterContent.Payment(lines: lines, qrText: qr, caption: texts.qrCaption)
        }

        return LetterContent(
            returnAddress: "\(creditor.name), \(creditorAddress)", recipient: recipient.lines, senderBlock: sender,
            dateLine: "\(texts.dated) \(Formatting.date(today, language: language))", subject: message.subject,
            paragraphs: message.paragraphs, payment: paymentBox,
            access: access.map {
                LetterContent.Access(heading: texts.accessHeading, address: texts.accessText + " " + $0.address,
                                     codeLabel: texts.accessCode, code: $0.code)
            },
            footer: "\(creditor.name) · \(texts.ico) \(creditor.ico) · \(creditorAddress) · \(texts.sentThrough)",
            pageNumberFormat: texts.page)
    }

    struct Texts {
        let ico, dic, representedBy, lawyer, cak, amount, account, variableSymbol, payBy, qrCaption, dated: String
        let accessHeading, accessText, accessCode, sentThrough, page: String
    }

    static let czech = Texts(
        ico: "IČO", dic: "DIČ", representedBy: "zastoupený", lawyer: "advokát", cak: "ev. č. ČAK",
        amount: "Částka k úhradě", account: "Číslo účtu", variableSymbol: "Variabilní symbol", payBy: "Uhraďte do",
        qrCaption: "QR Platba: naskenujte v bankovní aplikaci", dated: "Dne",
        accessHeading: "Portál dlužníka: výzva, rozpis částek a odpověď",
        accessText: "Otevřete adresu níže a zadejte přístupový kód. Heslo nepotřebujete.",
        accessCode: "Přístupový kód:", sentThrough: "odesláno prostřednictvím služby Kolektor",
        page: "Strana {page} z {pages}")

    static let english = Texts(
        ico: "Company ID", dic: "VAT ID", representedBy: "represented by", lawyer: "attorney",
        cak: "Czech Bar Association no.", amount: "Amount due", account: "Account number",
        variableSymbol: "Variable symbol", payBy: "Pay by", qrCaption: "QR payment: scan in your banking app",
        dated: "Date:", accessHeading: "Debtor portal: demand, breakdown of amounts and your answer",
        accessText: "Open the address below and enter the access code. You do not need a password.",
        accessCode: "Access code:", sentThrough: "sent through the Kolektor service", page: "Page {page} of {pages}")
}
