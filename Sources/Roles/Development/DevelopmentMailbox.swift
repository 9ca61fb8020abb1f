import Domain
import Store
import Web

/// The development mailbox at `/vyvoj/posta`: the newest outbox messages with their full text.
/// Registered only in development mode; in production the path is an ordinary 404.
enum DevelopmentMailbox {
    static let path = "/vyvoj/posta"

    static func register(in router: inout Router<RequestContext>) {
        router.get(path) { request, _, context in
            let messages = try context.database.withConnection { try OutboxRepository.recent(limit: 50, on: $0) }
            let page = Layout.page(
                title: context.text("dev.mailbox.title"), site: .publicSite, context: context, currentPath: path
            ) {
                element("h1") { context.text("dev.mailbox.title") }
                Forms.notice(context.text("dev.mailbox.note"), kind: "warning")
                if messages.isEmpty { element("p") { context.text("dev.mailbox.empty") } }
                for message in messages {
                    element("article", .class("card"), Attribute("data-outbox-id", "\(message.id)")) {
                        element("h2") { message.subject }
                        element("p", .class("hint")) {
                            "\(message.channel.rawValue) → \(message.recipient) · \(message.kind) · \(message.status)"
                        }
                        element("pre") { message.bodyText }
                    }
                }
            }
            return .html(page.renderDocument())
        }
    }
}
