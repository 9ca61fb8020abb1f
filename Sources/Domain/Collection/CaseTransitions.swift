/// The transition rules of a case: a pure function from a state and an event to the next state.
///
/// Steps that leave the system (notice, demand, settlement offer) must keep the creditor's spacing after the
/// previous step; holds (dispute, misuse report) stop everything until lifted; any open case closes when paid in
/// full or written off.
public enum CaseTransitions {
    public static func apply(_ event: CaseEvent, to state: CaseState, spacingDays: Int) -> Result<CaseState, CaseTransitionError> {
        var next = state
        let stage = state.stage
        func notAllowed() -> Result<CaseState, CaseTransitionError> { .failure(.notAllowed(stage: stage)) }

        if stage == .closed { return notAllowed() }

        switch event {
        case .noticeSent(let day):
            guard stage == .imported else { return notAllowed() }
            next.stage = .noticeSent
            next.lastStepOn = day

        case .demandSent(let day):
            guard stage == .noticeSent || stage == .demanding else { return notAllowed() }
            guard state.demandsSent < 3 else { return .failure(.noMoreDemands) }
            if let earliest = earliestNextStep(state, spacingDays: spacingDays), day < earliest {
                return .failure(.tooEarly(earliest: earliest))
            }
            next.stage = .demanding
            next.demandsSent += 1
            next.lastStepOn = day

        case .debtorAnswered(let answer):
            guard [.noticeSent, .demanding, .settlementOffered].contains(stage) else { return notAllowed() }
            if answer == .notOwed {
                next.stageBeforeHold = stage
                next.stage = .disputed
            }

        case .disputeRejected:
            guard stage == .disputed else { return notAllowed() }
            next.stage = state.stageBeforeHold ?? .demanding
            next.stageBeforeHold = nil

        case .disputeAccepted:
            guard stage == .disputed else { return notAllowed() }
            close(&next, .disputeUpheld)

        case .misuseReported:
            guard stage != .misuseHold else { return notAllowed() }
            next.stageBeforeHold = stage
            next.stage = .misuseHold

        case .misuseDismissed:
            guard stage == .misuseHold else { return notAllowed() }
            next.stage = state.stageBeforeHold ?? .imported
            next.stageBeforeHold = nil

        case .misuseUpheld:
            guard stage == .misuseHold else { return notAllowed() }
            close(&next, .misuse)

        case .settlementOffered(let day):
            guard stage == .demanding else { return notAllowed() }
            guard state.isBusinessDebtor else { return .failure(.consumerArbitration) }
            if let earliest = earliestNextStep(state, spacingDays: spacingDays), day < earliest {
                return .failure(.tooEarly(earliest: earliest))
            }
            next.stage = .settlementOffered
            next.lastStepOn = day

        case .settlementSigned:
            guard stage == .settlementOffered else { return notAllowed() }
            next.stage = .settlementSigned

        case .settlementDeclined:
            guard stage == .settlementOffered else { return notAllowed() }
            next.stage = .demanding

        case .awardIssued:
            guard stage == .settlementSigned else { return notAllowed() }
            next.stage = .awardIssued

        case .awardRejected:
            guard stage == .settlementSigned else { return notAllowed() }
            next.stage = .demanding

        case .instalmentMissed:
            guard stage == .awardIssued else { return notAllowed() }
            next.stage = .accelerated

        case .executionProposed:
            guard stage == .accelerated else { return notAllowed() }
            next.stage = .executionProposed

        case .settlementFulfilled:
            guard stage == .awardIssued else { return notAllowed() }
            close(&next, .settled)

        case .paidInFull:
            close(&next, .paid)

        case .writtenOff:
            close(&next, .writtenOff)
        }
        return .success(next)
    }

    /// The first day the next outgoing step may be sent: the last step plus the spacing; nil when there was none.
    public static func earliestNextStep(_ state: CaseState, spacingDays: Int) -> CalendarDate? {
        state.lastStepOn.map { $0.adding(days: spacingDays) }
    }

    private static func close(_ state: inout CaseState, _ reason: ClosingReason) {
        state.stage = .closed
        state.closingReason = reason
        state.stageBeforeHold = nil
    }
}
