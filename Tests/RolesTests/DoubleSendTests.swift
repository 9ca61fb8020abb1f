import Domain
import Foundation
import Store
import Testing

@testable import Roles

@Suite(.serialized) struct DoubleSendTests {
    @Test func staleApprovedStepIsNotSentTwice() throws {
        let fixture = try PortalFixture()
        try CollectionFlowTests.prepareContacts(fixture)
        try CollectionFlowTests.receivable(fixture, debtor: "assigned", invoice: "FV2026400", minor: 500_000)
        let caseID = try CollectionFlowTests.caseID(fixture, debtor: "assigned")
        try CollectionFlowTests.grantAcceptedPower(fixture)
        try fixture.connection.query("UPDATE cases SET stage = 'notice_sent', last_step_on = '2026-01-01' WHERE id = \(caseID)")
        let stepID = try #require(try StepRepository.prepare(
            organizationID: fixture.creditorA.id, caseID: caseID, kind: "demand_reminder", channel: "email",
            preparedBy: "test", approved: true, at: fixture.clock.now, on: fixture.connection))
        // Both requests loaded the step while it was still approved.
        let stale = try #require(try StepRepository.find(id: stepID, organizationID: fixture.creditorA.id, on: fixture.connection))
        let context = RequestContext(database: fixture.handle, now: fixture.clock.now, language: .cs, application: fixture.application)
        let sender = StepSender(context: context, actor: "user:\(fixture.users["lawyer"]!.id)", clientAddress: "127.0.0.1")
        let lawyer = fixture.users["lawyer"]!
        let first = try fixture.connection.transaction { try sender.send(stale, lawyer: lawyer, on: $0) }
        #expect(first != .cancelledPaid)
        #expect(throws: StepSender.Refusal.self) {
            try fixture.connection.transaction { try sender.send(stale, lawyer: lawyer, on: $0) }
        }
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM outbox WHERE kind = 'demand_reminder'").first?.int("n") == 1)
    }
}
