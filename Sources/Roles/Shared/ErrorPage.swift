import Web

/// The error pages (400, 403, 404, 405, 413, 429, 500, 503): a short sentence in the reader's language and a way back.
/// They never show internals such as exception text, SQL or stack traces.
enum ErrorPage {
    /// The error page; `path` decides the site, so a 404 inside the client portal leads back to its overview.
    static func response(status: Int, context: RequestContext, path: String = "/") -> Response {
        let key = knownStatuses.contains(status) ? "error.\(status)" : "error.500"
        let site = Site.of(path: path) == .api ? .publicSite : Site.of(path: path)
        let page = Layout.page(
            title: context.text("\(key).title"), site: site, context: context, currentPath: "/"
        ) {
            element("h1") { context.text("\(key).title") }
            element("p") { context.text("\(key).text") }
            element("p") {
                element("a", .href(site.prefix)) { context.text(site == .publicSite ? "error.home" : "error.siteHome") }
            }
        }
        return .html(page.renderDocument(), status: status)
    }

    static let knownStatuses: Set<Int> = [400, 403, 404, 405, 413, 429, 500, 503]
}
