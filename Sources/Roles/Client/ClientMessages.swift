import Domain
import Store
import Web

/// The message log at `/klient/zpravy`: every message sent for the creditor with channel, recipient, status,
/// attempts and times. A message that failed for good says why and suggests another channel.
enum ClientMessages {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/zpravy") { request, _, context in
            let viewer = try ClientSite.require(.viewMessages, request, context: context)
            let organizationID = try viewer.organizationID
            let messages = try context.database.withConnection {
                try OutboxRepository.recent(organizationID: organizationID, limit: 200, on: $0)
            }
            return .html(page(messages, viewer: viewer, context: context).renderDocument())
        }
    }

    static func page(_ messages: [OutboxMessage], viewer: Viewer, context: RequestContext) -> Node {
        Layout.page(
            title: context.text("client.messages.title"), site: .client, context: context, currentPath: "/klient/zpravy",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("client.messages.title") }
            if messages.isEmpty {
                element("p") { context.text("client.messages.none") }
            } else {
                element("div", .class("table-scroll")) {
                    element("table") {
                        element("thead") {
                            element("tr") {
                                for key in ["created", "kind", "channel", "recipient", "status", "attempts", "sent"] {
                                    element("th") { context.text("client.messages.\(key)") }
                                }
                            }
                        }
                        element("tbody") {
                            for message in messages { row(message, context: context) }
                        }
                    }
                }
            }
        }
    }

    static func row(_ message: OutboxMessage, context: RequestContext) -> Node {
        element("tr", Attribute("data-outbox-id", "\(message.id)")) {
            element("td") { Formatting.dateTime(message.createdAt, language: context.language) }
            element("td") { context.text("message.kind.\(message.kind)") }
            element("td") { context.text("message.channel.\(message.channel.rawValue)") }
            element("td") { message.recipient }
            element("td") {
                element("span", .class("badge")) { context.text("message.status.\(message.status)") }
                if message.status == "failed" {
                    element("p", .class("notice error")) {
                        context.text("client.messages.failed", ["reason": message.lastError])
                        " "
                        context.text("client.messages.suggest.\(message.channel.rawValue)")
                    }
                } else if message.status == "queued" && !message.lastError.isEmpty {
                    element("p", .class("hint")) { context.text("client.messages.retrying", ["reason": message.lastError]) }
                }
            }
            element("td", .class("amount")) { "\(message.attempts)" }
            element("td") { message.sentAt.map { Formatting.dateTime($0, language: context.language) } ?? "–" }
        }
    }
}
