import Foundation
import Roles
import Store
import Testing
import TestSupport
import Web

/// The public site answered in-process, without sockets, against a real database.
@Suite struct PublicSiteTests {
    let application = Application(settings: Settings(), logger: Logger(minimumLevel: .error))

    func get(_ target: String, cookie: String? = nil, database: Database) -> (Response, String) {
        let headers = cookie.map { ["cookie": $0] } ?? [:]
        let response = application.respond(to: Request(method: "GET", target: target, headers: headers), database: database)
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    @Test func homeLinksToHowItWorks() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let (response, body) = get("/", database: database)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(body.contains("<html lang=\"cs\">"))
        #expect(body.contains("<a href=\"/jak-system-funguje\">Jak systém funguje</a>"))
        #expect(body.contains("href=\"/klient/prihlaseni\""))
        #expect(body.contains("href=\"/advokat/prihlaseni\""))
    }

    @Test func everyPublicPageRenders() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        for (target, heading) in [
            ("/jak-system-funguje", "<h1>Jak systém funguje</h1>"), ("/caste-dotazy", "<h1>Časté dotazy</h1>"),
            ("/prihlaseni", "<h1>Přihlášení</h1>"),
        ] {
            let (response, body) = get(target, database: database)
            #expect(response.status == 200, "\(target)")
            #expect(body.contains(heading), "\(target)")
        }
    }

    @Test func unknownPathGetsCzech404() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let (response, body) = get("/tady-nic-neni", database: database)
        #expect(response.status == 404)
        #expect(body.contains("<h1>Stránka nenalezena</h1>"))
    }

    @Test func wrongMethodGets405() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let response = application.respond(to: Request(method: "DELETE", target: "/"), database: database)
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET")
    }

    @Test func languageSwitchSetsCookieAndReturns() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let (response, _) = get("/jazyk?l=en&zpet=/caste-dotazy", database: database)
        #expect(response.status == 303)
        #expect(response.header("Location") == "/caste-dotazy")
        #expect(response.header("Set-Cookie")?.hasPrefix("lang=en; Path=/") == true)
        let (_, english) = get("/caste-dotazy", cookie: "lang=en", database: database)
        #expect(english.contains("<h1>Frequently asked questions</h1>"))
        #expect(english.contains("<html lang=\"en\">"))
    }

    @Test func languageSwitchStaysOnSite() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        for target in ["https://evil.example/", "//evil.example/", "/\\evil.example"] {
            let (response, _) = get("/jazyk?l=en&zpet=\(target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", database: database)
            #expect(response.header("Location") == "/", "\(target)")
        }
    }

    @Test func healthAnswers200WithDatabase() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let (response, body) = get("/healthz", database: database)
        #expect(response.status == 200)
        #expect(body == "ok\n")
    }

    @Test func healthAnswers503WithoutDatabase() {
        let database = Database(conninfo: "host=/nonexistent/socket/dir dbname=x connect_timeout=1")
        let (response, body) = get("/healthz", database: database)
        #expect(response.status == 503)
        #expect(body == "database unavailable\n")
    }

    @Test func rejectedBodyGetsCzech413() {
        let response = application.rejection(status: 413)
        #expect(response.status == 413)
        #expect(String(decoding: response.body, as: UTF8.self).contains("Příliš velký požadavek"))
    }

    @Test func rolePagesAreNotCached() throws {
        let testDatabase = try TestDatabase()
        let database = Database(conninfo: testDatabase.conninfo)
        let (publicPage, _) = get("/", database: database)
        #expect(publicPage.header("Cache-Control") == "no-cache")
        let (rolePage, _) = get("/klient/neexistuje", database: database)
        #expect(rolePage.header("Cache-Control") == "no-store")
    }
}
