import Domain
import Store
import Web

/// Pages of user management in the client site.
enum ClientUserPages {
    static let flashKeys: [String: String] = [
        "pozvano": "client.users.flash.invited", "prirazeno": "client.users.flash.assigned",
        "aktivovano": "client.users.flash.reactivated", "deaktivovano": "client.users.flash.deactivated",
    ]

    static func list(
        viewer: Viewer, context: RequestContext, flash: String? = nil, inviteName: String = "", inviteEmail: String = "",
        errors: [String: String] = [:]
    ) throws -> Node {
        let organizationID = try viewer.organizationID
        let users = try context.database.withConnection { try UserRepository.all(organizationID: organizationID, on: $0) }
        return Layout.page(
            title: context.text("client.users.title"), site: .client, context: context, currentPath: "/klient/uzivatele",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("client.users.title") }
            if let flash, let key = flashKeys[flash] { Forms.notice(context.text(key), kind: "success") }
            element("div", .class("table-scroll")) {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { context.text("client.users.name") }
                            element("th") { context.text("auth.email") }
                            element("th") { context.text("client.users.role") }
                            element("th") { context.text("client.users.status") }
                        }
                    }
                    element("tbody") {
                        for user in users {
                            element("tr") {
                                element("td") { element("a", .href("/klient/uzivatele/\(user.id)")) { user.fullName } }
                                element("td") { user.email }
                                element("td") { context.text("role.\(user.role.rawValue)") }
                                element("td") { status(user, context: context) }
                            }
                        }
                    }
                }
            }
            element("h2") { context.text("client.users.invite.title") }
            element("p") { context.text("client.users.invite.lead") }
            element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", "/klient/uzivatele/pozvat")) {
                CSRF.field(viewer.session)
                Forms.field(label: context.text("client.users.name"), name: "jmeno", value: inviteName, autocomplete: "off",
                            error: errors["jmeno"])
                Forms.field(label: context.text("auth.email"), name: "email", type: "email", value: inviteEmail,
                            autocomplete: "off", error: errors["email"])
                element("button", .type("submit")) { context.text("client.users.invite.submit") }
            }
        }
    }

    static func detail(_ user: User, viewer: Viewer, context: RequestContext, flash: String?) throws -> Node {
        let organizationID = try viewer.organizationID
        let (debtors, assigned) = try context.database.withConnection { connection in
            (
                try DebtorRepository.all(organizationID: organizationID, on: connection),
                Set(try DebtorRepository.assigned(to: user.id, organizationID: organizationID, on: connection).map(\.id))
            )
        }
        return Layout.page(
            title: user.fullName, site: .client, context: context, currentPath: "/klient/uzivatele/\(user.id)",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { user.fullName }
            if let flash, let key = flashKeys[flash] { Forms.notice(context.text(key), kind: "success") }
            element("dl") {
                element("dt") { context.text("auth.email") }
                element("dd") { user.email }
                element("dt") { context.text("client.users.role") }
                element("dd") { context.text("role.\(user.role.rawValue)") }
                element("dt") { context.text("client.users.status") }
                element("dd") { status(user, context: context) }
            }
            if user.role == .subordinate {
                element("h2") { context.text("client.users.assign.title") }
                element("p") { context.text("client.users.assign.lead") }
                if debtors.isEmpty {
                    element("p") { context.text("client.debtors.none") }
                } else {
                    element("form", Attribute("method", "post"), Attribute("action", "/klient/uzivatele/\(user.id)/dluznici")) {
                        CSRF.field(viewer.session)
                        element("fieldset") {
                            element("legend") { context.text("client.nav.debtors") }
                            for debtor in debtors {
                                element("div") {
                                    voidElement("input", attributes: checkbox(debtor: debtor, checked: assigned.contains(debtor.id)))
                                    element("label", Attribute("for", "dluznik-\(debtor.id)")) { debtor.name }
                                }
                            }
                        }
                        element("button", .type("submit")) { context.text("client.users.assign.submit") }
                    }
                }
            }
            if user.id != viewer.user.id {
                element("h2") { context.text("client.users.access.title") }
                element("form", Attribute("method", "post"), Attribute("action", "/klient/uzivatele/\(user.id)/stav")) {
                    CSRF.field(viewer.session)
                    voidElement("input", .type("hidden"), .name("aktivni"), .value(user.active ? "0" : "1"))
                    element("button", .type("submit"), .class(user.active ? "danger" : "")) {
                        context.text(user.active ? "client.users.deactivate" : "client.users.reactivate")
                    }
                }
            }
            element("p") { element("a", .href("/klient/uzivatele")) { context.text("client.users.back") } }
        }
    }

    static func checkbox(debtor: Debtor, checked: Bool) -> [Attribute] {
        var attributes: [Attribute] = [
            .type("checkbox"), .id("dluznik-\(debtor.id)"), .name("dluznik"), .value("\(debtor.id)"),
        ]
        if checked { attributes.append(.flag("checked")) }
        return attributes
    }

    static func status(_ user: User, context: RequestContext) -> String {
        if !user.active { return context.text("client.users.status.inactive") }
        return context.text(user.hasPassword ? "client.users.status.active" : "client.users.status.invited")
    }
}
