import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct PasswordResetTests {
    /// The link in the newest outbox e-mail to `recipient`.
    func link(to recipient: String, fixture: PortalFixture) throws -> String {
        let body = try #require(
            try fixture.connection.query(
                "SELECT body_text FROM outbox WHERE recipient = \(recipient) ORDER BY id DESC LIMIT 1"
            ).first?.string("body_text"))
        let start = try #require(body.range(of: "http://portal.test"))
        return String(body[start.upperBound...].prefix { !$0.isWhitespace })
    }

    /// The token from an e-mailed link `…/klient/nove-heslo#token=…`.
    func token(to recipient: String, fixture: PortalFixture) throws -> String {
        let path = try link(to: recipient, fixture: fixture)
        #expect(path.hasPrefix("/klient/nove-heslo#token="))
        return String(path.dropFirst("/klient/nove-heslo#token=".count))
    }

    /// Opens the new-password form as the link would and submits it.
    @discardableResult
    func setPassword(
        _ password: String, repeated: String? = nil, token: String, site: Site = .client, browser: Browser
    ) -> (response: Response, body: String) {
        let form = browser.get(site.prefix + "nove-heslo")
        return browser.post(
            site.prefix + "nove-heslo",
            [("csrf_token", Browser.csrf(in: form.body) ?? ""), ("token", token), ("heslo", password), ("heslo2", repeated ?? password)])
    }

    func requestReset(_ email: String, browser: Browser) -> (response: Response, body: String) {
        let form = browser.get("/klient/zapomenute-heslo").body
        return browser.post("/klient/zapomenute-heslo", [("csrf_token", Browser.csrf(in: form) ?? ""), ("email", email)])
    }

    @Test func resetLinkSetsANewPasswordOnce() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        let requested = requestReset("AdminA@test.cz ", browser: browser)
        #expect(requested.response.status == 200)
        #expect(requested.body.contains("Pokud k tomuto e-mailu existuje účet"))

        let token = try token(to: "admina@test.cz", fixture: fixture)
        let stored = try fixture.connection.query("SELECT token_hash, expires_at, created_at FROM password_resets").rows
        #expect(stored.count == 1)
        #expect(try stored[0].bytes("token_hash") == Digest.sha256(token))
        #expect(try stored[0].instant("expires_at").timeIntervalSince(stored[0].instant("created_at")) == 3600)

        let form = browser.get("/klient/nove-heslo")
        #expect(form.response.status == 200)
        #expect(form.body.contains("<script src=\"/static/token-fragment.js\" defer></script>"))
        let done = setPassword("Nove-heslo-2027", token: token, browser: browser)
        #expect(done.response.status == 303)
        #expect(done.response.header("Location") == "/klient/prihlaseni?zprava=heslo-nastaveno")

        #expect(Browser(fixture).signIn(site: .client, email: "admina@test.cz").response.status == 401)
        #expect(Browser(fixture).signIn(site: .client, email: "admina@test.cz", password: "Nove-heslo-2027").response.status == 303)

        let again = setPassword("Jeste-jine-heslo-1", token: token, browser: Browser(fixture))
        #expect(again.response.status == 404)
        #expect(again.body.contains("Odkaz už neplatí"))
    }

    @Test func unknownAccountGetsTheSamePageAndNoMail() throws {
        let fixture = try PortalFixture()
        let response = requestReset("nikdo@test.cz", browser: Browser(fixture))
        #expect(response.response.status == 200)
        #expect(response.body.contains("Pokud k tomuto e-mailu existuje účet"))
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 0)
    }

    @Test func linkExpiresAfterAnHour() throws {
        let fixture = try PortalFixture()
        requestReset("admina@test.cz", browser: Browser(fixture))
        let token = try token(to: "admina@test.cz", fixture: fixture)
        fixture.clock.advance(by: 3601)
        #expect(setPassword("Pozde-nove-heslo", token: token, browser: Browser(fixture)).response.status == 404)
    }

    @Test func resetRequestsAreCapped() throws {
        let fixture = try PortalFixture()
        for _ in 1...5 { requestReset("admina@test.cz", browser: Browser(fixture)) }
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 3)
    }

    @Test func mismatchedPasswordsAreExplained() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        requestReset("admina@test.cz", browser: browser)
        let token = try token(to: "admina@test.cz", fixture: fixture)
        let result = setPassword("Nove-heslo-2027", repeated: "Jine-heslo-2027", token: token, browser: browser)
        #expect(result.response.status == 422)
        #expect(result.body.contains("Hesla se neshodují."))
        #expect(result.body.contains("value=\"\(token)\""), "the token stays in the form")
        #expect(setPassword("Nove-heslo-2027", token: token, browser: browser).response.status == 303,
                "a rejected form does not use up the link")
    }

    @Test func invitedSubordinateSetsPasswordAndSignsIn() throws {
        let fixture = try PortalFixture()
        let admin = Browser(fixture)
        admin.signIn(site: .client, email: "admina@test.cz")
        let page = admin.get("/klient/uzivatele").body
        let invited = admin.post(
            "/klient/uzivatele/pozvat", [("csrf_token", Browser.csrf(in: page) ?? ""), ("jmeno", "Eva Nová"), ("email", "eva@test.cz")])
        #expect(invited.response.status == 303)
        let user = try #require(try UserRepository.find(email: "eva@test.cz", on: fixture.connection))
        #expect(user.role == .subordinate)
        #expect(user.organizationID == fixture.creditorA.id)
        #expect(!user.hasPassword)

        let invitation = try token(to: "eva@test.cz", fixture: fixture)
        // Opened on the lawyer site by mistake, the link fails there but stays valid for the client site.
        #expect(setPassword("Evino-heslo-2026", token: invitation, site: .lawyer, browser: Browser(fixture)).response.status == 404)
        setPassword("Evino-heslo-2026", token: invitation, browser: Browser(fixture))
        #expect(Browser(fixture).signIn(site: .client, email: "eva@test.cz", password: "Evino-heslo-2026").response.status == 303)
        let actions = try fixture.connection.query("SELECT action FROM audit_log ORDER BY id").rows.map { try $0.string("action") }
        #expect(actions.contains("user_invited"))
        #expect(actions.contains("invitation_accepted"))
    }

    @Test func invitationWithTakenEmailIsRejected() throws {
        let fixture = try PortalFixture()
        let admin = Browser(fixture)
        admin.signIn(site: .client, email: "admina@test.cz")
        let page = admin.get("/klient/uzivatele").body
        let result = admin.post(
            "/klient/uzivatele/pozvat", [("csrf_token", Browser.csrf(in: page) ?? ""), ("jmeno", "Kdokoli"), ("email", "lawyer@test.cz")])
        #expect(result.response.status == 422)
        #expect(result.body.contains("E-mail „lawyer@test.cz“ už v Kolektoru používá jiný účet."))
    }

    @Test func changingPasswordEndsOtherSessions() throws {
        let fixture = try PortalFixture()
        let first = Browser(fixture)
        first.signIn(site: .client, email: "admina@test.cz")
        let second = Browser(fixture)
        second.signIn(site: .client, email: "admina@test.cz")
        let form = first.get("/klient/heslo").body
        let result = first.post(
            "/klient/heslo",
            [("csrf_token", Browser.csrf(in: form) ?? ""), ("soucasne", PortalFixture.password), ("heslo", "Zmenene-heslo-1"),
             ("heslo2", "Zmenene-heslo-1")])
        #expect(result.response.status == 303)
        #expect(first.get("/klient/").response.status == 200)
        #expect(second.get("/klient/").response.status == 303)
    }

    @Test func logsNeverContainSecrets() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz", password: "spatne-heslo-xyz")
        browser.signIn(site: .client, email: "admina@test.cz")
        let session = try #require(browser.cookies[fixture.cookieName(.client)])
        requestReset("admina@test.cz", browser: Browser(fixture))
        let token = try token(to: "admina@test.cz", fixture: fixture)
        setPassword("Tajne-nove-heslo", token: token, browser: Browser(fixture))

        let log = fixture.log.text
        #expect(log.contains("route=/klient/prihlaseni"), "the log must have captured the requests")
        for secret in [PortalFixture.password, "spatne-heslo-xyz", "Tajne-nove-heslo", token, session, "admina@test.cz"] {
            #expect(!log.contains(secret), "the log contains a secret or personal data")
        }
        let audit = try fixture.connection.query("SELECT actor || subject || detail AS text FROM audit_log").rows
            .map { try $0.string("text") }.joined()
        for secret in [PortalFixture.password, token, session] {
            #expect(!audit.contains(secret))
        }
    }
}

@Suite(.serialized) struct AccountHardeningTests {
    @Test func newResetLinkVoidsOlderOnes() throws {
        let fixture = try PortalFixture()
        let tests = PasswordResetTests()
        tests.requestReset("admina@test.cz", browser: Browser(fixture))
        let first = try tests.token(to: "admina@test.cz", fixture: fixture)
        fixture.clock.advance(by: 60)
        tests.requestReset("admina@test.cz", browser: Browser(fixture))
        let second = try tests.token(to: "admina@test.cz", fixture: fixture)
        #expect(first != second)
        #expect(tests.setPassword("Prvni-odkaz-heslo", token: first, browser: Browser(fixture)).response.status == 404)
        #expect(tests.setPassword("Druhy-odkaz-heslo", token: second, browser: Browser(fixture)).response.status == 303)
    }

    @Test func passwordChangeVoidsResetLinks() throws {
        let fixture = try PortalFixture()
        let tests = PasswordResetTests()
        tests.requestReset("admina@test.cz", browser: Browser(fixture))
        let token = try tests.token(to: "admina@test.cz", fixture: fixture)
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        let form = browser.get("/klient/heslo").body
        browser.post(
            "/klient/heslo",
            [("csrf_token", Browser.csrf(in: form) ?? ""), ("soucasne", PortalFixture.password), ("heslo", "Zmenene-heslo-9"),
             ("heslo2", "Zmenene-heslo-9")])
        #expect(tests.setPassword("Utocnikovo-heslo", token: token, browser: Browser(fixture)).response.status == 404)
    }

    @Test func passwordWithNulByteIsNotEmpty() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        let form = browser.get("/klient/heslo").body
        let result = browser.post(
            "/klient/heslo",
            [("csrf_token", Browser.csrf(in: form) ?? ""), ("soucasne", PortalFixture.password), ("heslo", "\u{0}123456789"),
             ("heslo2", "\u{0}123456789")])
        // The form decoder turns the NUL byte into U+FFFD, so the new password is not a prefix-cut empty string.
        #expect(result.response.status == 303)
        #expect(Browser(fixture).signIn(site: .client, email: "admina@test.cz", password: "").response.status == 401)
        #expect(Browser(fixture).signIn(site: .client, email: "admina@test.cz", password: "\u{FFFD}123456789").response.status == 303)
    }

    @Test func wrongCurrentPasswordsAreThrottled() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        var statuses: [Int] = []
        for attempt in 1...4 {
            let form = browser.get("/klient/heslo").body
            statuses.append(browser.post(
                "/klient/heslo",
                [("csrf_token", Browser.csrf(in: form) ?? ""), ("soucasne", "spatne-\(attempt)"), ("heslo", "Nove-heslo-123"),
                 ("heslo2", "Nove-heslo-123")]).response.status)
        }
        #expect(statuses == [422, 422, 422, 429])
    }

    @Test func overlongEmailFailsQuietly() throws {
        let fixture = try PortalFixture()
        let result = Browser(fixture).signIn(site: .client, email: String(repeating: "a", count: 9_000) + "@test.cz")
        #expect(result.response.status == 401)
    }

    @Test func invitationNameMustBeOneLine() throws {
        let fixture = try PortalFixture()
        let admin = Browser(fixture)
        admin.signIn(site: .client, email: "admina@test.cz")
        let page = admin.get("/klient/uzivatele").body
        let result = admin.post(
            "/klient/uzivatele/pozvat",
            [("csrf_token", Browser.csrf(in: page) ?? ""), ("jmeno", "Jana\n\nhttps://evil.test/prihlaseni"), ("email", "jana@test.cz")])
        #expect(result.response.status == 422)
        #expect(try UserRepository.find(email: "jana@test.cz", on: fixture.connection) == nil)
    }

    @Test func languageSwitchRejectsControlCharacters() throws {
        let fixture = try PortalFixture()
        for target in ["/%0A/evil.test", "/%0D/evil.test", "/%09/evil.test", "/\\evil.test"] {
            let response = Browser(fixture).get("/jazyk?l=en&zpet=\(target)").response
            #expect(response.header("Location") == "/", "\(target)")
        }
        #expect(Browser(fixture).get("/jazyk?l=en&zpet=/caste-dotazy").response.header("Location") == "/caste-dotazy")
    }
}

@Suite(.serialized) struct ControlCharacterPasswordTests {
    @Test func tabInPasswordIsRejected() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.signIn(site: .client, email: "admina@test.cz")
        let form = browser.get("/klient/heslo").body
        let result = browser.post(
            "/klient/heslo",
            [("csrf_token", Browser.csrf(in: form) ?? ""), ("soucasne", PortalFixture.password), ("heslo", "Heslo\tse-tabem-1"),
             ("heslo2", "Heslo\tse-tabem-1")])
        #expect(result.response.status == 422)
        #expect(result.body.contains("Heslo nesmí obsahovat řídicí znaky"))
    }
}
