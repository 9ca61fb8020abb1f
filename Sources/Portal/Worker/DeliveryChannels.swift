import Delivery
import Domain
import Foundation
import Store

/// The channels one delivery worker sends through, built from the configuration.
///
/// With no `KOLEKTOR_SMTP_URL` e-mails are written to `<data>/mail/`, and with no `KOLEKTOR_SMS_URL` texts go to
/// `<data>/sms/`, which is how development works without any outside service.
struct DeliveryChannels {
    let mailer: SMTPMailer?
    let gateway: SMSGateway?
    let mailDrop: FileDrop
    let smsDrop: FileDrop
    let letterDrop: FileDrop
    let from: String
    let fromName: String

    init(configuration: Configuration) throws {
        let data = configuration.string("KOLEKTOR_DATA_DIR") ?? "var"
        from = configuration.string("KOLEKTOR_MAIL_FROM") ?? "kolektor@localhost"
        fromName = configuration.string("KOLEKTOR_MAIL_FROM_NAME") ?? "Kolektor"
        mailDrop = FileDrop(directory: data + "/mail")
        smsDrop = FileDrop(directory: data + "/sms")
        letterDrop = FileDrop(directory: data + "/letters")
        if let url = configuration.string("KOLEKTOR_SMTP_URL"), !url.isEmpty {
            mailer = try SMTPMailer(configuration: .init(
                url: url, username: configuration.string("KOLEKTOR_SMTP_USERNAME"),
                password: configuration.string("KOLEKTOR_SMTP_PASSWORD"), from: from, fromName: fromName,
                requireTLS: configuration.string("KOLEKTOR_SMTP_TLS") != "optional"))
        } else {
            mailer = nil
        }
        if let url = configuration.string("KOLEKTOR_SMS_URL"), !url.isEmpty {
            gateway = try SMSGateway(configuration: .init(
                url: url,
                format: SMSGateway.Configuration.BodyFormat(rawValue: configuration.string("KOLEKTOR_SMS_FORMAT") ?? "json") ?? .json,
                template: configuration.string("KOLEKTOR_SMS_TEMPLATE") ?? #"{"to":"{to}","text":"{text}","id":"{id}"}"#,
                bearerToken: configuration.string("KOLEKTOR_SMS_TOKEN")))
        } else {
            gateway = nil
        }
    }

    /// What happened to a message: sent now, or (for a letter) added to a print batch that is confirmed later.
    enum Outcome {
        case sent(reference: String?, status: String?)
        case batched(day: CalendarDate)
    }

    /// Delivers one claimed message, or throws `DeliveryError`.
    func deliver(_ claimed: ClaimedMessage, attachments: [(filename: String, contentType: String, content: [UInt8])])
        throws -> Outcome
    {
        let message = claimed.message
        switch message.channel {
        case .email:
            let email = EmailMessage(
                from: from, fromName: fromName, to: message.recipient, subject: message.subject, text: message.bodyText,
                html: claimed.bodyHTML,
                attachments: attachments.map { .init(filename: $0.filename, contentType: $0.contentType, content: $0.content) },
                messageID: messageID(claimed), date: Date())
            if let mailer {
                try mailer.send(email)
                return .sent(reference: email.messageID, status: nil)
            }
            try mailDrop.write(email.mime(), name: "\(message.id)-\(message.kind).eml")
            return .sent(reference: email.messageID, status: "file")
        case .sms:
            let sms = SMSMessage(to: message.recipient, text: message.bodyText, idempotencyKey: claimed.idempotencyKey.uuidString.lowercased())
            if let gateway {
                let receipt = try gateway.send(sms)
                return .sent(reference: receipt.gatewayID, status: receipt.status)
            }
            let text = "To: \(sms.to)\nIdempotency-Key: \(sms.idempotencyKey)\nSegments: \(SMSText(sms.text).segments)\n\n\(sms.text)\n"
            try smsDrop.write(Array(text.utf8), name: "\(message.id)-\(message.kind).txt")
            return .sent(reference: nil, status: "file")
        case .letter:
            guard let pdf = attachments.first(where: { $0.contentType == "application/pdf" }) else {
                throw DeliveryError(.permanent, "letter without a PDF")
            }
            let day = CalendarDate(Date())
            try FileDrop(directory: letterDrop.directory + "/" + day.iso)
                .write(pdf.content, name: LetterManifest.fileName(outboxID: message.id, kind: message.kind))
            return .batched(day: day)
        }
    }

    /// `<outbox-42.9f1c…@example.cz>`: the same for every attempt, so a receiver can recognise a repeated delivery.
    func messageID(_ claimed: ClaimedMessage) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "kolektor"
        return "<outbox-\(claimed.message.id).\(claimed.idempotencyKey.uuidString.lowercased())@\(domain)>"
    }
}
