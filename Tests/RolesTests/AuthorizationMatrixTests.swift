import Domain
import Foundation
import Roles
import Store
import Testing
import Web

/// Every route of every role site, anonymously and with each other role's session.
@Suite(.serialized) struct AuthorizationMatrixTests {
    /// Pages of a role site that are open before sign-in.
    static let openRoutes: Set<String> = ["prihlaseni", "zapomenute-heslo", "nove-heslo"]

    static let roleSites: [(Site, String)] = [
        (.client, "adminA"), (.lawyer, "lawyer"), (.arbitrator, "arbitrator"), (.bailiff, "bailiff"), (.operator, "operator"),
    ]

    func protectedRoutes(_ application: Application, site: Site) -> [(method: String, pattern: String)] {
        application.routes.filter { route in
            route.pattern.hasPrefix(site.prefix) && !Self.openRoutes.contains(String(route.pattern.dropFirst(site.prefix.count)))
        }
    }

    func target(_ pattern: String, fixture: PortalFixture) -> String {
        pattern.replacingOccurrences(of: ":id", with: "\(fixture.users["subordinateA"]!.id)")
    }

    @Test func everyRoleSiteHasProtectedRoutes() throws {
        let fixture = try PortalFixture()
        for (site, _) in Self.roleSites {
            #expect(!protectedRoutes(fixture.application, site: site).isEmpty, "\(site)")
        }
    }

    @Test func anonymousIsSentToTheSitesSignIn() throws {
        let fixture = try PortalFixture()
        for (site, _) in Self.roleSites {
            for route in protectedRoutes(fixture.application, site: site) {
                let browser = Browser(fixture)
                let (response, _) = route.method == "GET"
                    ? browser.get(target(route.pattern, fixture: fixture))
                    : browser.post(target(route.pattern, fixture: fixture), [("csrf_token", "x")])
                let expected = route.pattern.hasSuffix("odhlaseni") ? site.prefix + "prihlaseni?zprava=odhlaseno" : site.prefix + "prihlaseni"
                #expect(response.status == 303, "\(route.method) \(route.pattern)")
                #expect(response.header("Location") == expected, "\(route.method) \(route.pattern)")
            }
        }
    }

    @Test func otherRolesSessionsOpenNothing() throws {
        let fixture = try PortalFixture()
        for (site, owner) in Self.roleSites {
            for (otherSite, otherUser) in Self.roleSites where otherUser != owner {
                // The other role's real session, presented under this site's cookie name.
                let token = try fixture.sessionToken(otherUser, site: otherSite)
                for route in protectedRoutes(fixture.application, site: site) {
                    let browser = Browser(fixture)
                    browser.cookies[fixture.cookieName(site)] = token
                    let (response, body) = route.method == "GET"
                        ? browser.get(target(route.pattern, fixture: fixture))
                        : browser.post(target(route.pattern, fixture: fixture), [("csrf_token", "csrf-\(otherUser)")])
                    #expect([303, 403].contains(response.status), "\(otherUser) on \(route.method) \(route.pattern)")
                    #expect(!body.contains("Uživatel \(owner)"), "\(otherUser) saw \(owner)'s data on \(route.pattern)")
                }
            }
        }
    }

    @Test func sameRoleOnAnotherSiteIsNotAccepted() throws {
        let fixture = try PortalFixture()
        // A client admin's session made for the lawyer site must not open the client site.
        let token = try fixture.sessionToken("adminA", site: .lawyer)
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = token
        #expect(browser.get("/klient/").response.status == 303)
    }

    @Test func subordinateGets403ForUnassignedDebtor() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("subordinateA", site: .client)
        let assigned = browser.get("/klient/dluznici/\(fixture.debtors["assigned"]!.id)")
        #expect(assigned.response.status == 200)
        #expect(assigned.body.contains("Přidělený s.r.o."))
        let unassigned = browser.get("/klient/dluznici/\(fixture.debtors["unassigned"]!.id)")
        #expect(unassigned.response.status == 403)
        #expect(!unassigned.body.contains("Nepřidělená Jana"))
        let list = browser.get("/klient/dluznici")
        #expect(list.body.contains("Přidělený s.r.o."))
        #expect(!list.body.contains("Nepřidělená Jana"))
    }

    @Test func subordinateCannotManageUsers() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("subordinateA", site: .client)
        #expect(browser.get("/klient/uzivatele").response.status == 403)
        #expect(browser.get("/klient/uzivatele/\(fixture.users["adminA"]!.id)").response.status == 403)
        let invite = browser.post("/klient/uzivatele/pozvat", [("csrf_token", "csrf-subordinateA"), ("jmeno", "X"), ("email", "x@test.cz")])
        #expect(invite.response.status == 403)
    }

    @Test func adminOfAGets404ForObjectsOfB() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let foreignDebtor = browser.get("/klient/dluznici/\(fixture.debtors["otherCreditor"]!.id)")
        #expect(foreignDebtor.response.status == 404)
        #expect(!foreignDebtor.body.contains("Cizí dlužník"))
        let foreignUser = fixture.users["adminB"]!.id
        #expect(browser.get("/klient/uzivatele/\(foreignUser)").response.status == 404)
        let deactivate = browser.post("/klient/uzivatele/\(foreignUser)/stav", [("csrf_token", "csrf-adminA"), ("aktivni", "0")])
        #expect(deactivate.response.status == 404)
        let assign = browser.post(
            "/klient/uzivatele/\(foreignUser)/dluznici", [("csrf_token", "csrf-adminA"), ("dluznik", "\(fixture.debtors["otherCreditor"]!.id)")])
        #expect(assign.response.status == 404)
        #expect(try fixture.connection.query("SELECT active FROM users WHERE id = \(foreignUser)").first?.bool("active") == true)
    }

    @Test func adminCannotAssignAnotherCreditorsDebtor() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let subordinate = fixture.users["subordinateA"]!.id
        let response = browser.post(
            "/klient/uzivatele/\(subordinate)/dluznici",
            [("csrf_token", "csrf-adminA"), ("dluznik", "\(fixture.debtors["assigned"]!.id)"),
             ("dluznik", "\(fixture.debtors["otherCreditor"]!.id)")])
        #expect(response.response.status == 404)
        let assigned = try fixture.connection.query(
            "SELECT debtor_id FROM debtor_assignments WHERE user_id = \(subordinate)"
        ).rows.map { try $0.int("debtor_id") }
        #expect(assigned == [fixture.debtors["assigned"]!.id])
    }

    @Test func formsWithoutCSRFAreRejected() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let subordinate = fixture.users["subordinateA"]!.id
        let forged = browser.post("/klient/uzivatele/\(subordinate)/stav", [("aktivni", "0")])
        #expect(forged.response.status == 403)
        let wrong = browser.post("/klient/uzivatele/\(subordinate)/stav", [("csrf_token", "csrf-subordinateA"), ("aktivni", "0")])
        #expect(wrong.response.status == 403)
        #expect(try fixture.connection.query("SELECT active FROM users WHERE id = \(subordinate)").first?.bool("active") == true)
    }

    @Test func everyFormCarriesACSRFField() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        for path in ["/klient/", "/klient/uzivatele", "/klient/uzivatele/\(fixture.users["subordinateA"]!.id)", "/klient/heslo"] {
            let body = browser.get(path).body
            let forms = body.components(separatedBy: "<form").count - 1
            let fields = body.components(separatedBy: "name=\"csrf_token\"").count - 1
            #expect(forms > 0, "\(path)")
            #expect(forms == fields, "\(path): \(forms) forms, \(fields) CSRF fields")
        }
    }
}
