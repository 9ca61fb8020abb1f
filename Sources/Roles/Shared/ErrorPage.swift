import Web

/// The error pages (400, 403, 404, 405, 413, 429, 500, 503): a short sentence in the reader's language and a way back.
/// They never show internals such as exception text, SQL or stack traces.
enum ErrorPage {
    static func response(status: Int, context: RequestContext) -> Response {
        let key = knownStatuses.contains(status) ? "error.\(status)" : "error.500"
        let page = Layout.page(
            title: context.text("\(key).title"), site: .publicSite, context: context, currentPath: "/"
        ) {
            element("h1") { context.text("\(key).title") }
            element("p") { context.text("\(key).text") }
            element("p") { element("a", .href("/")) { context.text("error.home") } }
        }
        return .html(page.renderDocument(), status: status)
    }

    static let knownStatuses: Set<Int> = [400, 403, 404, 405, 413, 429, 500, 503]
}
