import Crypto
import Domain
import Foundation
import Store
import Web

/// API keys of the creditor for the REST API: list, create (the key is shown once) and revoke.
enum ClientAPIKeys {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/api-klice") { request, _, context in
            let viewer = try ClientSite.require(.manageAPIKeys, request, context: context)
            return .html(try page(viewer: viewer, context: context).renderDocument())
        }
        router.post("/klient/api-klice") { request, _, context in
            let viewer = try ClientSite.require(.manageAPIKeys, request, context: context)
            try CSRF.check(request, session: viewer.session)
            let organizationID = try viewer.organizationID
            let name = (request.form["nazev"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 100 else {
                let page = try page(viewer: viewer, context: context, error: context.text("apikeys.error.name"))
                return .html(page.renderDocument(), status: 422)
            }
            let key = "kol_" + SecureRandom.token()
            try context.database.withConnection { connection in
                try connection.transaction { connection in
                    let stored = try APIKeyRepository.insert(
                        organizationID: organizationID, name: name, keyHash: Digest.sha256(key), now: context.now,
                        on: connection)
                    try AuditLog.append(
                        AuditEntry(
                            actor: viewer.auditActor, action: "api_key_created", subject: "api_key:\(stored.id)",
                            detail: "organization:\(organizationID)", clientAddress: request.remoteAddress),
                        at: context.now, on: connection)
                }
            }
            // The key is shown in this response only; the database keeps its hash.
            return .html(try page(viewer: viewer, context: context, newKey: key).renderDocument())
        }
        router.post("/klient/api-klice/:id/zrusit") { request, parameters, context in
            let viewer = try ClientSite.require(.manageAPIKeys, request, context: context)
            try CSRF.check(request, session: viewer.session)
            let organizationID = try viewer.organizationID
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            try context.database.withConnection { connection in
                try connection.transaction { connection in
                    try APIKeyRepository.revoke(
                        id: id, organizationID: organizationID, now: context.now, on: connection)
                    try AuditLog.append(
                        AuditEntry(
                            actor: viewer.auditActor, action: "api_key_revoked", subject: "api_key:\(id)",
                            detail: "organization:\(organizationID)", clientAddress: request.remoteAddress),
                        at: context.now, on: connection)
                }
            }
            return .redirect(to: "/klient/api-klice")
        }
    }

    static func page(viewer: Viewer, context: RequestContext, newKey: String? = nil, error: String? = nil) throws
        -> Node
    {
        let organizationID = try viewer.organizationID
        let keys = try context.database.withConnection {
            try APIKeyRepository.all(organizationID: organizationID, on: $0)
        }
        return Layout.page(
            title: context.text("apikeys.title"), site: .client, context: context, currentPath: "/klient/api-klice",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("apikeys.title") }
            element("p") { context.text("apikeys.lead") }
            if let newKey {
                Forms.notice(context.text("apikeys.created"), kind: "success")
                element("p") { element("code") { newKey } }
            }
            if let error { Forms.notice(error, kind: "error") }
            if !keys.isEmpty {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { context.text("apikeys.name") }
                            element("th") { context.text("apikeys.created.at") }
                            element("th") { context.text("apikeys.state") }
                        }
                    }
                    element("tbody") {
                        for key in keys {
                            element("tr") {
                                element("td") { key.name }
                                element("td") {
                                    Formatting.date(CalendarDate(key.createdAt), language: context.language)
                                }
                                element("td") {
                                    if key.revokedAt != nil {
                                        context.text("apikeys.revoked")
                                    } else {
                                        Forms.postButton(
                                            action: "/klient/api-klice/\(key.id)/zrusit",
                                            label: context.text("apikeys.revoke"), session: viewer.session)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            element("form", Attribute("method", "post"), Attribute("action", "/klient/api-klice")) {
                CSRF.field(viewer.session)
                Forms.field(label: context.text("apikeys.name"), name: "nazev", hint: context.text("apikeys.name.hint"))
                element("button", .type("submit")) { context.text("apikeys.create") }
            }
        }
    }
}
