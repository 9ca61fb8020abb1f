import Crypto
import Domain
import Foundation
import Store
import Web

/// One POST of the sign-in form: CSRF, throttling, password check, and on success a fresh session.
///
/// Every failure shows the same sentence whether or not the account exists, and an unknown account is checked
/// against a dummy hash so that it takes as long as a wrong password. The throttle rows of the account and the
/// client address stay locked from the check until the failure is recorded, so parallel attempts cannot all pass
/// the check before any of them counts; an attempt that finds them locked is answered "too many attempts".
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
        func page(_ error: String, status: Int, retryAfter: Int? = nil) -> Response {
            let shownEmail = email.count <= 254 ? email : ""
            var answer = response.withHTML(
                SignInPage.signIn(site: site, session: session, context: context, email: shownEmail, error: error),
                status: status)
            if let retryAfter { answer.addHeader("Retry-After", "\(retryAfter)") }
            return answer
        }

        let keys = ThrottleKeys(email: email, address: request.remoteAddress)
        let outcome: Outcome
        do {
            outcome = try context.database.withConnection { connection in
                try connection.transaction { connection in try attempt(email: email, password: password, keys: keys, session: session, on: connection) }
            }
        } catch let error as StoreError where error.sqlState == "55P03" {
            // Another attempt for the same account or address holds the throttle rows right now.
            return page(context.text("auth.error.throttled", ["seconds": "1"]), status: 429, retryAfter: 1)
        }
        switch outcome {
        case .throttled(let seconds):
            return page(context.text("auth.error.throttled", ["seconds": "\(seconds)"]), status: 429, retryAfter: seconds)
        case .busy:
            return page(context.text("auth.error.busy"), status: 503, retryAfter: 2)
        case .failed:
            return page(context.text("auth.error.invalid"), status: 401)
        case .signedIn(let token):
            var redirect = Response.redirect(to: site.prefix)
            redirect.addHeader("Set-Cookie", SessionCookie.set(token, site: site, secure: request.isHTTPS))
            return redirect
        }
    }

    enum Outcome {
        case throttled(seconds: Int)
        case busy
        case failed
        case signedIn(token: String)
    }

    /// Throttle keys are hashes, so an overlong e-mail cannot exceed the index and no address is stored readable.
    struct ThrottleKeys {
        let account: String
        let address: String

        init(email: String, address: String) {
            account = "account:" + Digest.sha256(email).hexString
            self.address = "address:" + Digest.sha256(address).hexString
        }
    }

    private func attempt(email: String, password: String, keys: ThrottleKeys, session: StoredSession, on connection: Connection)
        throws -> Outcome
    {
        try ThrottleRepository.lock(keys: [keys.account, keys.address], on: connection)
        let wait = try max(
            remainingWait(key: keys.account, throttle: .account, on: connection),
            remainingWait(key: keys.address, throttle: .address, on: connection))
        if wait > 0 { return .throttled(seconds: Int(wait.rounded(.up))) }

        // An address longer than any real one is never looked up; it fails like a wrong password.
        let user = email.count <= 254 ? try UserRepository.find(email: email, on: connection) : nil
        let storedHash = try user.flatMap { try UserRepository.passwordHash(userID: $0.id, on: connection) }
        let verification: PasswordHasher.Outcome
        do {
            verification = try authenticator.hasher.verify(password, against: storedHash ?? authenticator.dummyHash)
        } catch is PasswordHasher.BusyError {
            return .busy
        }

        guard let user, storedHash != nil, user.active, site.admittedRoles.contains(user.role), verification != .mismatch
        else {
            try ThrottleRepository.recordFailure(
                key: keys.account, now: context.now, resetAfter: SignInThrottle.account.resetAfter, on: connection)
            try ThrottleRepository.recordFailure(
                key: keys.address, now: context.now, resetAfter: SignInThrottle.address.resetAfter, on: connection)
            // The attempted e-mail is not recorded: it may be a mistyped password or someone else's address.
            try AuditLog.append(
                AuditEntry(
                    actor: "anonymous", action: "sign_in_failed", subject: user.map { "user:\($0.id)" } ?? "unknown_account",
                    detail: "site:\(site.rawValue)", clientAddress: request.remoteAddress),
                at: context.now, on: connection)
            return .failed
        }

        if case .matchNeedsRehash(let upgraded) = verification {
            try UserRepository.setPasswordHash(upgraded, userID: user.id, at: context.now, on: connection)
        }
        try ThrottleRepository.clear(key: keys.account, on: connection)
        try AuditLog.append(
            AuditEntry(
                actor: "user:\(user.id)", action: "sign_in", subject: "site:\(site.rawValue)",
                detail: verification == .match ? "" : "password_rehashed", clientAddress: request.remoteAddress),
            at: context.now, on: connection)
        let token = try authenticator.startSignedInSession(
            userID: user.id, site: site, replacing: session, now: context.now, on: connection)
        return .signedIn(token: token)
    }

    private func remainingWait(key: String, throttle: SignInThrottle, on connection: Connection) throws -> TimeInterval {
        guard let state = try ThrottleRepository.state(key: key, on: connection) else { return 0 }
        return throttle.remainingWait(failures: state.failures, lastFailure: state.lastFailureAt, now: context.now)
    }
}
