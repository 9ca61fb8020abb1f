import Domain
import Store
import Web

/// The creditor's site at `/klient/`: overview, debtors, and (for the client admin) user management.
enum ClientSite {
    static func register(in router: inout Router<RequestContext>) {
        PasswordSignIn.register(site: .client, in: &router)
        router.get("/klient/") { request, _, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .client, context: context)
            return .html(try ClientOverview.page(viewer: viewer, context: context).renderDocument())
        }
        ClientDebtors.register(in: &router)
        ClientUsers.register(in: &router)
        ClientMessages.register(in: &router)
        ClientCases.register(in: &router)
        ClientApprovals.register(in: &router)
        ClientPowers.register(in: &router)
        ClientTemplates.register(in: &router)
        ClientStamp.register(in: &router)
        ClientImports.register(in: &router)
        ClientReceivables.register(in: &router)
        ClientAPIKeys.register(in: &router)
        ClientBankStatements.register(in: &router)
    }

    /// The signed-in client user, or 403 when the user may not take `action` for its creditor.
    static func require(_ action: CreditorAction, _ request: Request, context: RequestContext) throws -> Viewer {
        let viewer = try context.application.authenticator.requireViewer(request, site: .client, context: context)
        guard Permissions.allows(viewer.user.role, action, isOwnCreditor: viewer.user.organizationID != nil) else {
            throw HTTPError.forbidden
        }
        return viewer
    }
}

/// The overview page: the creditor, its debtors and users.
enum ClientOverview {
    static func page(viewer: Viewer, context: RequestContext) throws -> Node {
        let organizationID = try viewer.organizationID
        let (organization, debtorCount, userCount) = try context.database.withConnection { connection in
            (
                try OrganizationRepository.find(id: organizationID, on: connection),
                viewer.user.role == .subordinate
                    ? try DebtorRepository.assigned(to: viewer.user.id, organizationID: organizationID, on: connection).count
                    : try DebtorRepository.all(organizationID: organizationID, on: connection).count,
                try UserRepository.all(organizationID: organizationID, on: connection).count
            )
        }
        guard let organization else { throw HTTPError.notFound }
        return Layout.page(
            title: context.text("client.overview.title"), site: .client, context: context, currentPath: "/klient/",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { organization.name }
            element("p") { context.text("client.overview.ico", ["ico": organization.ico]) }
            element("section", .class("cards")) {
                element("article", .class("card")) {
                    element("h2") { context.text("client.nav.debtors") }
                    element("p", .class("amount")) { "\(debtorCount)" }
                    element("a", .href("/klient/dluznici")) { context.text("client.overview.debtorsLink") }
                }
                if viewer.user.role == .clientAdmin {
                    element("article", .class("card")) {
                        element("h2") { context.text("client.nav.users") }
                        element("p", .class("amount")) { "\(userCount)" }
                        element("a", .href("/klient/uzivatele")) { context.text("client.overview.usersLink") }
                    }
                }
            }
            if viewer.user.role == .subordinate {
                Forms.notice(context.text("client.overview.subordinateNote"))
            }
        }
    }
}
