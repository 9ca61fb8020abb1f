import Domain
import Store

/// The navigation links of a signed-in user's site.
enum SiteNavigation {
    static func links(for viewer: Viewer) -> [Layout.NavigationLink] {
        let prefix = viewer.site.prefix
        switch viewer.site {
        case .client:
            var links: [Layout.NavigationLink] = [
                .init(titleKey: "client.nav.overview", path: prefix),
                .init(titleKey: "client.nav.cases", path: prefix + "spisy"),
                .init(titleKey: "client.nav.debtors", path: prefix + "dluznici"),
            ]
            if viewer.user.role == .clientAdmin {
                links.append(.init(titleKey: "client.nav.approvals", path: prefix + "ke-schvaleni"))
                links.append(.init(titleKey: "client.nav.powers", path: prefix + "plne-moci"))
                links.append(.init(titleKey: "client.nav.templates", path: prefix + "sablony"))
                links.append(.init(titleKey: "client.nav.receivables", path: prefix + "pohledavky"))
                links.append(.init(titleKey: "client.nav.imports", path: prefix + "importy"))
                links.append(.init(titleKey: "client.nav.statements", path: prefix + "vypisy"))
                links.append(.init(titleKey: "client.nav.messages", path: prefix + "zpravy"))
                links.append(.init(titleKey: "client.nav.users", path: prefix + "uzivatele"))
                links.append(.init(titleKey: "client.nav.apiKeys", path: prefix + "api-klice"))
                links.append(.init(titleKey: "client.nav.stamp", path: prefix + "razitko"))
            }
            return links
        case .operator:
            return [
                .init(titleKey: "partner.nav.overview", path: prefix),
                .init(titleKey: "operatorMisuse.title", path: prefix + "zneuziti"),
            ]
        case .lawyer, .arbitrator, .bailiff:
            return [.init(titleKey: "partner.nav.overview", path: prefix)]
        case .publicSite, .debtor, .api:
            return []
        }
    }
}
