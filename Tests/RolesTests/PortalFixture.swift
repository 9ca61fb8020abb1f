import Crypto
import Domain
import Foundation
import Roles
import Store
import Synchronization
import TestSupport
import Web

/// A clock that tests move forward by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_796_400_000))  // 2026-12-04

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Log lines written by the application under test.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var text: String { lines.withLock { $0.joined() } }
}

/// A migrated database with two creditors, users of every role and debtors, and the application over it.
final class PortalFixture {
    let database: TestDatabase
    let connection: Connection
    let clock = TestClock()
    let log = CapturedLog()
    let application: Application
    let handle: Database

    var creditorA: Organization!
    var creditorB: Organization!
    var users: [String: User] = [:]
    var debtors: [String: Debtor] = [:]

    static let password = "Spravne-heslo-2026"

    init() throws {
        database = try TestDatabase()
        connection = try database.connect()
        let clock = self.clock
        let log = self.log
        application = Application(
            settings: Settings(mode: .development, baseURL: "http://portal.test", dataDirectory: NSTemporaryDirectory() + "kolektor-tests-\(database.name)"),
            logger: Logger(minimumLevel: .debug, sink: { log.append($0) }),
            clock: { clock.now })
        handle = Database(conninfo: database.conninfo)
        try seed()
    }

    deinit {
        handle.close()
        connection.close()
    }

    private func seed() throws {
        let hash = try application.authenticator.hasher.hash(Self.password)
        creditorA = try OrganizationRepository.insert(Organization(name: "Věřitel A s.r.o.", ico: "25097563"), on: connection)
        creditorB = try OrganizationRepository.insert(Organization(name: "Věřitel B a.s.", ico: "45317054"), on: connection)
        let definitions: [(String, Role, Int64?, PartnerDetails)] = [
            ("adminA", .clientAdmin, creditorA.id, .init()),
            ("subordinateA", .subordinate, creditorA.id, .init()),
            ("adminB", .clientAdmin, creditorB.id, .init()),
            ("lawyer", .lawyer, nil, .init(cakNumber: "12345")),
            ("arbitrator", .arbitrator, nil, .init(arbitratorRegistration: "MSp 1")),
            ("bailiff", .bailiff, nil, .init(bailiffOffice: "EÚ Praha 10", bailiffRegion: "Praha")),
            ("operator", .operator, nil, .init()),
        ]
        for (key, role, organizationID, partner) in definitions {
            users[key] = try UserRepository.insert(
                User(organizationID: organizationID, role: role, email: "\(key.lowercased())@test.cz",
                     fullName: "Uživatel \(key)", partner: partner),
                passwordHash: hash, at: clock.now, on: connection)
        }
        debtors["assigned"] = try DebtorRepository.insert(
            Debtor(organizationID: creditorA.id, kind: .business, name: "Přidělený s.r.o.", ico: "27082440"), on: connection)
        debtors["unassigned"] = try DebtorRepository.insert(
            Debtor(organizationID: creditorA.id, kind: .consumer, name: "Nepřidělená Jana"), on: connection)
        debtors["otherCreditor"] = try DebtorRepository.insert(
            Debtor(organizationID: creditorB.id, kind: .business, name: "Cizí dlužník a.s."), on: connection)
        try DebtorRepository.replaceAssignments(
            userID: users["subordinateA"]!.id, organizationID: creditorA.id, debtorIDs: [debtors["assigned"]!.id],
            on: connection)
    }

    /// A signed-in session token for `userKey` on `site`, made directly in the database.
    func sessionToken(_ userKey: String, site: Site) throws -> String {
        let token = SecureRandom.token()
        try SessionRepository.insert(
            StoredSession(
                tokenHash: Digest.sha256(token), site: site.rawValue, userID: users[userKey]!.id, csrfToken: "csrf-\(userKey)",
                createdAt: clock.now, lastSeenAt: clock.now, expiresAt: clock.now.addingTimeInterval(3600)),
            on: connection)
        return token
    }

    func cookieName(_ site: Site) -> String {
        "kolektor_\(site.rawValue)"
    }
}

/// A browser-like client for in-process requests: keeps cookies, follows nothing, reads CSRF fields.
final class Browser {
    let fixture: PortalFixture
    var cookies: [String: String] = [:]
    var remoteAddress = "192.0.2.10"

    init(_ fixture: PortalFixture) {
        self.fixture = fixture
    }

    @discardableResult
    func get(_ target: String) -> (response: Response, body: String) {
        send(Request(method: "GET", target: target, headers: headers()))
    }

    @discardableResult
    func post(_ target: String, _ fields: [(String, String)]) -> (response: Response, body: String) {
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers["content-type"] = "application/x-www-form-urlencoded"
        return send(Request(method: "POST", target: target, headers: headers, body: Array(body.utf8)))
    }

    /// Posts a `multipart/form-data` form with text fields and one file, as a browser uploads it.
    @discardableResult
    func postMultipart(
        _ target: String, _ fields: [(String, String)], file: (field: String, name: String, bytes: [UInt8])
    ) -> (response: Response, body: String) {
        let boundary = "----kolektor-test-boundary"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        body += file.bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = headers()
        headers["content-type"] = "multipart/form-data; boundary=\(boundary)"
        return send(Request(method: "POST", target: target, headers: headers, body: body))
    }

    private func send(_ request: Request) -> (response: Response, body: String) {
        var request = request
        request.remoteAddress = remoteAddress
        let response = fixture.application.respond(to: request, database: fixture.handle)
        for header in response.headers(named: "Set-Cookie") {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    private func headers() -> [String: String] {
        cookies.isEmpty ? [:] : ["cookie": cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    private func encode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The value of the CSRF hidden field in a page.
    static func csrf(in body: String) -> String? {
        guard let range = body.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Signs in through the form and returns the final response.
    @discardableResult
    func signIn(site: Site, email: String, password: String = PortalFixture.password) -> (response: Response, body: String) {
        let form = get(site.prefix + "prihlaseni").body
        return post(site.prefix + "prihlaseni", [("csrf_token", Browser.csrf(in: form) ?? ""), ("email", email), ("heslo", password)])
    }
}
