import Crypto
import Domain
import Foundation
import Store
import Web

/// The two ways into the debtor portal: the e-mail link followed by a code sent by SMS (or e-mail), and the access
/// code printed in a letter. Route patterns keep the link token out of the request log (`:token`).
enum DebtorSignIn {
    /// Letter codes: ten free failures per client address, then growing delays.
    static let letterCodeThrottle = SignInThrottle(freeAttempts: 10)

    static func register(in router: inout Router<RequestContext>) {
        router.get("/dluznik/vstup/:token") { request, parameters, context in
            try openLink(request, token: parameters["token"] ?? "", resend: false, context: context)
        }
        router.post("/dluznik/vstup/:token/znovu") { request, parameters, context in
            try openLink(request, token: parameters["token"] ?? "", resend: true, context: context)
        }
        router.post("/dluznik/vstup/:token") { request, parameters, context in
            try enterLinkCode(request, token: parameters["token"] ?? "", context: context)
        }
        router.get("/dluznik/prihlaseni") { request, _, context in
            var response = Response()
            let session = try context.application.authenticator.anonymousSession(
                for: request, site: .debtor, context: context, response: &response)
            let signedOut = request.query["zprava"] == "odhlaseno"
            return response.withHTML(letterCodePage(session: session, context: context, signedOut: signedOut))
        }
        router.post("/dluznik/prihlaseni") { request, _, context in
            try enterLetterCode(request, context: context)
        }
        router.post("/dluznik/odhlaseni") { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            try CSRF.check(request, session: debtor.session)
            try context.database.withConnection {
                try SessionRepository.delete(tokenHash: debtor.session.tokenHash, on: $0)
            }
            var response = Response.redirect(to: "/dluznik/prihlaseni?zprava=odhlaseno")
            response.addHeader("Set-Cookie", SessionCookie.clear(site: .debtor, secure: request.isHTTPS))
            return response
        }
    }

    // MARK: - E-mail link and sign-in code

    private static func findAccess(token: String, context: RequestContext) throws -> DebtorAccess? {
        guard !token.isEmpty, token.count <= 64 else { return nil }
        return try context.database.withConnection {
            try DebtorAccessRepository.find(linkHash: Digest.sha256(token), now: context.now, on: $0)
        }
    }

    /// Shows the code form, and sends a code only when asked by the form's button (a POST with the CSRF token).
    ///
    /// Opening the link sends nothing: mail scanners and link previews open links in e-mails, and each opening
    /// would otherwise cost an SMS and use up the debtor's hourly codes.
    private static func openLink(_ request: Request, token: String, resend: Bool, context: RequestContext) throws
        -> Response
    {
        guard let access = try findAccess(token: token, context: context) else {
            return .html(invalidLinkPage(context: context).renderDocument(), status: 404)
        }
        var response = Response()
        let session = try context.application.authenticator.anonymousSession(
            for: request, site: .debtor, context: context, response: &response)
        if resend {
            try CSRF.check(request, session: session)
        }
        let notice: (String, String)
        var codeSent = true
        if resend {
            notice = deliveryNotice(try SignInCodeDelivery.send(access: access, context: context), context: context)
        } else if try SignInCodeDelivery.hasUsableCode(access: access, context: context) {
            notice = (context.text("debtorPortal.code.alreadySent"), "")
        } else {
            notice = (context.text("debtorPortal.code.notSent"), "")
            codeSent = false
        }
        let page = codePage(
            token: token, session: session, notice: notice, error: nil, codeSent: codeSent, context: context)
        return response.withHTML(page)
    }

    private static func deliveryNotice(_ outcome: SignInCodeDelivery.Outcome, context: RequestContext)
        -> (String, String)
    {
        switch outcome {
        case .sms(let lastDigits):
            (context.text("debtorPortal.code.sentSMS", ["digits": lastDigits]), "success")
        case .email:
            (context.text("debtorPortal.code.sentEmail"), "warning")
        case .noContact:
            (context.text("debtorPortal.code.noContact"), "error")
        case .throttled(let seconds):
            (context.text("debtorPortal.code.throttled", ["seconds": "\(seconds)"]), "warning")
        }
    }

    private static func enterLinkCode(_ request: Request, token: String, context: RequestContext) throws -> Response {
        guard let access = try findAccess(token: token, context: context) else {
            return .html(invalidLinkPage(context: context).renderDocument(), status: 404)
        }
        var response = Response()
        let authenticator = context.application.authenticator
        guard let session = try authenticator.session(for: request, site: .debtor, context: context),
            session.userID == nil, (try? CSRF.check(request, session: session)) != nil
        else {
            let fresh = try authenticator.anonymousSession(
                for: request, site: .debtor, context: context, response: &response)
            let page = codePage(
                token: token, session: fresh, notice: nil, error: context.text("auth.error.formExpired"),
                context: context)
            return response.withHTML(page, status: 400)
        }
        let (check, cookieToken) = try SignInCodeDelivery.verify(
            request.form["kod"] ?? "", access: access, previous: session, request: request, context: context)
        if check == .accepted, let cookieToken {
            return DebtorSessions.signedIn(token: cookieToken, request: request)
        }
        let error: String
        switch check {
        case .wrong(let left): error = context.text("debtorPortal.code.wrong", ["left": "\(left)"])
        case .expired: error = context.text("debtorPortal.code.expired")
        case .tooManyAttempts: error = context.text("debtorPortal.code.tooMany")
        case .accepted: error = context.text("debtorPortal.code.expired")
        }
        return response.withHTML(
            codePage(token: token, session: session, notice: nil, error: error, context: context), status: 401)
    }

    // MARK: - Letter access code

    private static func enterLetterCode(_ request: Request, context: RequestContext) throws -> Response {
        var response = Response()
        let authenticator = context.application.authenticator
        guard let session = try authenticator.session(for: request, site: .debtor, context: context),
            session.userID == nil, (try? CSRF.check(request, session: session)) != nil
        else {
            let fresh = try authenticator.anonymousSession(
                for: request, site: .debtor, context: context, response: &response)
            let page = letterCodePage(session: fresh, context: context, error: context.text("auth.error.formExpired"))
            return response.withHTML(page, status: 400)
        }
        let key = "debtor-code:\(request.remoteAddress)"
        let wait = try context.database.withConnection { connection -> TimeInterval in
            guard let state = try ThrottleRepository.state(key: key, on: connection) else { return 0 }
            return letterCodeThrottle.remainingWait(
                failures: state.failures, lastFailure: state.lastFailureAt, now: context.now)
        }
        if wait > 0 {
            let seconds = Int(wait.rounded(.up))
            let error = context.text("auth.error.throttled", ["seconds": "\(seconds)"])
            var throttled = response.withHTML(
                letterCodePage(session: session, context: context, error: error), status: 429)
            throttled.addHeader("Retry-After", "\(seconds)")
            return throttled
        }
        let typed = request.form["kod"] ?? ""
        let token = try context.database.withConnection { connection in
            try connection.transaction { connection -> String? in
                guard
                    let access = try DebtorAccessRepository.find(
                        codeHash: DebtorAccessTokens.codeHash(typed), now: context.now, on: connection)
                else {
                    try ThrottleRepository.recordFailure(
                        key: key, now: context.now, resetAfter: letterCodeThrottle.resetAfter, on: connection)
                    return nil
                }
                try AuditLog.append(
                    AuditEntry(
                        actor: "debtor", action: "debtor_sign_in", subject: "case:\(access.caseID)",
                        detail: "method:letter_code", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                return try DebtorSessions.start(access: access, replacing: session, context: context, on: connection)
            }
        }
        guard let token else {
            let page = letterCodePage(
                session: session, context: context, error: context.text("debtorPortal.letter.invalid"))
            return response.withHTML(page, status: 401)
        }
        return DebtorSessions.signedIn(token: token, request: request)
    }

    // MARK: - Pages

    static func codePage(
        token: String, session: StoredSession, notice: (String, String)?, error: String?, codeSent: Bool = true,
        context: RequestContext
    ) -> Node {
        let action = "/dluznik/vstup/\(token)"
        // Before a code is sent, the page only offers to send one; the code field would have nothing to take.
        let title = context.text(codeSent ? "debtorPortal.code.title" : "debtor.signIn.title")
        return Layout.page(title: title, site: .debtor, context: context, currentPath: action) {
            element("h1") { title }
            if let notice { Forms.notice(notice.0, kind: notice.1) }
            if codeSent {
                element("form", Attribute("method", "post"), Attribute("action", action), .class("stack")) {
                    CSRF.field(session)
                    Forms.field(
                        label: context.text("debtorPortal.code.label"), name: "kod", autocomplete: "one-time-code",
                        error: error, hint: context.text("debtorPortal.code.hint"))
                    element("button", .type("submit")) { context.text("debtorPortal.code.submit") }
                }
                element("p") { context.text("debtorPortal.code.noCode") }
                Forms.postButton(
                    action: action + "/znovu", label: context.text("debtorPortal.code.resend"), session: session,
                    style: "secondary")
            } else {
                Forms.postButton(
                    action: action + "/znovu", label: context.text("debtorPortal.code.send"), session: session)
            }
            element("p") {
                element("a", .href("/dluznik/prihlaseni")) { context.text("debtorPortal.code.useLetter") }
            }
        }
    }

    static func letterCodePage(
        session: StoredSession, context: RequestContext, error: String? = nil, signedOut: Bool = false
    )
        -> Node
    {
        Layout.page(
            title: context.text("debtor.signIn.title"), site: .debtor, context: context,
            currentPath: "/dluznik/prihlaseni"
        ) {
            element("h1") { context.text("debtor.signIn.title") }
            if signedOut { Forms.notice(context.text("debtorPortal.signedOut"), kind: "success") }
            element("p") { context.text("debtor.signIn.link") }
            element("p") { context.text("debtor.signIn.letter") }
            element("form", Attribute("method", "post"), Attribute("action", "/dluznik/prihlaseni"), .class("stack")) {
                CSRF.field(session)
                Forms.field(
                    label: context.text("debtorPortal.letter.label"), name: "kod", autocomplete: "off", error: error,
                    hint: context.text("debtorPortal.letter.hint"))
                element("button", .type("submit")) { context.text("debtorPortal.letter.submit") }
            }
            element("p") { element("a", .href("/caste-dotazy")) { context.text("debtor.signIn.faq") } }
        }
    }

    static func invalidLinkPage(context: RequestContext) -> Node {
        Layout.page(
            title: context.text("debtorPortal.link.invalidTitle"), site: .debtor, context: context,
            currentPath: "/dluznik/prihlaseni"
        ) {
            element("h1") { context.text("debtorPortal.link.invalidTitle") }
            element("p") { context.text("debtorPortal.link.invalid") }
            element("p") {
                element("a", .href("/dluznik/prihlaseni")) { context.text("debtorPortal.code.useLetter") }
            }
        }
    }
}
