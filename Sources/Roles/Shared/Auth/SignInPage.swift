import Store
import Web

/// The pages of password sign-in: the sign-in form, forgotten password, new password and password change.
enum SignInPage {
    /// Messages shown after a redirect, chosen by the `zprava` query value; unknown values show nothing.
    static let flashKeys: [String: (key: String, kind: String)] = [
        "odhlaseno": ("auth.flash.signedOut", "success"),
        "heslo-nastaveno": ("auth.flash.passwordSet", "success"),
        "vyprselo": ("auth.flash.expired", ""),
    ]

    static func signIn(
        site: Site, session: StoredSession, context: RequestContext, email: String = "", error: String? = nil,
        flash: String? = nil
    ) -> Node {
        let title = context.text("auth.signIn.title", ["site": context.text(site.nameKey)])
        return Layout.page(title: title, site: site, context: context, currentPath: site.prefix + "prihlaseni") {
            element("h1") { title }
            if let flash, let message = flashKeys[flash] {
                Forms.notice(context.text(message.key), kind: message.kind)
            }
            if let error { Forms.notice(error, kind: "error") }
            element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", site.prefix + "prihlaseni")) {
                CSRF.field(session)
                Forms.field(label: context.text("auth.email"), name: "email", type: "email", value: email, autocomplete: "username")
                Forms.field(label: context.text("auth.password"), name: "heslo", type: "password", autocomplete: "current-password")
                element("button", .type("submit")) { context.text("auth.signIn.submit") }
            }
            element("p") {
                element("a", .href(site.prefix + "zapomenute-heslo")) { context.text("auth.forgotten.link") }
            }
        }
    }

    static func forgotten(site: Site, session: StoredSession, context: RequestContext, sent: Bool = false) -> Node {
        let title = context.text("auth.forgotten.title")
        return Layout.page(title: title, site: site, context: context, currentPath: site.prefix + "zapomenute-heslo") {
            element("h1") { title }
            if sent {
                Forms.notice(context.text("auth.forgotten.sent"), kind: "success")
            } else {
                element("p") { context.text("auth.forgotten.lead") }
                element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", site.prefix + "zapomenute-heslo")) {
                    CSRF.field(session)
                    Forms.field(label: context.text("auth.email"), name: "email", type: "email", autocomplete: "username")
                    element("button", .type("submit")) { context.text("auth.forgotten.submit") }
                }
            }
            element("p") { element("a", .href(site.prefix + "prihlaseni")) { context.text("auth.backToSignIn") } }
        }
    }

    static func newPassword(
        site: Site, session: StoredSession, token: String, context: RequestContext, error: String? = nil
    ) -> Node {
        let title = context.text("auth.newPassword.title")
        return Layout.page(title: title, site: site, context: context, currentPath: site.prefix + "prihlaseni") {
            element("h1") { title }
            if let error { Forms.notice(error, kind: "error") }
            element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", site.prefix + "nove-heslo")) {
                CSRF.field(session)
                Forms.field(
                    label: context.text("auth.newPassword.token"), name: "token", value: token, autocomplete: "off",
                    hint: context.text("auth.newPassword.tokenHint"))
                Forms.field(
                    label: context.text("auth.newPassword.password"), name: "heslo", type: "password",
                    autocomplete: "new-password", hint: context.text("auth.password.rule"))
                Forms.field(
                    label: context.text("auth.newPassword.again"), name: "heslo2", type: "password",
                    autocomplete: "new-password")
                element("button", .type("submit")) { context.text("auth.newPassword.submit") }
            }
            element("script", Attribute("src", "/static/token-fragment.js"), .flag("defer"))
        }
    }

    static func invalidToken(site: Site, context: RequestContext) -> Node {
        let title = context.text("auth.token.invalid.title")
        return Layout.page(title: title, site: site, context: context, currentPath: site.prefix + "prihlaseni") {
            element("h1") { title }
            element("p") { context.text("auth.token.invalid.text") }
            element("p") {
                element("a", .href(site.prefix + "zapomenute-heslo")) { context.text("auth.forgotten.link") }
            }
        }
    }

    static func changePassword(
        viewer: Viewer, context: RequestContext, error: String? = nil, done: Bool = false
    ) -> Node {
        let title = context.text("auth.change.title")
        return Layout.page(
            title: title, site: viewer.site, context: context, currentPath: viewer.site.prefix + "heslo",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { title }
            if done { Forms.notice(context.text("auth.change.done"), kind: "success") }
            if let error { Forms.notice(error, kind: "error") }
            element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", viewer.site.prefix + "heslo")) {
                CSRF.field(viewer.session)
                Forms.field(
                    label: context.text("auth.change.current"), name: "soucasne", type: "password",
                    autocomplete: "current-password")
                Forms.field(
                    label: context.text("auth.newPassword.password"), name: "heslo", type: "password",
                    autocomplete: "new-password", hint: context.text("auth.password.rule"))
                Forms.field(
                    label: context.text("auth.newPassword.again"), name: "heslo2", type: "password",
                    autocomplete: "new-password")
                element("button", .type("submit")) { context.text("auth.change.submit") }
            }
        }
    }
}
