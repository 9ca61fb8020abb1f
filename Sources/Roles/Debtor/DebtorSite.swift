import Web

/// The debtor's site at `/dluznik/`. Debtors have no password: they arrive by the personal link from an e-mail
/// or enter the access code from a letter. Until that sign-in exists, the page explains how access works.
enum DebtorSite {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/dluznik/prihlaseni") { request, _, context in
            .html(signIn(context: context).renderDocument())
        }
        router.get("/dluznik/") { _, _, _ in
            .redirect(to: "/dluznik/prihlaseni")
        }
    }

    static func signIn(context: RequestContext) -> Node {
        Layout.page(
            title: context.text("debtor.signIn.title"), site: .debtor, context: context, currentPath: "/dluznik/prihlaseni"
        ) {
            element("h1") { context.text("debtor.signIn.title") }
            element("p") { context.text("debtor.signIn.link") }
            element("p") { context.text("debtor.signIn.letter") }
            element("p") { element("a", .href("/caste-dotazy")) { context.text("debtor.signIn.faq") } }
        }
    }
}
