import Crypto
import Domain
import Foundation
import Store
import Web

/// One POST of the sign-in form: CSRF, throttling, password check, and on success a fresh session.
///
/// Every failure shows the same sentence whether or not the account exists, and an unknown account is checked
/// against a dummy hash so that it takes as long as a wrong password.
struct SignInAttempt {
    let request: Request
    let site: Site
    let context: RequestContext

    var authenticator: Authenticator { context.application.authenticator }

    func respond() throws -> Response {
        let email = PasswordSignIn.normalizedEmail(request.form["email"])
        let password = request.form["heslo"] ?? ""

        var response = Response()
        guard let session = try authenticator.session(for: request, site: site, context: context),
            session.userID == nil, (try? CSRF.check(request, session: session)) != nil
        else {
            // The form's anonymous session expired or the form did not come from us: show a fresh form.
            let fresh = try authenticator.anonymousSession(for: request, site: site, context: context, response: &response)
            let page = SignInPage.signIn(
                site: site, session: fresh, context: context, email: email, error: context.text("auth.error.formExpired"))
            return response.withHTML(page, status: 400)
        }

        let accountKey = "account:\(email)"
        let addressKey = "address:\(request.remoteAddress)"
        let wait = try context.database.withConnection { connection in
            try max(
                remainingWait(key: accountKey, throttle: .account, on: connection),
                remainingWait(key: addressKey, throttle: .address, on: connection))
        }
        if wait > 0 {
            let seconds = Int(wait.rounded(.up))
            let error = context.text("auth.error.throttled", ["seconds": "\(seconds)"])
            var throttled = response.withHTML(
                SignInPage.signIn(site: site, session: session, context: context, email: email, error: error), status: 429)
            throttled.addHeader("Retry-After", "\(seconds)")
            return throttled
        }

        let user = try context.database.withConnection { try UserRepository.find(email: email, on: $0) }
        let storedHash = try user.map { user in
            try context.database.withConnection { try UserRepository.passwordHash(userID: user.id, on: $0) }
        } ?? nil
        let outcome: PasswordHasher.Outcome
        do {
            outcome = try authenticator.hasher.verify(password, against: storedHash ?? authenticator.dummyHash)
        } catch is PasswordHasher.BusyError {
            let page = SignInPage.signIn(
                site: site, session: session, context: context, email: email, error: context.text("auth.error.busy"))
            var busy = response.withHTML(page, status: 503)
            busy.addHeader("Retry-After", "2")
            return busy
        }

        guard let user, storedHash != nil, user.active, site.admittedRoles.contains(user.role), outcome != .mismatch
        else {
            try recordFailure(accountKey: accountKey, addressKey: addressKey, userID: user?.id)
            let page = SignInPage.signIn(
                site: site, session: session, context: context, email: email, error: context.text("auth.error.invalid"))
            return response.withHTML(page, status: 401)
        }
        return try succeed(user: user, session: session, outcome: outcome)
    }

    private func remainingWait(key: String, throttle: SignInThrottle, on connection: Connection) throws -> TimeInterval {
        guard let state = try ThrottleRepository.state(key: key, on: connection) else { return 0 }
        return throttle.remainingWait(failures: state.failures, lastFailure: state.lastFailureAt, now: context.now)
    }

    private func recordFailure(accountKey: String, addressKey: String, userID: Int64?) throws {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                try ThrottleRepository.recordFailure(
                    key: accountKey, now: context.now, resetAfter: SignInThrottle.account.resetAfter, on: connection)
                try ThrottleRepository.recordFailure(
                    key: addressKey, now: context.now, resetAfter: SignInThrottle.address.resetAfter, on: connection)
                // The attempted e-mail is not recorded: it may be a mistyped password or someone else's address.
                try AuditLog.append(
                    AuditEntry(
                        actor: "anonymous", action: "sign_in_failed",
                        subject: userID.map { "user:\($0)" } ?? "unknown_account", detail: "site:\(site.rawValue)",
                        clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
    }

    private func succeed(user: User, session: StoredSession, outcome: PasswordHasher.Outcome) throws -> Response {
        let token = try context.database.withConnection { connection in
            try connection.transaction { connection in
                if case .matchNeedsRehash(let upgraded) = outcome {
                    try UserRepository.setPasswordHash(upgraded, userID: user.id, at: context.now, on: connection)
                }
                try ThrottleRepository.clear(key: "account:\(user.email)", on: connection)
                try AuditLog.append(
                    AuditEntry(
                        actor: "user:\(user.id)", action: "sign_in", subject: "site:\(site.rawValue)",
                        detail: outcome == .match ? "" : "password_rehashed", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                return try authenticator.startSignedInSession(
                    userID: user.id, site: site, replacing: session, now: context.now, on: connection)
            }
        }
        var response = Response.redirect(to: site.prefix)
        response.addHeader("Set-Cookie", SessionCookie.set(token, site: site, secure: request.isHTTPS))
        return response
    }
}
