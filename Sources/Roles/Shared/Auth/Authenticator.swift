import Crypto
import Domain
import Foundation
import Store
import Web

/// Sessions of the role sites: finding the signed-in user, starting anonymous sessions for sign-in forms, and
/// creating a fresh session at sign-in.
public final class Authenticator: Sendable {
    public struct Policy: Sendable {
        /// A session unused this long ends.
        public var idleTimeout: TimeInterval
        /// A session ends this long after sign-in, however active.
        public var absoluteTimeout: TimeInterval
        /// Lifetime of the anonymous session that carries a sign-in form's CSRF token.
        public var anonymousLifetime: TimeInterval

        public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 60 * 60,
                    anonymousLifetime: TimeInterval = 60 * 60)
        {
            self.idleTimeout = idleTimeout
            self.absoluteTimeout = absoluteTimeout
            self.anonymousLifetime = anonymousLifetime
        }
    }

    public let hasher: PasswordHasher
    public let policy: Policy
    /// Verified against when an account does not exist, so a wrong e-mail costs as much time as a wrong password.
    let dummyHash: String

    public init(hasher: PasswordHasher = PasswordHasher(), policy: Policy = Policy()) {
        self.hasher = hasher
        self.policy = policy
        dummyHash = (try? hasher.dummyHash()) ?? "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$invalid"
    }

    /// Returns the live session of `site` named by the request's cookie, signed in or anonymous.
    func session(for request: Request, site: Site, context: RequestContext) throws -> StoredSession? {
        guard let token = SessionCookie.token(in: request, site: site) else { return nil }
        return try context.database.withConnection { connection in
            try SessionRepository.findLive(
                tokenHash: Digest.sha256(token), site: site.rawValue, now: context.now, idleLimit: policy.idleTimeout,
                on: connection)
        }
    }

    /// Returns the signed-in user of `site`, or nil for an anonymous visitor or a role the site does not admit.
    func viewer(for request: Request, site: Site, context: RequestContext) throws -> Viewer? {
        guard let session = try session(for: request, site: site, context: context), let userID = session.userID else {
            return nil
        }
        return try context.database.withConnection { connection in
            guard let user = try UserRepository.find(id: userID, on: connection), user.active,
                site.admittedRoles.contains(user.role)
            else { return nil }
            try SessionRepository.touch(tokenHash: session.tokenHash, now: context.now, on: connection)
            return Viewer(user: user, session: session, site: site)
        }
    }

    /// Returns the signed-in user, or throws `SignInRequired`, which the application turns into a redirect to the
    /// sign-in page.
    func requireViewer(_ request: Request, site: Site, context: RequestContext) throws -> Viewer {
        guard let viewer = try viewer(for: request, site: site, context: context) else {
            throw SignInRequired(site: site)
        }
        return viewer
    }

    /// Returns the request's anonymous session, or starts one and adds its cookie to `response`.
    func anonymousSession(for request: Request, site: Site, context: RequestContext, response: inout Response) throws
        -> StoredSession
    {
        if let existing = try session(for: request, site: site, context: context), existing.userID == nil {
            return existing
        }
        let token = SecureRandom.token()
        let session = StoredSession(
            tokenHash: Digest.sha256(token), site: site.rawValue, userID: nil, csrfToken: SecureRandom.token(),
            createdAt: context.now, lastSeenAt: context.now,
            expiresAt: context.now.addingTimeInterval(policy.anonymousLifetime))
        try context.database.withConnection { try SessionRepository.insert(session, on: $0) }
        response.addHeader("Set-Cookie", SessionCookie.set(token, site: site, secure: request.isHTTPS))
        return session
    }

    /// Creates a new signed-in session inside the caller's transaction and returns its cookie token.
    /// Any earlier session named by the request is deleted, so the session id always changes at sign-in.
    func startSignedInSession(
        userID: Int64, site: Site, replacing previous: StoredSession?, now: Date, on connection: Connection
    ) throws -> String {
        if let previous {
            try SessionRepository.delete(tokenHash: previous.tokenHash, on: connection)
        }
        let token = SecureRandom.token()
        try SessionRepository.insert(
            StoredSession(
                tokenHash: Digest.sha256(token), site: site.rawValue, userID: userID, csrfToken: SecureRandom.token(),
                createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(policy.absoluteTimeout)),
            on: connection)
        return token
    }
}

/// A signed-in user on a role site, with the session that proves it.
struct Viewer {
    let user: User
    let session: StoredSession
    let site: Site

    var auditActor: String { "user:\(user.id)" }

    /// The creditor of a client admin or subordinate; other roles never reach client pages.
    var organizationID: Int64 {
        get throws {
            guard let id = user.organizationID else { throw HTTPError.forbidden }
            return id
        }
    }
}

/// The error `requireViewer` throws for an anonymous request; the response is 303 to the site's sign-in page.
struct SignInRequired: Error {
    let site: Site
}

extension Site {
    /// Roles that may sign in on this site.
    var admittedRoles: Set<Role> {
        switch self {
        case .client: [.clientAdmin, .subordinate]
        case .lawyer: [.lawyer]
        case .arbitrator: [.arbitrator]
        case .bailiff: [.bailiff]
        case .operator: [.operator]
        case .publicSite, .debtor, .api: []
        }
    }

    /// Role sites whose users sign in with an e-mail and a password.
    static let passwordSites: [Site] = [.client, .lawyer, .arbitrator, .bailiff, .operator]
}

extension Site {
    /// The site on which users of `role` sign in.
    public static func signInSite(of role: Role) -> Site {
        switch role {
        case .clientAdmin, .subordinate: .client
        case .lawyer: .lawyer
        case .arbitrator: .arbitrator
        case .bailiff: .bailiff
        case .operator: .operator
        }
    }
}
