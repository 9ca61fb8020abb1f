import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct SignInTests {
    @Test func sessionIdRotatesAndSignOutEndsIt() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        let cookie = fixture.cookieName(.client)

        let form = browser.get("/klient/prihlaseni")
        #expect(form.response.status == 200)
        let anonymous = try #require(browser.cookies[cookie])
        let signedIn = browser.post(
            "/klient/prihlaseni",
            [("csrf_token", Browser.csrf(in: form.body) ?? ""), ("email", "admina@test.cz"), ("heslo", PortalFixture.password)])
        #expect(signedIn.response.status == 303)
        #expect(signedIn.response.header("Location") == "/klient/")
        let session = try #require(browser.cookies[cookie])
        #expect(session != anonymous)
        #expect(session.count == 43)

        let setCookie = try #require(signedIn.response.header("Set-Cookie"))
        #expect(setCookie.contains("Path=/klient/"))
        #expect(setCookie.contains("HttpOnly"))
        #expect(setCookie.contains("SameSite=Lax"))

        // The anonymous id is dead, the new one opens the site.
        let stale = Browser(fixture)
        stale.cookies[cookie] = anonymous
        #expect(stale.get("/klient/").response.status == 303)
        #expect(browser.get("/klient/").response.status == 200)

        let overview = browser.get("/klient/").body
        let signOut = browser.post("/klient/odhlaseni", [("csrf_token", Browser.csrf(in: overview) ?? "")])
        #expect(signOut.response.status == 303)
        #expect(signOut.response.header("Location") == "/klient/prihlaseni?zprava=odhlaseno")

        let replay = Browser(fixture)
        replay.cookies[cookie] = session
        for path in ["/klient/", "/klient/dluznici", "/klient/uzivatele", "/klient/heslo"] {
            #expect(replay.get(path).response.status == 303, "\(path) after sign-out")
        }
        let stored = try fixture.connection.query("SELECT count(*) AS n FROM sessions WHERE user_id IS NOT NULL").first?.int("n")
        #expect(stored == 0)
    }

    @Test func storedSessionIsAHashNotTheToken() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        let token = try #require(browser.cookies[fixture.cookieName(.client)])
        let stored = try fixture.connection.query("SELECT token_hash FROM sessions WHERE user_id IS NOT NULL").rows
        #expect(stored.count == 1)
        #expect(try stored[0].bytes("token_hash") == Digest.sha256(token))
    }

    @Test func wrongPasswordAndUnknownAccountLookAlike() throws {
        let fixture = try PortalFixture()
        let wrong = Browser(fixture).signIn(site: .client, email: "admina@test.cz", password: "spatne-heslo-123")
        let unknown = Browser(fixture).signIn(site: .client, email: "nikdo@test.cz", password: "spatne-heslo-123")
        #expect(wrong.response.status == 401)
        #expect(unknown.response.status == 401)
        let message = "Přihlášení se nezdařilo. Zkontrolujte e-mail a heslo, nebo si nechte poslat odkaz pro nové heslo."
        #expect(wrong.body.contains(message))
        #expect(unknown.body.contains(message))
    }

    @Test func roleOfAnotherSiteCannotSignIn() throws {
        let fixture = try PortalFixture()
        let attempt = Browser(fixture).signIn(site: .client, email: "lawyer@test.cz")
        #expect(attempt.response.status == 401)
        let right = Browser(fixture).signIn(site: .lawyer, email: "lawyer@test.cz")
        #expect(right.response.status == 303)
    }

    @Test func missingCSRFRejectsSignIn() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.get("/klient/prihlaseni")
        let attempt = browser.post("/klient/prihlaseni", [("email", "admina@test.cz"), ("heslo", PortalFixture.password)])
        #expect(attempt.response.status == 400)
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM sessions WHERE user_id IS NOT NULL").first?.int("n") == 0)
    }

    @Test func failuresAreThrottledPerAccount() throws {
        let fixture = try PortalFixture()
        for attempt in 1...3 {
            let browser = Browser(fixture)
            browser.remoteAddress = "192.0.2.\(attempt)"
            #expect(browser.signIn(site: .client, email: "admina@test.cz", password: "spatne-heslo-\(attempt)").response.status == 401)
        }
        // The right password is refused while the delay runs, without revealing whether it was right.
        let blocked = Browser(fixture)
        blocked.remoteAddress = "192.0.2.99"
        let result = blocked.signIn(site: .client, email: "admina@test.cz")
        #expect(result.response.status == 429)
        #expect(result.body.contains("Příliš mnoho neúspěšných pokusů o přihlášení. Další pokus je možný za 1 s."))
        #expect(result.response.header("Retry-After") == "1")

        fixture.clock.advance(by: 2)
        #expect(Browser(fixture).signIn(site: .client, email: "admina@test.cz").response.status == 303)
    }

    @Test func failuresAreThrottledPerAddress() throws {
        let fixture = try PortalFixture()
        for attempt in 1...20 {
            let browser = Browser(fixture)
            browser.remoteAddress = "198.51.100.7"
            browser.signIn(site: .client, email: "nikdo\(attempt)@test.cz", password: "spatne-heslo")
        }
        let browser = Browser(fixture)
        browser.remoteAddress = "198.51.100.7"
        #expect(browser.signIn(site: .client, email: "admina@test.cz").response.status == 429)
        let elsewhere = Browser(fixture)
        elsewhere.remoteAddress = "198.51.100.8"
        #expect(elsewhere.signIn(site: .client, email: "admina@test.cz").response.status == 303)
    }

    @Test func idleAndAbsoluteTimeoutsEndSessions() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        fixture.clock.advance(by: 29 * 60)
        #expect(browser.get("/klient/").response.status == 200)
        fixture.clock.advance(by: 31 * 60)
        #expect(browser.get("/klient/").response.status == 303)

        let active = Browser(fixture)
        active.signIn(site: .client, email: "admina@test.cz")
        for _ in 0..<25 {
            fixture.clock.advance(by: 29 * 60)
            _ = active.get("/klient/")
        }
        #expect(active.get("/klient/").response.status == 303, "a session ends 12 hours after sign-in however active")
    }

    @Test func passwordHashesAreArgon2id() throws {
        let fixture = try PortalFixture()
        let hashes = try fixture.connection.query("SELECT password_hash FROM users WHERE password_hash IS NOT NULL").rows
        #expect(hashes.count == 7)
        for row in hashes {
            #expect(try row.string("password_hash").hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        }
    }

    @Test func weakHashIsUpgradedAtSignIn() throws {
        let fixture = try PortalFixture()
        let weak = PasswordHasher(parameters: .init(memoryKiB: 8_192, iterations: 1, parallelism: 1))
        let user = fixture.users["lawyer"]!
        try UserRepository.setPasswordHash(try weak.hash("Stare-slabe-heslo"), userID: user.id, at: fixture.clock.now, on: fixture.connection)
        #expect(Browser(fixture).signIn(site: .lawyer, email: user.email, password: "Stare-slabe-heslo").response.status == 303)
        let stored = try #require(try UserRepository.passwordHash(userID: user.id, on: fixture.connection))
        #expect(stored.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
    }

    @Test func signInsAreAudited() throws {
        let fixture = try PortalFixture()
        Browser(fixture).signIn(site: .client, email: "admina@test.cz", password: "spatne-heslo-1")
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        browser.post("/klient/odhlaseni", [("csrf_token", Browser.csrf(in: browser.get("/klient/").body) ?? "")])
        let actions = try fixture.connection.query("SELECT action FROM audit_log ORDER BY id").rows.map { try $0.string("action") }
        #expect(actions == ["sign_in_failed", "sign_in", "sign_out"])
        #expect(try AuditLog.firstBrokenRow(on: fixture.connection) == nil)
    }

    @Test func deactivatedUserIsSignedOut() throws {
        let fixture = try PortalFixture()
        let subordinate = Browser(fixture)
        subordinate.signIn(site: .client, email: "subordinatea@test.cz")
        #expect(subordinate.get("/klient/").response.status == 200)

        let admin = Browser(fixture)
        admin.signIn(site: .client, email: "admina@test.cz")
        let id = fixture.users["subordinateA"]!.id
        let page = admin.get("/klient/uzivatele/\(id)").body
        let result = admin.post("/klient/uzivatele/\(id)/stav", [("csrf_token", Browser.csrf(in: page) ?? ""), ("aktivni", "0")])
        #expect(result.response.status == 303)
        #expect(subordinate.get("/klient/").response.status == 303)
        #expect(Browser(fixture).signIn(site: .client, email: "subordinatea@test.cz").response.status == 401)
    }
}
