/// A kind of step in a case that leaves the system or changes its course.
public enum StepKind: String, Sendable, CaseIterable {
    case activationNotice = "activation_notice"
    case powerOfAttorney = "power_of_attorney"
    case demand
    case settlementOffer = "settlement_offer"
    case award
    case executionProposal = "execution_proposal"
}

/// An action on a step: view it, prepare a draft, approve the draft, or send it.
public enum StepAction: String, Sendable, CaseIterable {
    case view
    case prepare
    case approve
    case send
}

/// The acting user's relation to the case of a step. The caller reads these facts from the database.
public struct CaseRelation: Sendable, Equatable {
    /// The user belongs to the creditor that owns the case.
    public var isOwnCreditor: Bool
    /// The debtor of the case is assigned to the user (only meaningful for subordinates).
    public var isAssignedDebtor: Bool
    /// The lawyer holds an accepted, current power of attorney covering the case.
    public var hasPowerOfAttorney: Bool
    /// The case was handed to this arbitrator or bailiff.
    public var isAddressedPartner: Bool

    public init(
        isOwnCreditor: Bool = false, isAssignedDebtor: Bool = false, hasPowerOfAttorney: Bool = false,
        isAddressedPartner: Bool = false
    ) {
        self.isOwnCreditor = isOwnCreditor
        self.isAssignedDebtor = isAssignedDebtor
        self.hasPowerOfAttorney = hasPowerOfAttorney
        self.isAddressedPartner = isAddressedPartner
    }
}

/// Actions on a creditor's account rather than on one case.
public enum CreditorAction: String, Sendable, CaseIterable {
    case viewDebtors = "view_debtors"
    case manageUsers = "manage_users"
    case importReceivables = "import_receivables"
    case manageAPIKeys = "manage_api_keys"
    case grantPowerOfAttorney = "grant_power_of_attorney"
    case viewMessages = "view_messages"
    /// Download the creditor's stamp and sticker sheet. Only the client admin may, because the stamp speaks for the
    /// whole creditor, so the admin decides on which invoices it appears.
    case downloadStamp = "download_stamp"
}

/// Who may do what, as pure functions of role, action and relation to the case.
///
/// The rules: subordinates prepare drafts for their assigned debtors and never approve or send; the client admin
/// prepares and approves everything of its creditor and itself sends the notice, the power of attorney and the
/// execution proposal; the lawyer sends demands and settlement offers under an accepted power of attorney; the
/// arbitrator decides awards and the bailiff sees execution proposals handed to them; the operator sees activation
/// notices to review misuse reports. Anything not listed is denied.
public enum Permissions {
    public static func allows(_ role: Role, _ action: StepAction, _ step: StepKind, relation: CaseRelation) -> Bool {
        switch role {
        case .clientAdmin:
            guard relation.isOwnCreditor else { return false }
            return clientAdmin(action, step)
        case .subordinate:
            guard relation.isOwnCreditor, relation.isAssignedDebtor else { return false }
            return subordinate(action, step)
        case .lawyer:
            guard relation.hasPowerOfAttorney else { return false }
            return lawyer(action, step)
        case .arbitrator:
            guard relation.isAddressedPartner else { return false }
            return step == .award || (action == .view && (step == .settlementOffer || step == .powerOfAttorney))
        case .bailiff:
            guard relation.isAddressedPartner else { return false }
            return action == .view && (step == .executionProposal || step == .award)
        case .operator:
            return action == .view && step == .activationNotice
        }
    }

    /// Whether `role` may take a creditor-wide action; `isOwnCreditor` is true when the user belongs to that creditor.
    public static func allows(_ role: Role, _ action: CreditorAction, isOwnCreditor: Bool) -> Bool {
        guard isOwnCreditor else { return false }
        switch role {
        case .clientAdmin: return true
        case .subordinate: return action == .viewDebtors
        case .lawyer, .arbitrator, .bailiff, .operator: return false
        }
    }

    private static func clientAdmin(_ action: StepAction, _ step: StepKind) -> Bool {
        switch action {
        case .view: return true
        case .prepare, .approve: return step != .award
        case .send: return step == .activationNotice || step == .powerOfAttorney || step == .executionProposal
        }
    }

    private static func subordinate(_ action: StepAction, _ step: StepKind) -> Bool {
        switch action {
        case .view: return step != .executionProposal
        case .prepare: return step == .activationNotice || step == .demand || step == .settlementOffer
        case .approve, .send: return false
        }
    }

    private static func lawyer(_ action: StepAction, _ step: StepKind) -> Bool {
        switch action {
        case .view: return step != .executionProposal
        case .send: return step == .demand || step == .settlementOffer
        case .prepare, .approve: return false
        }
    }
}
