import Domain
import Store
import Web

/// The frame of every HTML page: head, header with the site's navigation and language switch, main, footer.
enum Layout {
    struct NavigationLink {
        let titleKey: String
        let path: String
    }

    static func page(
        title: String, site: Site, context: RequestContext, currentPath: String,
        navigation: [NavigationLink] = [], viewer: Viewer? = nil, @HTMLBuilder content: () -> [Node]
    ) -> Node {
        let language = context.language
        let other: Language = language == .cs ? .en : .cs
        return element("html", .lang(language.rawValue)) {
            element("head") {
                voidElement("meta", Attribute("charset", "utf-8"))
                voidElement("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                element("title") { "\(title) – Kolektor" }
                voidElement("link", Attribute("rel", "stylesheet"), .href("/static/kolektor.css"))
            }
            element("body") {
                element("a", .class("skip"), .href("#obsah")) { context.text("layout.skip") }
                element("header", .class("site-header")) {
                    element("a", .class("brand"), .href(site.prefix)) {
                        "Kolektor"
                        if site != .publicSite {
                            element("span", .class("site-name")) { context.text(site.nameKey) }
                        }
                    }
                    element("nav", Attribute("aria-label", context.text("layout.navigation"))) {
                        element("ul") {
                            for link in navigation {
                                element("li") {
                                    element("a", .href(link.path)) { context.text(link.titleKey) }
                                }
                            }
                            if let viewer {
                                element("li") {
                                    element("a", .href(site.prefix + "heslo")) { context.text("layout.password") }
                                }
                                element("li") {
                                    Forms.postButton(
                                        action: site.prefix + "odhlaseni", label: context.text("layout.signOut"),
                                        session: viewer.session, style: "secondary")
                                }
                            }
                            element("li") {
                                element(
                                    "a", .href(LanguageSwitch.link(to: other, returningTo: currentPath)),
                                    .lang(other.rawValue), Attribute("hreflang", other.rawValue)
                                ) { context.text("layout.switchLanguage") }
                            }
                        }
                    }
                }
                element("main", .id("obsah")) {
                    if let viewer {
                        element("p", .class("hint")) {
                            context.text("layout.signedInAs", ["name": viewer.user.fullName])
                        }
                    }
                    content()
                }
                element("footer", .class("site-footer")) {
                    element("p") { context.text("layout.footer") }
                }
            }
        }
    }
}
