import Web

/// The pages of the public site, built from the catalog in the reader's language.
enum PublicPages {
    static func home(context: RequestContext, path: String) -> Node {
        Layout.page(
            title: context.text("home.title"), site: .publicSite, context: context, currentPath: path,
            navigation: PublicSite.navigation
        ) {
            element("section", .class("hero")) {
                element("h1") { context.text("home.heading") }
                element("p", .class("lead")) { context.text("home.lead") }
                element("p") {
                    element("a", .class("button"), .href("/jak-system-funguje")) { context.text("home.howLink") }
                }
            }
            element("section", .class("cards")) {
                for key in ["import", "steps", "portals", "law"] {
                    element("article", .class("card")) {
                        element("h2") { context.text("home.card.\(key).title") }
                        element("p") { context.text("home.card.\(key).text") }
                    }
                }
            }
            element("section") {
                element("h2") { context.text("home.signIn.heading") }
                signInList(context: context)
            }
        }
    }

    static func howItWorks(context: RequestContext, path: String) -> Node {
        Layout.page(
            title: context.text("how.title"), site: .publicSite, context: context, currentPath: path,
            navigation: PublicSite.navigation
        ) {
            element("h1") { context.text("how.title") }
            element("p", .class("lead")) { context.text("how.lead") }
            element("ol", .class("steps")) {
                for step in 1...howStepCount {
                    element("li") {
                        element("h2") { context.text("how.step\(step).title") }
                        element("p") { context.text("how.step\(step).text") }
                    }
                }
            }
            element("p") { context.text("how.closing") }
        }
    }

    static func faq(context: RequestContext, path: String) -> Node {
        Layout.page(
            title: context.text("faq.title"), site: .publicSite, context: context, currentPath: path,
            navigation: PublicSite.navigation
        ) {
            element("h1") { context.text("faq.title") }
            for question in 1...faqCount {
                element("details", .class("faq")) {
                    element("summary") { context.text("faq.q\(question)") }
                    element("p") { context.text("faq.a\(question)") }
                }
            }
        }
    }

    static func signInIndex(context: RequestContext, path: String) -> Node {
        Layout.page(
            title: context.text("signInIndex.title"), site: .publicSite, context: context, currentPath: path,
            navigation: PublicSite.navigation
        ) {
            element("h1") { context.text("signInIndex.title") }
            element("p") { context.text("signInIndex.lead") }
            signInList(context: context)
        }
    }

    /// Links to the sign-in page of every role site, each with a line on who it is for.
    static func signInList(context: RequestContext) -> Node {
        element("ul", .class("sign-in-list")) {
            for site in Site.allCases {
                if let signIn = site.signInPath {
                    element("li") {
                        element("a", .href(signIn)) { context.text(site.nameKey) }
                        " – "
                        context.text("signInIndex.\(site.rawValue)")
                    }
                }
            }
        }
    }

    static let howStepCount = 7
    static let faqCount = 8
}
