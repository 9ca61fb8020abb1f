/// The state of one case as the transition rules see it.
public struct CaseState: Sendable, Equatable {
    public var stage: CaseStage
    /// The stage to return to when a hold (dispute, misuse report) is lifted.
    public var stageBeforeHold: CaseStage?
    /// The day the last step (notice, demand, offer) was sent; spacing is counted from it.
    public var lastStepOn: CalendarDate?
    /// Demands sent so far: 1 reminder, 2 firm demand, 3 final pre-action demand.
    public var demandsSent: Int
    public var isBusinessDebtor: Bool
    public var closingReason: ClosingReason?

    public init(
        stage: CaseStage = .imported, stageBeforeHold: CaseStage? = nil, lastStepOn: CalendarDate? = nil,
        demandsSent: Int = 0, isBusinessDebtor: Bool, closingReason: ClosingReason? = nil
    ) {
        self.stage = stage
        self.stageBeforeHold = stageBeforeHold
        self.lastStepOn = lastStepOn
        self.demandsSent = demandsSent
        self.isBusinessDebtor = isBusinessDebtor
        self.closingReason = closingReason
    }
}

/// Something that happens to a case.
public enum CaseEvent: Sendable, Equatable {
    case noticeSent(on: CalendarDate)
    case demandSent(on: CalendarDate)
    case debtorAnswered(DebtorAnswer)
    case disputeRejected
    case disputeAccepted
    case misuseReported
    case misuseDismissed
    case misuseUpheld
    case settlementOffered(on: CalendarDate)
    case settlementSigned
    case settlementDeclined
    case awardIssued
    case awardRejected
    case instalmentMissed
    case executionProposed
    case settlementFulfilled
    case paidInFull
    case writtenOff

    /// Every event with a fixed date, for tests that try each event in each stage.
    public static func all(on day: CalendarDate) -> [CaseEvent] {
        [
            .noticeSent(on: day), .demandSent(on: day), .debtorAnswered(.willPay), .debtorAnswered(.refuses),
            .debtorAnswered(.notOwed), .disputeRejected, .disputeAccepted, .misuseReported, .misuseDismissed,
            .misuseUpheld, .settlementOffered(on: day), .settlementSigned, .settlementDeclined, .awardIssued,
            .awardRejected, .instalmentMissed, .executionProposed, .settlementFulfilled, .paidInFull, .writtenOff,
        ]
    }
}

/// Why an event does not apply to a case.
public enum CaseTransitionError: Error, Sendable, Equatable {
    /// The event makes no sense in this stage (a demand to a closed case, an award without a signed settlement).
    case notAllowed(stage: CaseStage)
    /// A step came before the spacing since the last step ran out; `earliest` is the first allowed day.
    case tooEarly(earliest: CalendarDate)
    /// Settlement with an award is for business debtors only: arbitration clauses with consumers are void.
    case consumerArbitration
    /// All three demands were sent; the next step is a settlement offer or court.
    case noMoreDemands
}
