import Domain
import Foundation
import Store
import Web

/// A kind of message Kolektor sends; each has a template per language for e-mail, SMS and letter.
enum MessageKind: String, Sendable, CaseIterable {
    case passwordReset = "password_reset"
    case invitation
    case signInCode = "sign_in_code"
    case activationNotice = "activation_notice"
    case demandReminder = "demand_reminder"
    case demandFirm = "demand_firm"
    case demandFinal = "demand_final"
    case settlementOffer = "settlement_offer"
    case awardDelivered = "award_delivered"
}

/// The wording of one message kind in one language. `{name}` placeholders are filled by `MessageTemplates.render`.
struct MessageTemplate: Sendable {
    /// Subject of the e-mail and heading of the letter.
    let subject: String
    /// The e-mail text and the letter body; paragraphs are separated by blank lines.
    let body: String
    /// The SMS text, kept short: Czech diacritics make a text UCS-2, with 70 characters per segment.
    let sms: String?
}

/// A message rendered for every channel from one template.
struct RenderedMessage: Sendable, Equatable {
    let subject: String
    let text: String
    /// HTML alternative of the e-mail: the paragraphs escaped, links clickable.
    let html: String
    let sms: String?
    let paragraphs: [String]
}

enum MessageTemplates {
    /// Renders `kind` in `language`; English falls back to Czech where a template has no English version.
    /// Values are inserted as plain text; the HTML version escapes them.
    static func render(
        _ kind: MessageKind, language: Language, values: [String: String], override: CreditorTemplate? = nil
    ) -> RenderedMessage {
        let builtIn = (language == .en ? MessageTexts.english[kind] : nil) ?? MessageTexts.czech[kind]!
        // A creditor's own wording replaces subject and body; the SMS text stays ours.
        let template = override.map { MessageTemplate(subject: $0.subject, body: $0.body, sms: builtIn.sms) } ?? builtIn
        func fill(_ text: String) -> String {
            var result = text
            for (name, value) in values {
                result = result.replacingOccurrences(of: "{\(name)}", with: value)
            }
            return result
        }
        let body = fill(template.body)
        let paragraphs = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        // Only our own link values become clickable; an address typed into a name or reason stays plain text.
        let links = Set(values.filter { $0.key.lowercased().hasSuffix("link") }.map(\.value))
        return RenderedMessage(
            subject: fill(template.subject), text: body, html: html(paragraphs, links: links), sms: template.sms.map(fill),
            paragraphs: paragraphs)
    }

    /// Escaped paragraphs; a paragraph that is exactly one of `links` becomes a link.
    static func html(_ paragraphs: [String], links: Set<String>) -> String {
        let nodes = paragraphs.map { paragraph -> Node in
            if links.contains(paragraph), paragraph.hasPrefix("https://") || paragraph.hasPrefix("http://") {
                return element("p") { element("a", .href(paragraph)) { paragraph } }
            }
            let lines = paragraph.components(separatedBy: "\n")
            return element("p") {
                for (index, line) in lines.enumerated() {
                    if index > 0 { voidElement("br") }
                    line
                }
            }
        }
        let document = element("html") {
            element("body", Attribute("style", "font-family: Arial, sans-serif; line-height: 1.5")) { nodes }
        }
        return "<!DOCTYPE html>\n" + document.renderedString
    }
}
