import Domain
import Foundation
import Roles
import Store
import Testing
import Web

@Suite(.serialized) struct ClientMessagesTests {
    @Test func logShowsOwnMessagesWithFailureAdvice() throws {
        let fixture = try PortalFixture()
        let now = fixture.clock.now
        let own = try OutboxRepository.enqueue(
            OutboxMessage(organizationID: fixture.creditorA.id, kind: "demand_final", channel: .email,
                          recipient: "dluznik@firma.test", language: .cs, subject: "Výzva", bodyText: "…", createdAt: now),
            on: fixture.connection)
        try fixture.connection.query(
            "UPDATE outbox SET status = 'failed', attempts = 3, last_error = 'SMTP 550 mailbox unavailable' WHERE id = \(own)")
        _ = try OutboxRepository.enqueue(
            OutboxMessage(organizationID: fixture.creditorB.id, kind: "invitation", channel: .email,
                          recipient: "cizi@firma.test", language: .cs, subject: "Pozvánka", bodyText: "…", createdAt: now),
            on: fixture.connection)

        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("adminA", site: .client)
        let (response, body) = browser.get("/klient/zpravy")
        #expect(response.status == 200)
        #expect(body.contains("dluznik@firma.test"))
        #expect(body.contains("předžalobní výzva"))
        #expect(body.contains("nedoručeno"))
        #expect(body.contains("Zprávu se nepodařilo doručit (SMTP 550 mailbox unavailable)."))
        #expect(body.contains("Ověřte e-mailovou adresu, nebo pošlete zprávu dopisem."))
        #expect(body.contains("<td class=\"amount\">3</td>"))
        #expect(!body.contains("cizi@firma.test"), "another creditor's message must not show")
    }

    @Test func subordinateCannotSeeTheLog() throws {
        let fixture = try PortalFixture()
        let browser = Browser(fixture)
        browser.cookies[fixture.cookieName(.client)] = try fixture.sessionToken("subordinateA", site: .client)
        #expect(browser.get("/klient/zpravy").response.status == 403)
    }
}
