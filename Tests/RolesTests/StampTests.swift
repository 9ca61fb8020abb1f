import Domain
import Foundation
import Roles
import Store
import TestSupport
import Testing
import Web

/// The client admin's stamp downloads and the public verification page they point to.
@Suite struct StampTests {
    static let downloads = [
        "/klient/razitko", "/klient/razitko/razitko.png", "/klient/razitko/razitko.svg",
        "/klient/razitko/samolepky.pdf",
    ]

    func adminBrowser(_ fixture: PortalFixture, user: String = "adminA") throws -> Browser {
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken(user, site: .client)
        return browser
    }

    /// Strips the fixture's base URL from a verification URL, leaving the path.
    func path(of url: String) -> String {
        String(url.dropFirst("http://portal.test".count))
    }

    @Test func pngQRCodeOpensCreditorPage() throws {
        let fixture = try PortalFixture()
        let (response, _) = try adminBrowser(fixture).get("/klient/razitko/razitko.png")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/png")

        let decoded = try ExternalTool.decodeQRCodes(png: response.body)
        #expect(decoded == ["http://portal.test/overeni/\(fixture.creditorA.verificationCode)"])
        let url = try #require(decoded.first)

        let (page, body) = Browser(fixture).get(path(of: url))
        #expect(page.status == 200)
        #expect(body.contains("Věřitel A s.r.o."))
        #expect(body.contains("25097563"))
        #expect(body.contains("Razítko je pravé"))
        #expect(body.contains(Formatting.date(CalendarDate(fixture.creditorA.createdAt))))
    }

    @Test func stickerSheetHasCzechTextAndCodes() throws {
        let fixture = try PortalFixture()
        let (response, _) = try adminBrowser(fixture).get("/klient/razitko/samolepky.pdf")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/pdf")

        let text = try ExternalTool.pdfText(response.body)
        #expect(text.contains("Věřitel A s.r.o."))
        #expect(text.contains("vymáháme"))
        #expect(text.contains("Pravost ověříte na"))
        // The address wraps after the path, so its two parts are separate lines.
        #expect(text.contains("portal.test/overeni/\n\(fixture.creditorA.verificationCode)"))

        let info = try ExternalTool.pdfReport("pdfinfo", response.body)
        #expect(info.contains("A4"))
        // zbarimg misses some of 24 codes in one picture of the whole page, so each row of 3 stickers is scanned
        // on its own. Rows are 37 mm high and start 0.5 mm below the top edge.
        let url = "http://portal.test/overeni/\(fixture.creditorA.verificationCode)"
        for row in 0..<8 {
            let strip = try ExternalTool.rasterize(
                response.body, page: 1, dotsPerInch: 300,
                crop: (x: 0, y: 0.5 + 37 * Double(row), width: 210, height: 37))
            #expect(try ExternalTool.decodeQRCodes(png: strip) == [url, url, url], "row \(row + 1)")
        }
    }

    @Test func svgStampIsServedSafely() throws {
        let fixture = try PortalFixture()
        let (response, body) = try adminBrowser(fixture).get("/klient/razitko/razitko.svg")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/svg+xml")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(body.contains("<svg"))
        #expect(body.contains("width=\"198.425197pt\""))
        // Text becomes glyph outlines, so the name cannot inject markup into the SVG.
        #expect(!body.contains("<text"))
    }

    @Test func stampPageShowsAddressAndISDOC() throws {
        let fixture = try PortalFixture()
        let code = fixture.creditorA.verificationCode
        let (response, body) = try adminBrowser(fixture).get("/klient/razitko")
        #expect(response.status == 200)
        #expect(body.contains("<h1>Razítko a samolepky</h1>"))
        #expect(body.contains("<img src=\"/klient/razitko/razitko.png\""))
        #expect(body.contains("href=\"/klient/razitko/samolepky.pdf\""))
        #expect(body.contains("<a href=\"http://portal.test/overeni/\(code)\">"))
        #expect(
            body.contains("&lt;kolektor:Verification xmlns:kolektor=&quot;https://kolektor.cz/ns/stamp/1&quot;&gt;"))
        #expect(body.contains("&lt;kolektor:Code&gt;\(code)&lt;/kolektor:Code&gt;"))
    }

    @Test func navigationLinksStampForAdminOnly() throws {
        let fixture = try PortalFixture()
        #expect(try adminBrowser(fixture).get("/klient/").body.contains("href=\"/klient/razitko\""))
        #expect(
            !(try adminBrowser(fixture, user: "subordinateA").get("/klient/").body.contains("href=\"/klient/razitko\""))
        )
    }

    @Test func subordinateGets403() throws {
        let fixture = try PortalFixture()
        let browser = try adminBrowser(fixture, user: "subordinateA")
        for target in Self.downloads {
            #expect(browser.get(target).response.status == 403, "\(target)")
        }
    }

    @Test func eachAdminGetsOwnCreditorsStamp() throws {
        let fixture = try PortalFixture()
        let png = try adminBrowser(fixture, user: "adminB").get("/klient/razitko/razitko.png").response.body
        #expect(
            try ExternalTool.decodeQRCodes(png: png) == [
                "http://portal.test/overeni/\(fixture.creditorB.verificationCode)"
            ])
        #expect(fixture.creditorA.verificationCode != fixture.creditorB.verificationCode)
    }

    @Test func longNameKeepsStampScannable() throws {
        let fixture = try PortalFixture()
        let name =
            "Velmi dlouhý název obchodní společnosti " + String(repeating: "a dalších slov ", count: 12) + "s.r.o."
        try fixture.connection.query("UPDATE organizations SET name = \(name) WHERE id = \(fixture.creditorA.id)")
        let browser = try adminBrowser(fixture)
        let pdf = browser.get("/klient/razitko/samolepky.pdf").response.body
        #expect(try ExternalTool.pdfText(pdf).contains("Velmi dlouhý"))
        // The name is cut after two lines with an ellipsis, but pdftotext still extracts the whole name from cairo's
        // PDF. So the scan is what shows that the long name leaves the code readable.
        let png = browser.get("/klient/razitko/razitko.png").response.body
        #expect(try ExternalTool.decodeQRCodes(png: png).count == 1)
    }
}

/// The public page behind the QR code: outcomes, escaping, rate limit and log privacy.
@Suite struct StampVerificationTests {
    @Test func unknownCodeIs404() throws {
        let fixture = try PortalFixture()
        for target in ["/overeni/aaaaaaaaaaaaaaaaaaaa", "/overeni/25097563", "/overeni/%3Cscript%3E"] {
            let (response, body) = Browser(fixture).get(target)
            #expect(response.status == 404, "\(target)")
            #expect(body.contains("Neznámý ověřovací kód"), "\(target)")
            #expect(!body.contains("<script>"), "\(target)")
        }
    }

    @Test func inactiveCreditorIs410() throws {
        let fixture = try PortalFixture()
        try fixture.connection.query("UPDATE organizations SET active = false WHERE id = \(fixture.creditorA.id)")
        let (response, body) = Browser(fixture).get("/overeni/\(fixture.creditorA.verificationCode)")
        #expect(response.status == 410)
        #expect(body.contains("Věřitel už Kolektor nepoužívá"))
        #expect(body.contains("Věřitel A s.r.o. (IČO 25097563) byl klientem Kolektoru"))
        #expect(!body.contains("Razítko je pravé"))
    }

    @Test func englishPageOnRequest() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies["lang"] = "en"
        let body = browser.get("/overeni/\(fixture.creditorA.verificationCode)").body
        #expect(body.contains("The stamp is genuine: Věřitel A s.r.o. is a Kolektor client."))
        #expect(body.contains("Client since"))
    }

    @Test func creditorNameIsEscaped() throws {
        let fixture = try PortalFixture()
        let organization = try OrganizationRepository.insert(
            Organization(name: "<script>alert(1)</script> s.r.o.", ico: "27082440"), on: fixture.connection)
        let body = Browser(fixture).get("/overeni/\(organization.verificationCode)").body
        #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; s.r.o."))
        #expect(!body.contains("<script>"))
    }

    @Test func rateLimitPerAddress() throws {
        let fixture = try PortalFixture()
        let target = "/overeni/\(fixture.creditorA.verificationCode)"
        let browser = Browser(fixture)
        for number in 1...30 {
            #expect(browser.get(target).response.status == 200, "request \(number)")
        }
        let (limited, body) = browser.get(target)
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") == "60")
        #expect(body.contains("Příliš mnoho požadavků"))
        // Unknown codes count too, so guessing is limited as much as checking.
        #expect(browser.get("/overeni/aaaaaaaaaaaaaaaaaaaa").response.status == 429)

        let other = Browser(fixture)
        other.remoteAddress = "198.51.100.7"
        #expect(other.get(target).response.status == 200)

        fixture.clock.advance(by: 60)
        #expect(browser.get(target).response.status == 200)
    }

    @Test func logHasNoCodeOrName() throws {
        let fixture = try PortalFixture()
        let code = fixture.creditorA.verificationCode
        Browser(fixture).get("/overeni/\(code)")
        #expect(fixture.log.text.contains("route=/overeni/:code"))
        #expect(!fixture.log.text.contains(code))
        #expect(!fixture.log.text.contains("25097563"))
        #expect(!fixture.log.text.contains("192.0.2.10"))
        let audit = try fixture.connection.query("SELECT count(*) AS entries FROM audit_log").first
        #expect(try audit?.int("entries") == 0)
    }
}
