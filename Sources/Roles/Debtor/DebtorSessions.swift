import Crypto
import Foundation
import Store
import Web

/// Debtor sessions: a session of the debtor site bound to one case, started by a sign-in code or a letter code.
enum DebtorSessions {
    /// The signed-in debtor of the request, or nil; a live session is marked as used.
    static func current(_ request: Request, context: RequestContext) throws -> DebtorSession? {
        guard let token = SessionCookie.token(in: request, site: .debtor) else { return nil }
        let policy = context.application.authenticator.policy
        return try context.database.withConnection { connection in
            guard
                let found = try DebtorSessionRepository.findLive(
                    tokenHash: Digest.sha256(token), now: context.now, idleLimit: policy.idleTimeout, on: connection)
            else { return nil }
            try SessionRepository.touch(tokenHash: found.session.tokenHash, now: context.now, on: connection)
            return found
        }
    }

    /// The signed-in debtor, or `SignInRequired`, answered with a redirect to the letter-code sign-in page.
    static func require(_ request: Request, context: RequestContext) throws -> DebtorSession {
        guard let session = try current(request, context: context) else { throw SignInRequired(site: .debtor) }
        return session
    }

    /// Starts a session for the case of `access` inside the caller's transaction and returns its cookie token.
    /// The request's earlier debtor session, if any, is deleted, so the session id changes at sign-in.
    static func start(
        access: DebtorAccess, replacing previous: StoredSession?, context: RequestContext, on connection: Connection
    ) throws -> String {
        if let previous {
            try SessionRepository.delete(tokenHash: previous.tokenHash, on: connection)
        }
        let policy = context.application.authenticator.policy
        let token = SecureRandom.token()
        try DebtorSessionRepository.insert(
            StoredSession(
                tokenHash: Digest.sha256(token), site: Site.debtor.rawValue, userID: nil,
                csrfToken: SecureRandom.token(), createdAt: context.now, lastSeenAt: context.now,
                expiresAt: context.now.addingTimeInterval(policy.absoluteTimeout)),
            caseID: access.caseID, on: connection)
        return token
    }

    /// The response after a successful sign-in: the new session cookie and a redirect to the portal.
    static func signedIn(token: String, request: Request) -> Response {
        var response = Response.redirect(to: Site.debtor.prefix)
        response.addHeader("Set-Cookie", SessionCookie.set(token, site: .debtor, secure: request.isHTTPS))
        return response
    }
}
