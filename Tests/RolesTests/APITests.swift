import Crypto
import Domain
import Foundation
import Roles
import Store
import Testing
import Web

/// The REST API: API keys, file import, batch report and receivable list.
@Suite(.serialized) struct APITests {
    let fixture: PortalFixture
    let keyA = "kol_test_key_for_creditor_a"
    let keyB = "kol_test_key_for_creditor_b"

    init() throws {
        fixture = try PortalFixture()
        _ = try APIKeyRepository.insert(
            organizationID: fixture.creditorA.id, name: "účetnictví", keyHash: Digest.sha256(keyA),
            now: fixture.clock.now, on: fixture.connection)
        _ = try APIKeyRepository.insert(
            organizationID: fixture.creditorB.id, name: "účetnictví", keyHash: Digest.sha256(keyB),
            now: fixture.clock.now, on: fixture.connection)
    }

    func call(_ method: String, _ target: String, key: String?, body: [UInt8] = []) throws
        -> (status: Int, json: [String: Any])
    {
        var headers: [String: String] = ["content-type": "application/xml"]
        if let key { headers["authorization"] = "Bearer \(key)" }
        let request = Request(method: method, target: target, headers: headers, body: body)
        let response = fixture.application.respond(to: request, database: fixture.handle)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    @Test func databaseFailureRespondsInJSON() throws {
        // A server that cannot reach PostgreSQL: the API still responds in JSON, not with an HTML page.
        let request = Request(
            method: "GET", target: "/api/v1/receivables", headers: ["authorization": "Bearer kol_x"], body: [])
        let response = fixture.application.respond(
            to: request, database: Database(conninfo: "host=/nonexistent-kolektor-socket dbname=none"))
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        #expect((object["error"] as? String)?.contains("nedostupná") == true)
    }

    @Test func missingOrWrongKeyIs401() throws {
        let missing = try call("GET", "/api/v1/receivables", key: nil)
        #expect(missing.status == 401)
        #expect((missing.json["error"] as? String)?.contains("API klíč") == true)
        #expect(try call("GET", "/api/v1/receivables", key: "kol_wrong").status == 401)
    }

    @Test func revokedKeyIs401() throws {
        let key = try APIKeyRepository.insert(
            organizationID: fixture.creditorA.id, name: "starý", keyHash: Digest.sha256("kol_old"),
            now: fixture.clock.now, on: fixture.connection)
        try APIKeyRepository.revoke(
            id: key.id, organizationID: fixture.creditorA.id, now: fixture.clock.now, on: fixture.connection)
        #expect(try call("GET", "/api/v1/receivables", key: "kol_old").status == 401)
    }

    @Test func importThenReadBatchAndReceivables() throws {
        let xml = Samples.kolektorXML(receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2"))
        let created = try call(
            "POST", "/api/v1/imports?mode=snapshot&filename=faktury.xml", key: keyA, body: Array(xml.utf8))
        #expect(created.status == 201)
        #expect(created.json["status"] as? String == "applied")
        let counts = created.json["counts"] as? [String: Any]
        #expect(counts?["new"] as? Int == 2)
        let id = try #require(created.json["id"] as? Int)

        let shown = try call("GET", "/api/v1/imports/\(id)", key: keyA)
        #expect(shown.status == 200)
        #expect((shown.json["changes"] as? [Any])?.count == 2)

        let list = try call("GET", "/api/v1/receivables?limit=1", key: keyA)
        let receivables = try #require(list.json["receivables"] as? [[String: Any]])
        #expect(receivables.count == 1)
        #expect(receivables.first?["total"] as? String == "1000.00")
        #expect(receivables.first?["currency"] as? String == "CZK")

        #expect(try call("GET", "/api/v1/imports/\(id)", key: keyB).status == 404)
        let other = try call("GET", "/api/v1/receivables", key: keyB)
        #expect((other.json["receivables"] as? [Any])?.isEmpty == true)
    }

    @Test func rejectedImportIs422WithIssues() throws {
        let xml = Samples.kolektorXML(receivables: Samples.receivable("FV-1", due: ""))
        let result = try call("POST", "/api/v1/imports", key: keyA, body: Array(xml.utf8))
        #expect(result.status == 422)
        #expect(result.json["status"] as? String == "rejected")
        let issues = try #require(result.json["issues"] as? [[String: Any]])
        #expect(issues.first?["field"] as? String == "datum splatnosti")
    }

    @Test func unknownModeIs400() throws {
        let result = try call("POST", "/api/v1/imports?mode=all", key: keyA, body: [1])
        #expect(result.status == 400)
    }
}

@Suite(.serialized) struct ClientAPIKeyPageTests {
    @Test func adminCreatesUsesAndRevokesKey() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        #expect(browser.get("/klient/api-klice").response.status == 200)

        let created = browser.post("/klient/api-klice", [("csrf_token", "csrf-adminA"), ("nazev", "POHODA")])
        #expect(created.response.status == 200)
        let marker = try #require(created.body.range(of: "<code>"))
        let key = String(created.body[marker.upperBound...].prefix { $0 != "<" })
        #expect(key.hasPrefix("kol_"))

        let request = Request(method: "GET", target: "/api/v1/receivables", headers: ["authorization": "Bearer \(key)"])
        #expect(fixture.application.respond(to: request, database: fixture.handle).status == 200)

        let stored = try #require(
            try APIKeyRepository.all(organizationID: fixture.creditorA.id, on: fixture.connection).first)
        let revoked = browser.post("/klient/api-klice/\(stored.id)/zrusit", [("csrf_token", "csrf-adminA")])
        #expect(revoked.response.status == 303)
        #expect(fixture.application.respond(to: request, database: fixture.handle).status == 401)
        #expect(!browser.get("/klient/api-klice").body.contains(key))
    }

    @Test func subordinateCannotManageKeys() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("subordinateA", site: .client)
        #expect(browser.get("/klient/api-klice").response.status == 403)
    }

    @Test func adminCannotRevokeOtherCreditorsKey() throws {
        let fixture = try PortalFixture()
        let keyB = try APIKeyRepository.insert(
            organizationID: fixture.creditorB.id, name: "B", keyHash: Digest.sha256("kol_b"), now: fixture.clock.now,
            on: fixture.connection)
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        _ = browser.post("/klient/api-klice/\(keyB.id)/zrusit", [("csrf_token", "csrf-adminA")])
        let stillActive = try APIKeyRepository.all(organizationID: fixture.creditorB.id, on: fixture.connection)
        #expect(stillActive.first?.revokedAt == nil)
    }
}
