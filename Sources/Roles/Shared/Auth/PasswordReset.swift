import Crypto
import Domain
import Foundation
import Store
import Web

/// "Zapomněli jste heslo?": an e-mailed single-use link (valid one hour) to a form that sets a new password.
/// Invitations of new users use the same link and form with a longer validity.
enum PasswordReset {
    /// At most this many reset e-mails per account an hour, so the form cannot flood someone's mailbox.
    static let requestsPerHour = 3

    static func request(_ request: Request, site: Site, context: RequestContext) throws -> Response {
        let authenticator = context.application.authenticator
        guard let session = try authenticator.session(for: request, site: site, context: context),
            session.userID == nil, (try? CSRF.check(request, session: session)) != nil
        else { return .redirect(to: site.prefix + "zapomenute-heslo") }

        let email = PasswordSignIn.normalizedEmail(request.form["email"])
        guard email.count <= 254 else {
            return .html(SignInPage.forgotten(site: site, session: session, context: context, sent: true).renderDocument())
        }
        do {
            try queueResetMail(email: email, request: request, site: site, context: context)
        } catch let error as StoreError where error.sqlState == "55P03" {
            // A parallel request for the same e-mail holds its counter: this one sends nothing.
        }
        // The same page whether or not the account exists.
        return .html(SignInPage.forgotten(site: site, session: session, context: context, sent: true).renderDocument())
    }

    /// Counts the request and, within the hourly limit, queues a reset e-mail for an active account of this site.
    /// The counter row stays locked until commit, so parallel requests cannot all pass the limit.
    private static func queueResetMail(email: String, request: Request, site: Site, context: RequestContext) throws {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                let throttleKey = "reset:" + Digest.sha256(email).hexString
                try ThrottleRepository.lock(keys: [throttleKey], on: connection)
                let recent = try ThrottleRepository.state(key: throttleKey, on: connection)
                let withinHour = recent.map { context.now.timeIntervalSince($0.lastFailureAt) < 3600 } ?? false
                if withinHour, let recent, recent.failures >= requestsPerHour { return }
                try ThrottleRepository.recordFailure(key: throttleKey, now: context.now, resetAfter: 3600, on: connection)

                guard let user = try UserRepository.find(email: email, on: connection), user.active,
                    user.hasPassword, site.admittedRoles.contains(user.role)
                else { return }
                // Only the newest link works.
                try PasswordResetRepository.invalidateAll(userID: user.id, now: context.now, on: connection)
                let token = SecureRandom.token()
                try PasswordResetRepository.insert(
                    tokenHash: Digest.sha256(token), userID: user.id, purpose: .reset, now: context.now,
                    expiresAt: context.now.addingTimeInterval(PasswordSignIn.resetLifetime), on: connection)
                let link = PasswordReset.link(baseURL: context.application.settings.baseURL, site: site, token: token)
                let message = AccountMail.reset(link: link, name: user.fullName, language: user.language)
                try MailQueue.enqueue(
                    .passwordReset, message, to: user.email, language: user.language,
                    organizationID: user.organizationID, now: context.now, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: "user:\(user.id)", action: "password_reset_requested",
                               subject: "site:\(site.rawValue)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
    }

    /// The link to the new-password form. The token travels in the fragment, which browsers never send to a
    /// server, so no access or error log can record it; a script on the page moves it into the form.
    static func link(baseURL: String, site: Site, token: String) -> String {
        baseURL + site.prefix + "nove-heslo#token=" + token
    }

    static func showForm(_ request: Request, site: Site, context: RequestContext) throws -> Response {
        var response = Response()
        let session = try context.application.authenticator.anonymousSession(
            for: request, site: site, context: context, response: &response)
        return response.withHTML(SignInPage.newPassword(site: site, session: session, token: "", context: context))
    }

    static func complete(_ request: Request, site: Site, context: RequestContext) throws -> Response {
        let authenticator = context.application.authenticator
        let form = request.form
        let token = form["token"] ?? ""
        guard let session = try authenticator.session(for: request, site: site, context: context),
            session.userID == nil, (try? CSRF.check(request, session: session)) != nil
        else { return .redirect(to: site.prefix + "prihlaseni?zprava=vyprselo") }

        let password = form["heslo"] ?? ""
        if let problem = PasswordSignIn.passwordProblem(password, repeated: form["heslo2"] ?? "", context: context) {
            let page = SignInPage.newPassword(site: site, session: session, token: token, context: context, error: problem)
            return .html(page.renderDocument(), status: 422)
        }
        let hash: String
        do {
            hash = try authenticator.hasher.hash(password)
        } catch is PasswordHasher.BusyError {
            let page = SignInPage.newPassword(
                site: site, session: session, token: token, context: context, error: context.text("auth.error.busy"))
            return .html(page.renderDocument(), status: 503)
        }

        let changed = try context.database.withConnection { connection in
            try connection.transaction { connection -> Bool in
                // The site is checked before the token is used up, so a link opened on the wrong site stays valid.
                guard let owner = try PasswordResetRepository.findValid(tokenHash: Digest.sha256(token), now: context.now, on: connection),
                    let user = try UserRepository.find(id: owner, on: connection), user.active,
                    site.admittedRoles.contains(user.role),
                    let (userID, purpose) = try PasswordResetRepository.consume(
                        tokenHash: Digest.sha256(token), now: context.now, on: connection)
                else { return false }
                try UserRepository.setPasswordHash(hash, userID: userID, at: context.now, on: connection)
                try PasswordResetRepository.invalidateAll(userID: userID, now: context.now, on: connection)
                try SessionRepository.deleteAll(userID: userID, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: "user:\(userID)",
                               action: purpose == .invitation ? "invitation_accepted" : "password_reset",
                               subject: "site:\(site.rawValue)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                return true
            }
        }
        guard changed else {
            return .html(SignInPage.invalidToken(site: site, context: context).renderDocument(), status: 404)
        }
        return .redirect(to: site.prefix + "prihlaseni?zprava=heslo-nastaveno")
    }
}

/// Password change by a signed-in user: the current password, then the new one twice.
enum PasswordChange {
    static func respond(_ request: Request, site: Site, context: RequestContext) throws -> Response {
        let authenticator = context.application.authenticator
        let viewer = try authenticator.requireViewer(request, site: site, context: context)
        try CSRF.check(request, session: viewer.session)
        let form = request.form
        let password = form["heslo"] ?? ""
        if let problem = PasswordSignIn.passwordProblem(password, repeated: form["heslo2"] ?? "", context: context) {
            return .html(SignInPage.changePassword(viewer: viewer, context: context, error: problem).renderDocument(), status: 422)
        }
        let stored = try context.database.withConnection { try UserRepository.passwordHash(userID: viewer.user.id, on: $0) }
        // Wrong current passwords count against the account like failed sign-ins, so a stolen session cannot be
        // used to guess the password.
        let key = SignInAttempt.ThrottleKeys(email: viewer.user.email, address: request.remoteAddress).account
        let wait = try context.database.withConnection { connection -> TimeInterval in
            guard let state = try ThrottleRepository.state(key: key, on: connection) else { return 0 }
            return SignInThrottle.account.remainingWait(failures: state.failures, lastFailure: state.lastFailureAt, now: context.now)
        }
        if wait > 0 {
            let error = context.text("auth.error.throttled", ["seconds": "\(Int(wait.rounded(.up)))"])
            return .html(SignInPage.changePassword(viewer: viewer, context: context, error: error).renderDocument(), status: 429)
        }
        let newHash: String
        do {
            guard let stored, try authenticator.hasher.verify(form["soucasne"] ?? "", against: stored) != .mismatch else {
                try context.database.withConnection { connection in
                    try ThrottleRepository.recordFailure(
                        key: key, now: context.now, resetAfter: SignInThrottle.account.resetAfter, on: connection)
                }
                let page = SignInPage.changePassword(
                    viewer: viewer, context: context, error: context.text("auth.change.wrongCurrent"))
                return .html(page.renderDocument(), status: 422)
            }
            newHash = try authenticator.hasher.hash(password)
        } catch is PasswordHasher.BusyError {
            let page = SignInPage.changePassword(viewer: viewer, context: context, error: context.text("auth.error.busy"))
            return .html(page.renderDocument(), status: 503)
        }
        // Other sessions of the user end; this one is replaced by a fresh session.
        let token = try context.database.withConnection { connection in
            try connection.transaction { connection in
                try UserRepository.setPasswordHash(newHash, userID: viewer.user.id, at: context.now, on: connection)
                try SessionRepository.deleteAll(userID: viewer.user.id, on: connection)
                try PasswordResetRepository.invalidateAll(userID: viewer.user.id, now: context.now, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: "password_changed", subject: "site:\(site.rawValue)",
                               clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                return try authenticator.startSignedInSession(
                    userID: viewer.user.id, site: site, replacing: nil, now: context.now, on: connection)
            }
        }
        var response = Response.redirect(to: site.prefix + "heslo?hotovo=1")
        response.addHeader("Set-Cookie", SessionCookie.set(token, site: site, secure: request.isHTTPS))
        return response
    }
}
