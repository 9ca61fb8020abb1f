import Domain
import Store
import Web

/// The operator's site at `/operator/`: creditors and partner accounts. Accounts are created with `portal admin`.
enum OperatorSite {
    static func register(in router: inout Router<RequestContext>) {
        PasswordSignIn.register(site: .operator, in: &router)
        router.get("/operator/") { request, _, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .operator, context: context)
            let (organizations, partners) = try context.database.withConnection { connection in
                (try OrganizationRepository.all(on: connection), try UserRepository.allWithoutOrganization(on: connection))
            }
            return .html(page(viewer: viewer, organizations: organizations, partners: partners, context: context).renderDocument())
        }
    }

    static func page(viewer: Viewer, organizations: [Organization], partners: [User], context: RequestContext) -> Node {
        Layout.page(
            title: context.text("site.operator"), site: .operator, context: context, currentPath: "/operator/",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("operator.organizations") }
            element("div", .class("table-scroll")) {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { context.text("operator.name") }
                            element("th") { context.text("client.debtors.ico") }
                            element("th") { context.text("client.users.status") }
                            element("th") { context.text("operator.since") }
                        }
                    }
                    element("tbody") {
                        for organization in organizations {
                            element("tr") {
                                element("td") { organization.name }
                                element("td") { organization.ico }
                                element("td") { context.text(organization.active ? "operator.active" : "operator.inactive") }
                                element("td") { Formatting.date(CalendarDate(organization.createdAt), language: context.language) }
                            }
                        }
                    }
                }
            }
            element("h2") { context.text("operator.partners") }
            element("div", .class("table-scroll")) {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { context.text("operator.name") }
                            element("th") { context.text("client.users.role") }
                            element("th") { context.text("auth.email") }
                            element("th") { context.text("operator.registration") }
                        }
                    }
                    element("tbody") {
                        for partner in partners {
                            element("tr") {
                                element("td") { partner.fullName }
                                element("td") { context.text("role.\(partner.role.rawValue)") }
                                element("td") { partner.email }
                                element("td") {
                                    PartnerSites.registration(of: partner).map(\.1).joined(separator: ", ")
                                }
                            }
                        }
                    }
                }
            }
            element("p", .class("hint")) { context.text("operator.cliHint") }
        }
    }
}
