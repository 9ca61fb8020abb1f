/// The stage of a case (one creditor's claim against one debtor).
public enum CaseStage: String, Sendable, CaseIterable, Codable {
    /// Receivables imported; nothing sent yet.
    case imported
    /// The activation notice was sent: the debtor knows the creditor uses Kolektor.
    case noticeSent = "notice_sent"
    /// At least one demand was sent by the lawyer.
    case demanding
    /// The debtor answered "not owed"; nothing is sent until the creditor accepts or rejects the dispute.
    case disputed
    /// The debtor reported misuse; everything waits for the operator.
    case misuseHold = "misuse_hold"
    /// A settlement with an instalment plan was offered (business debtors only).
    case settlementOffered = "settlement_offered"
    /// The debtor signed the settlement; it waits for the arbitrator.
    case settlementSigned = "settlement_signed"
    /// The arbitrator approved the settlement as an award; instalments are followed.
    case awardIssued = "award_issued"
    /// An instalment was missed: the whole rest is due and execution may be proposed.
    case accelerated
    /// An execution proposal was handed to a bailiff.
    case executionProposed = "execution_proposed"
    case closed

    /// Stages in which the case waits for a decision and nothing may be sent.
    public var isHold: Bool { self == .disputed || self == .misuseHold }
}

/// The reason a case was closed.
public enum ClosingReason: String, Sendable, CaseIterable, Codable {
    case paid
    case settled
    case writtenOff = "written_off"
    case disputeUpheld = "dispute_upheld"
    case misuse
}

/// The debtor's answer in the debtor portal.
public enum DebtorAnswer: String, Sendable, CaseIterable, Codable {
    case willPay = "will_pay"
    case refuses
    case notOwed = "not_owed"
}
