import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct DebtorSignInTests {
    /// Opens the link and requests a code with the page's button, as a debtor does, and returns the next page.
    @discardableResult
    static func openAndSend(_ browser: Browser, token: String) -> (response: Response, body: String) {
        let opened = browser.get("/dluznik/vstup/\(token)")
        return browser.post("/dluznik/vstup/\(token)/znovu", [("csrf_token", Browser.csrf(in: opened.body) ?? "")])
    }

    @Test func openingTheLinkSendsNothing() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Skener s.r.o.", phone: "+420 601 123 999")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        // A mail scanner opens the link twice, without cookies.
        for _ in 0..<2 {
            let opened = Browser(fixture).get("/dluznik/vstup/\(token)")
            #expect(opened.response.status == 200)
            #expect(opened.body.contains("Poslat kód"))
        }
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 0)
    }

    @Test func linkAndSMSCodeStartSession() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Odběratel s.r.o.", phone: "+420 601 123 456")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)

        let opened = Self.openAndSend(browser, token: token)
        #expect(opened.response.status == 200)
        #expect(opened.body.contains("kód"))
        #expect(opened.body.contains("končící 456"))
        let sms = try fixture.connection.query(
            "SELECT channel, recipient FROM outbox WHERE kind = 'sign_in_code'"
        ).rows
        #expect(sms.count == 1)
        #expect(try sms.first?.string("channel") == "sms")
        #expect(try sms.first?.string("recipient") == "+420601123456")
        let code = try #require(try fixture.latestSignInCode(to: "+420601123456"))

        // Opening the link again while the code is valid sends nothing new.
        browser.get("/dluznik/vstup/\(token)")
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 1)

        let anonymous = try #require(browser.cookies[fixture.cookieName(.debtor)])
        let wrongCode = code == "000000" ? "111111" : "000000"
        let wrong = browser.post(
            "/dluznik/vstup/\(token)", [("csrf_token", Browser.csrf(in: opened.body) ?? ""), ("kod", wrongCode)])
        #expect(wrong.response.status == 401)
        #expect(wrong.body.contains("Zbývající pokusy: 4"))

        let signedIn = browser.post(
            "/dluznik/vstup/\(token)", [("csrf_token", Browser.csrf(in: opened.body) ?? ""), ("kod", code)])
        #expect(signedIn.response.status == 303)
        #expect(signedIn.response.header("Location") == "/dluznik/")
        let setCookie = try #require(signedIn.response.header("Set-Cookie"))
        #expect(setCookie.contains("Path=/dluznik/"))
        #expect(setCookie.contains("HttpOnly"))
        let session = try #require(browser.cookies[fixture.cookieName(.debtor)])
        #expect(session != anonymous)

        let portal = browser.get("/dluznik/")
        #expect(portal.response.status == 200)
        #expect(portal.body.contains("Odběratel s.r.o."))

        let rows = try fixture.connection.query(
            "SELECT user_id, case_id, token_hash FROM sessions WHERE case_id IS NOT NULL"
        ).rows
        #expect(rows.count == 1)
        #expect(try rows.first?.optionalInt("user_id") == nil)
        #expect(try rows.first?.int("case_id") == caseID)
        #expect(try rows.first?.bytes("token_hash") == Digest.sha256(session))

        // The code works once only.
        let replay = Browser(fixture)
        let form = replay.get("/dluznik/vstup/\(token)").body
        #expect(
            replay.post("/dluznik/vstup/\(token)", [("csrf_token", Browser.csrf(in: form) ?? ""), ("kod", code)])
                .response.status == 401)

        let log = fixture.log.text
        #expect(!log.contains(token))
        #expect(!log.contains(code))
        #expect(!log.contains("601123456"))
        #expect(log.contains("/dluznik/vstup/:token"))
    }

    @Test func codeExpiresAfterTenMinutes() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Pomalý s.r.o.", phone: "777 000 111")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        let opened = Self.openAndSend(browser, token: token)
        let code = try #require(try fixture.latestSignInCode(to: "+420777000111"))

        fixture.clock.advance(by: 10 * 60 + 1)
        let late = browser.post(
            "/dluznik/vstup/\(token)", [("csrf_token", Browser.csrf(in: opened.body) ?? ""), ("kod", code)])
        #expect(late.response.status == 401)
        #expect(late.body.contains("Platnost kódu vypršela"))
        #expect(browser.get("/dluznik/").response.status == 303)
    }

    @Test func fiveWrongAttemptsEndTheCode() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Hádač s.r.o.", phone: "601000222")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        let csrf = Browser.csrf(in: Self.openAndSend(browser, token: token).body) ?? ""
        let code = try #require(try fixture.latestSignInCode(to: "+420601000222"))
        let wrongCode = code == "000000" ? "111111" : "000000"
        for _ in 0..<5 {
            #expect(
                browser.post("/dluznik/vstup/\(token)", [("csrf_token", csrf), ("kod", wrongCode)]).response.status
                    == 401)
        }
        let blocked = browser.post("/dluznik/vstup/\(token)", [("csrf_token", csrf), ("kod", code)])
        #expect(blocked.response.status == 401)
        #expect(blocked.body.contains("pětkrát"))
        #expect(browser.get("/dluznik/").response.status == 303)
    }

    @Test func resendIsThrottled() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Netrpělivý s.r.o.", phone: "601000333")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        let csrf = Browser.csrf(in: Self.openAndSend(browser, token: token).body) ?? ""
        func sent() throws -> Int64? {
            try fixture.connection.query("SELECT count(*) AS n FROM outbox WHERE kind = 'sign_in_code'").first?.int("n")
        }
        let early = browser.post("/dluznik/vstup/\(token)/znovu", [("csrf_token", csrf)])
        #expect(early.response.status == 200)
        #expect(early.body.contains("Nový kód můžete vyžádat"))
        #expect(try sent() == 1)
        for expected in 2...5 {
            fixture.clock.advance(by: 61)
            browser.post("/dluznik/vstup/\(token)/znovu", [("csrf_token", csrf)])
            #expect(try sent() == Int64(expected))
        }
        fixture.clock.advance(by: 61)
        let sixth = browser.post("/dluznik/vstup/\(token)/znovu", [("csrf_token", csrf)])
        #expect(sixth.body.contains("Nový kód můžete vyžádat"))
        #expect(try sent() == 5)
        #expect(browser.post("/dluznik/vstup/\(token)/znovu", [("csrf_token", "wrong")]).response.status == 403)
    }

    @Test func noMobileSendsCodeByEmail() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Pevná linka s.r.o.", phone: "+420 224 000 111",
            email: "ucetni@pevna.cz")
        let (token, _) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let opened = Self.openAndSend(Browser(fixture), token: token)
        #expect(opened.body.contains("poslali e-mailem"))
        let message = try fixture.connection.query("SELECT channel, recipient FROM outbox").rows
        #expect(try message.first?.string("channel") == "email")
        #expect(try message.first?.string("recipient") == "ucetni@pevna.cz")
    }

    @Test func unknownLinkIsNotFound() throws {
        let fixture = try PortalFixture()
        let page = Browser(fixture).get("/dluznik/vstup/\(SecureRandom.token())")
        #expect(page.response.status == 404)
        #expect(page.body.contains("Odkaz neplatí"))
    }

    @Test func letterCodeSignsIn() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(organizationID: fixture.creditorA.id, name: "Dopisový s.r.o.")
        let (_, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        #expect(code.count == 14)
        let browser = Browser(fixture)
        let page = browser.get("/dluznik/prihlaseni")
        #expect(page.body.contains("Kód z dopisu"))

        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let signedIn = browser.signInWithLetterCode(typed)
        #expect(signedIn.response.status == 303)
        #expect(signedIn.response.header("Location") == "/dluznik/")
        #expect(browser.get("/dluznik/").body.contains("Dopisový s.r.o."))
        #expect(!fixture.log.text.contains(code))

        let overview = browser.get("/dluznik/").body
        let signedOut = browser.post("/dluznik/odhlaseni", [("csrf_token", Browser.csrf(in: overview) ?? "")])
        #expect(signedOut.response.status == 303)
        #expect(browser.get("/dluznik/").response.status == 303)
    }

    @Test func wrongLetterCodesAreThrottled() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        for _ in 0..<10 {
            #expect(browser.signInWithLetterCode("AAAA-BBBB-CCCC").response.status == 401)
        }
        let throttled = browser.signInWithLetterCode("AAAA-BBBB-CCCC")
        #expect(throttled.response.status == 429)
        #expect(throttled.response.header("Retry-After") != nil)
    }

    @Test func sessionEndsWhenIdle() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(organizationID: fixture.creditorA.id, name: "Nečinný s.r.o.")
        let (_, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        #expect(browser.get("/dluznik/").response.status == 200)
        fixture.clock.advance(by: 31 * 60)
        #expect(browser.get("/dluznik/").response.status == 303)
    }

    @Test func sessionEndsAfterAbsoluteTimeout() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(organizationID: fixture.creditorA.id, name: "Vytrvalý s.r.o.")
        let (_, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        let browser = Browser(fixture)
        browser.signInWithLetterCode(code)
        // Active every 20 minutes, so the idle timeout never ends the session, until 12 hours have passed.
        for _ in 0..<35 {
            fixture.clock.advance(by: 20 * 60)
            #expect(browser.get("/dluznik/").response.status == 200)
        }
        fixture.clock.advance(by: 20 * 60)
        #expect(browser.get("/dluznik/").response.status == 303)
    }

    @Test func expiredAccessOpensNothing() throws {
        let fixture = try PortalFixture()
        let (_, caseID) = try fixture.makeCase(
            organizationID: fixture.creditorA.id, name: "Pozdní s.r.o.", phone: "601000444")
        let (token, code) = try fixture.makeAccess(organizationID: fixture.creditorA.id, caseID: caseID)
        fixture.clock.advance(by: DebtorAccessTokens.defaultValidity + 1)
        let browser = Browser(fixture)
        #expect(browser.get("/dluznik/vstup/\(token)").response.status == 404)
        #expect(browser.signInWithLetterCode(code).response.status == 401)
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox").first?.int("n") == 0)
    }

    @Test func linksUseTheBaseURL() {
        #expect(
            DebtorAccessTokens.signInLink(token: "abc", baseURL: "https://kolektor.cz/")
                == "https://kolektor.cz/dluznik/vstup/abc")
        #expect(
            DebtorAccessTokens.letterSignInAddress(baseURL: "https://kolektor.cz")
                == "https://kolektor.cz/dluznik/prihlaseni")
        #expect(
            DebtorAccessTokens.misuseLink(token: "xyz", baseURL: "https://kolektor.cz")
                == "https://kolektor.cz/zneuziti/xyz")
    }
}
