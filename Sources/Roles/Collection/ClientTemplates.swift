import Foundation
import Domain
import Store
import Web

/// The creditor's own copies of the demand wording, edited by the client admin; deleting one restores the default.
enum ClientTemplates {
    static let kinds: [MessageKind] = [.demandReminder, .demandFirm, .demandFinal]

    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/sablony") { request, _, context in
            let viewer = try ClientApprovals.requireAdmin(request, context: context)
            return .html(try page(viewer: viewer, context: context, flash: request.query["zprava"] != nil, error: nil).renderDocument())
        }
        router.post("/klient/sablony") { request, _, context in
            let viewer = try ClientApprovals.requireAdmin(request, context: context)
            try CSRF.check(request, session: viewer.session)
            let organizationID = try viewer.organizationID
            let form = request.form
            guard let kind = form["druh"].flatMap(MessageKind.init(rawValue:)), kinds.contains(kind),
                let language = form["jazyk"].flatMap(Language.init(rawValue:))
            else { throw HTTPError.badRequest }
            if form["akce"] == "vychozi" {
                try context.database.withConnection {
                    try CreditorTemplateRepository.delete(organizationID: organizationID, kind: kind.rawValue, language: language, on: $0)
                }
                return .redirect(to: "/klient/sablony?zprava=ulozeno")
            }
            let subject = (form["predmet"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let body = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            // The subject becomes a mail header: one line, no control characters.
            guard !subject.isEmpty, subject.count <= 200,
                !subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
                !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                body.count <= 20_000, body.contains("{portalLink}")
            else {
                let page = try page(viewer: viewer, context: context, flash: false, error: context.text("templates.error"))
                return .html(page.renderDocument(), status: 422)
            }
            try context.database.withConnection { connection in
                try connection.transaction { connection in
                    try CreditorTemplateRepository.save(
                        CreditorTemplate(kind: kind.rawValue, language: language, subject: subject, body: body),
                        organizationID: organizationID, by: viewer.user.id, at: context.now, on: connection)
                    try AuditLog.append(
                        AuditEntry(actor: viewer.auditActor, action: "template_saved", subject: "organization:\(organizationID)",
                                   detail: "\(kind.rawValue) \(language.rawValue)", clientAddress: request.remoteAddress),
                        at: context.now, on: connection)
                }
            }
            return .redirect(to: "/klient/sablony?zprava=ulozeno")
        }
    }

    static func page(viewer: Viewer, context: RequestContext, flash: Bool, error: String?) throws -> Node {
        let organizationID = try viewer.organizationID
        var current: [(MessageKind, Language, subject: String, body: String, custom: Bool)] = []
        try context.database.withConnection { connection in
            for kind in kinds {
                for language in Language.allCases {
                    if let own = try CreditorTemplateRepository.find(
                        organizationID: organizationID, kind: kind.rawValue, language: language, on: connection)
                    {
                        current.append((kind, language, own.subject, own.body, true))
                    } else {
                        let builtIn = (language == .en ? MessageTexts.english[kind] : MessageTexts.czech[kind])!
                        current.append((kind, language, builtIn.subject, builtIn.body, false))
                    }
                }
            }
        }
        return Layout.page(
            title: context.text("templates.title"), site: .client, context: context, currentPath: "/klient/sablony",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("templates.title") }
            element("p") { context.text("templates.lead") }
            if flash { Forms.notice(context.text("templates.flash"), kind: "success") }
            if let error { Forms.notice(error, kind: "error") }
            for item in current {
                let id = "\(item.0.rawValue)-\(item.1.rawValue)"
                element("section", .class("card")) {
                    element("h2") {
                        context.text("step.kind.\(item.0.rawValue)")
                        " (\(item.1.rawValue)) – "
                        context.text(item.custom ? "templates.custom" : "templates.default")
                    }
                    element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", "/klient/sablony")) {
                        CSRF.field(viewer.session)
                        voidElement("input", .type("hidden"), .name("druh"), .value(item.0.rawValue))
                        voidElement("input", .type("hidden"), .name("jazyk"), .value(item.1.rawValue))
                        Forms.field(label: context.text("templates.subject"), name: "predmet", value: item.subject, autocomplete: "off")
                        element("label", Attribute("for", "text-\(id)")) { context.text("templates.body") }
                        element("textarea", .id("text-\(id)"), .name("text"), Attribute("rows", "12")) { item.body }
                        element("button", .type("submit"), .name("akce"), .value("ulozit")) { context.text("templates.save") }
                        if item.custom {
                            " "
                            element("button", .type("submit"), .name("akce"), .value("vychozi"), .class("secondary")) {
                                context.text("templates.reset")
                            }
                        }
                    }
                }
            }
        }
    }
}
