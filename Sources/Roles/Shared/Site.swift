/// One role website of the portal, with its URL prefix in development (in production each may be its own host).
public enum Site: String, Sendable, CaseIterable {
    case publicSite
    case client
    case debtor
    case lawyer
    case arbitrator
    case bailiff
    case `operator`
    case api

    public var prefix: String {
        switch self {
        case .publicSite: "/"
        case .client: "/klient/"
        case .debtor: "/dluznik/"
        case .lawyer: "/advokat/"
        case .arbitrator: "/rozhodce/"
        case .bailiff: "/exekutor/"
        case .operator: "/operator/"
        case .api: "/api/v1/"
        }
    }

    /// The site a path belongs to: the one with the longest matching prefix.
    public static func of(path: String) -> Site {
        // Role prefixes do not nest, so the first match is the only one.
        for site in roleSites where path.hasPrefix(site.prefix) || path + "/" == site.prefix {
            return site
        }
        return .publicSite
    }

    private static let roleSites = Site.allCases.filter { $0 != .publicSite }

    /// The sign-in page of a role site; nil for the public site and the API, which have no sign-in page.
    public var signInPath: String? {
        switch self {
        case .publicSite, .api: nil
        default: prefix + "prihlaseni"
        }
    }

    /// Catalog key of the site's name as shown to people ("Portál věřitele").
    public var nameKey: String { "site.\(rawValue)" }
}
