import Domain
import Testing

/// Every event in every stage: the allowed ones lead to the expected stage, all others are refused.
@Suite struct CaseTransitionsTests {
    static let day = CalendarDate(iso: "2026-12-04")!

    /// Allowed transitions: stage → (event name → next stage). Anything absent must fail.
    static let allowed: [CaseStage: [String: CaseStage]] = {
        let always: [String: CaseStage] = ["misuseReported": .misuseHold, "paidInFull": .closed, "writtenOff": .closed]
        func with(_ extra: [String: CaseStage]) -> [String: CaseStage] { always.merging(extra) { $1 } }
        return [
            .imported: with(["noticeSent": .noticeSent]),
            .noticeSent: with([
                "demandSent": .demanding, "answer.willPay": .noticeSent, "answer.refuses": .noticeSent,
                "answer.notOwed": .disputed,
            ]),
            .demanding: with([
                "demandSent": .demanding, "answer.willPay": .demanding, "answer.refuses": .demanding,
                "answer.notOwed": .disputed, "settlementOffered": .settlementOffered,
            ]),
            .disputed: with(["disputeRejected": .demanding, "disputeAccepted": .closed]),
            .misuseHold: ["misuseDismissed": .demanding, "misuseUpheld": .closed, "paidInFull": .closed, "writtenOff": .closed],
            .settlementOffered: with([
                "answer.willPay": .settlementOffered, "answer.refuses": .settlementOffered, "answer.notOwed": .disputed,
                "settlementSigned": .settlementSigned, "settlementDeclined": .demanding,
            ]),
            .settlementSigned: with(["awardIssued": .awardIssued, "awardRejected": .demanding]),
            .awardIssued: with(["instalmentMissed": .accelerated, "settlementFulfilled": .closed]),
            .accelerated: with(["executionProposed": .executionProposed]),
            .executionProposed: with([:]),
            .closed: [:],
        ]
    }()

    static func name(_ event: CaseEvent) -> String {
        switch event {
        case .noticeSent: "noticeSent"
        case .demandSent: "demandSent"
        case .debtorAnswered(let answer):
            switch answer {
            case .willPay: "answer.willPay"
            case .refuses: "answer.refuses"
            case .notOwed: "answer.notOwed"
            }
        case .disputeRejected: "disputeRejected"
        case .disputeAccepted: "disputeAccepted"
        case .misuseReported: "misuseReported"
        case .misuseDismissed: "misuseDismissed"
        case .misuseUpheld: "misuseUpheld"
        case .settlementOffered: "settlementOffered"
        case .settlementSigned: "settlementSigned"
        case .settlementDeclined: "settlementDeclined"
        case .awardIssued: "awardIssued"
        case .awardRejected: "awardRejected"
        case .instalmentMissed: "instalmentMissed"
        case .executionProposed: "executionProposed"
        case .settlementFulfilled: "settlementFulfilled"
        case .paidInFull: "paidInFull"
        case .writtenOff: "writtenOff"
        }
    }

    @Test(arguments: CaseStage.allCases)
    func everyEventInStage(_ stage: CaseStage) {
        let state = CaseState(
            stage: stage, stageBeforeHold: stage.isHold ? .demanding : nil, lastStepOn: CalendarDate(iso: "2026-01-01"),
            demandsSent: 1, isBusinessDebtor: true)
        for event in CaseEvent.all(on: Self.day) {
            let expected = Self.allowed[stage]?[Self.name(event)]
            switch CaseTransitions.apply(event, to: state, spacingDays: 7) {
            case .success(let next):
                #expect(expected != nil, "\(stage) accepted \(Self.name(event))")
                #expect(next.stage == expected, "\(stage) + \(Self.name(event))")
            case .failure(let error):
                #expect(expected == nil, "\(stage) refused \(Self.name(event)): \(error)")
            }
        }
    }

    @Test func demandNeedsSpacingAfterNotice() {
        let notice = CalendarDate(iso: "2026-12-01")!
        let state = CaseState(stage: .noticeSent, lastStepOn: notice, isBusinessDebtor: true)
        let early = CaseTransitions.apply(.demandSent(on: notice.adding(days: 6)), to: state, spacingDays: 7)
        #expect(early == .failure(.tooEarly(earliest: CalendarDate(iso: "2026-12-08")!)))
        let onTime = CaseTransitions.apply(.demandSent(on: notice.adding(days: 7)), to: state, spacingDays: 7)
        #expect((try? onTime.get())?.demandsSent == 1)
        let longer = CaseTransitions.apply(.demandSent(on: notice.adding(days: 10)), to: state, spacingDays: 14)
        #expect(longer == .failure(.tooEarly(earliest: CalendarDate(iso: "2026-12-15")!)))
    }

    @Test func demandBeforeNoticeIsRefused() {
        let state = CaseState(stage: .imported, isBusinessDebtor: true)
        #expect(CaseTransitions.apply(.demandSent(on: Self.day), to: state, spacingDays: 7) == .failure(.notAllowed(stage: .imported)))
    }

    @Test func atMostThreeDemands() {
        let state = CaseState(stage: .demanding, lastStepOn: CalendarDate(iso: "2026-01-01"), demandsSent: 3, isBusinessDebtor: true)
        #expect(CaseTransitions.apply(.demandSent(on: Self.day), to: state, spacingDays: 7) == .failure(.noMoreDemands))
    }

    @Test func consumersGetNoArbitration() {
        let state = CaseState(stage: .demanding, lastStepOn: CalendarDate(iso: "2026-01-01"), demandsSent: 3, isBusinessDebtor: false)
        #expect(CaseTransitions.apply(.settlementOffered(on: Self.day), to: state, spacingDays: 7) == .failure(.consumerArbitration))
    }

    @Test func holdReturnsToPreviousStage() throws {
        let state = CaseState(stage: .noticeSent, lastStepOn: Self.day, isBusinessDebtor: true)
        let held = try CaseTransitions.apply(.misuseReported, to: state, spacingDays: 7).get()
        #expect(held.stage == .misuseHold)
        #expect(CaseTransitions.apply(.demandSent(on: Self.day.adding(days: 30)), to: held, spacingDays: 7) == .failure(.notAllowed(stage: .misuseHold)))
        let released = try CaseTransitions.apply(.misuseDismissed, to: held, spacingDays: 7).get()
        #expect(released.stage == .noticeSent)
        #expect(released.stageBeforeHold == nil)
    }

    @Test func closedRecordsReason() throws {
        let state = CaseState(stage: .disputed, stageBeforeHold: .demanding, isBusinessDebtor: true)
        let closed = try CaseTransitions.apply(.disputeAccepted, to: state, spacingDays: 7).get()
        #expect(closed.closingReason == .disputeUpheld)
    }
}

@Suite struct StepScheduleTests {
    @Test func proposesNoticeThenDemandsWhenDue() {
        let day = CalendarDate(iso: "2026-12-04")!
        #expect(StepSchedule.proposal(for: CaseState(isBusinessDebtor: true), on: day, spacingDays: 7) == .activationNotice)
        let afterNotice = CaseState(stage: .noticeSent, lastStepOn: day, isBusinessDebtor: true)
        #expect(StepSchedule.proposal(for: afterNotice, on: day.adding(days: 6), spacingDays: 7) == nil)
        #expect(StepSchedule.proposal(for: afterNotice, on: day.adding(days: 7), spacingDays: 7) == .demand(level: 1))
    }

    @Test func catchUpProposesOneStep() {
        let state = CaseState(stage: .demanding, lastStepOn: CalendarDate(iso: "2026-10-01"), demandsSent: 1, isBusinessDebtor: true)
        // Sixty days of downtime: still only the next level, never two at once.
        #expect(StepSchedule.proposal(for: state, on: CalendarDate(iso: "2026-11-30")!, spacingDays: 7) == .demand(level: 2))
    }

    @Test func holdsAndEndProposeNothing() {
        let day = CalendarDate(iso: "2026-12-04")!
        for stage in [CaseStage.disputed, .misuseHold, .closed, .settlementOffered] {
            #expect(StepSchedule.proposal(for: CaseState(stage: stage, isBusinessDebtor: true), on: day, spacingDays: 7) == nil)
        }
        let done = CaseState(stage: .demanding, lastStepOn: CalendarDate(iso: "2026-01-01"), demandsSent: 3, isBusinessDebtor: true)
        #expect(StepSchedule.proposal(for: done, on: day, spacingDays: 7) == nil)
    }
}
