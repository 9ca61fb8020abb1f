import Domain
import Store
import Web

/// The sites of partners: lawyer (`/advokat/`), arbitrator (`/rozhodce/`) and bailiff (`/exekutor/`).
/// For now each shows the partner's registration and the work waiting for them.
enum PartnerSites {
    static func register(in router: inout Router<RequestContext>) {
        PasswordSignIn.register(site: .lawyer, in: &router)
        LawyerWork.register(in: &router)
        for site in [Site.arbitrator, .bailiff] {
            PasswordSignIn.register(site: site, in: &router)
            router.get(site.prefix) { request, _, context in
                let viewer = try context.application.authenticator.requireViewer(request, site: site, context: context)
                return .html(home(viewer: viewer, context: context).renderDocument())
            }
        }
    }

    static func home(viewer: Viewer, context: RequestContext) -> Node {
        let site = viewer.site
        return Layout.page(
            title: context.text(site.nameKey), site: site, context: context, currentPath: site.prefix,
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text(site.nameKey) }
            element("dl") {
                element("dt") { context.text("client.users.name") }
                element("dd") { viewer.user.fullName }
                for (key, value) in registration(of: viewer.user) {
                    element("dt") { context.text(key) }
                    element("dd") { value }
                }
            }
            element("h2") { context.text("partner.\(site.rawValue).work") }
            element("p") { context.text("partner.\(site.rawValue).empty") }
        }
    }

    static func registration(of user: User) -> [(String, String)] {
        let details = user.partner
        return [
            ("partner.cakNumber", details.cakNumber), ("partner.bailiffOffice", details.bailiffOffice),
            ("partner.bailiffRegion", details.bailiffRegion), ("partner.arbitratorRegistration", details.arbitratorRegistration),
        ].compactMap { key, value in value.map { (key, $0) } }
    }
}
