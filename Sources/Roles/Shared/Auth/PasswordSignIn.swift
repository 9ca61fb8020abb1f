import Crypto
import Domain
import Foundation
import Store
import Web

/// Routes of password sign-in on one role site: sign in, sign out, forgotten password, new password, change.
enum PasswordSignIn {
    /// Validity of a password-reset link.
    static let resetLifetime: TimeInterval = 60 * 60
    /// Validity of an invitation link sent to a new user.
    static let invitationLifetime: TimeInterval = 7 * 24 * 60 * 60
    static let minimumPasswordLength = 10
    static let maximumPasswordLength = 256

    static func register(site: Site, in router: inout Router<RequestContext>) {
        let prefix = site.prefix
        router.get(prefix + "prihlaseni") { request, _, context in
            if try context.application.authenticator.viewer(for: request, site: site, context: context) != nil {
                return .redirect(to: prefix)
            }
            var response = Response()
            let session = try context.application.authenticator.anonymousSession(
                for: request, site: site, context: context, response: &response)
            let page = SignInPage.signIn(site: site, session: session, context: context, flash: request.query["zprava"])
            return response.withHTML(page)
        }
        router.post(prefix + "prihlaseni") { request, _, context in
            try SignInAttempt(request: request, site: site, context: context).respond()
        }
        router.post(prefix + "odhlaseni") { request, _, context in
            try signOut(request, site: site, context: context)
        }
        router.get(prefix + "zapomenute-heslo") { request, _, context in
            var response = Response()
            let session = try context.application.authenticator.anonymousSession(
                for: request, site: site, context: context, response: &response)
            return response.withHTML(SignInPage.forgotten(site: site, session: session, context: context))
        }
        router.post(prefix + "zapomenute-heslo") { request, _, context in
            try PasswordReset.request(request, site: site, context: context)
        }
        router.get(prefix + "nove-heslo") { request, _, context in
            try PasswordReset.showForm(request, site: site, context: context)
        }
        router.post(prefix + "nove-heslo") { request, _, context in
            try PasswordReset.complete(request, site: site, context: context)
        }
        router.get(prefix + "heslo") { request, _, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: site, context: context)
            let page = SignInPage.changePassword(viewer: viewer, context: context, done: request.query["hotovo"] == "1")
            return .html(page.renderDocument())
        }
        router.post(prefix + "heslo") { request, _, context in
            try PasswordChange.respond(request, site: site, context: context)
        }
    }

    static func signOut(_ request: Request, site: Site, context: RequestContext) throws -> Response {
        var response = Response.redirect(to: site.prefix + "prihlaseni?zprava=odhlaseno")
        response.addHeader("Set-Cookie", SessionCookie.clear(site: site, secure: request.isHTTPS))
        guard let session = try context.application.authenticator.session(for: request, site: site, context: context)
        else { return response }
        try CSRF.check(request, session: session)
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                try SessionRepository.delete(tokenHash: session.tokenHash, on: connection)
                if let userID = session.userID {
                    try AuditLog.append(
                        AuditEntry(actor: "user:\(userID)", action: "sign_out", subject: "site:\(site.rawValue)",
                                   clientAddress: request.remoteAddress),
                        at: context.now, on: connection)
                }
            }
        }
        return response
    }

    /// A Czech (or English) sentence naming what is wrong with a new password, or nil when it is acceptable.
    static func passwordProblem(_ password: String, repeated: String, context: RequestContext) -> String? {
        if password.count < minimumPasswordLength || password.count > maximumPasswordLength {
            return context.text("auth.password.rule")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return context.text("auth.password.control")
        }
        if password != repeated { return context.text("auth.password.mismatch") }
        return nil
    }

    static func normalizedEmail(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

extension Response {
    /// This response (with any cookies already added) carrying an HTML page.
    func withHTML(_ page: Node, status: Int = 200) -> Response {
        var response = self
        response.status = status
        response.headers.append(("Content-Type", "text/html; charset=utf-8"))
        response.body = page.renderDocument()
        return response
    }
}
