import Domain
import Testing

/// Every role × action × step, in both the related and the unrelated case.
@Suite struct PermissionsTests {
    /// The expected grants for a user who is fully related to the case (own creditor, assigned debtor, power of
    /// attorney, addressed partner). Anything missing here must be denied.
    static let granted: [Role: [StepAction: Set<StepKind>]] = [
        .clientAdmin: [
            .view: Set(StepKind.allCases),
            .prepare: [.activationNotice, .powerOfAttorney, .demand, .settlementOffer, .executionProposal],
            .approve: [.activationNotice, .powerOfAttorney, .demand, .settlementOffer, .executionProposal],
            .send: [.activationNotice, .powerOfAttorney, .executionProposal],
        ],
        .subordinate: [
            .view: [.activationNotice, .powerOfAttorney, .demand, .settlementOffer, .award],
            .prepare: [.activationNotice, .demand, .settlementOffer],
        ],
        .lawyer: [
            .view: [.activationNotice, .powerOfAttorney, .demand, .settlementOffer, .award],
            .send: [.demand, .settlementOffer],
        ],
        .arbitrator: [
            .view: [.award, .settlementOffer, .powerOfAttorney],
            .prepare: [.award], .approve: [.award], .send: [.award],
        ],
        .bailiff: [.view: [.executionProposal, .award]],
        .operator: [.view: [.activationNotice]],
    ]

    static let related = CaseRelation(
        isOwnCreditor: true, isAssignedDebtor: true, hasPowerOfAttorney: true, isAddressedPartner: true)

    @Test(arguments: Role.allCases)
    func relatedUserGetsExactlyTheTable(_ role: Role) {
        for action in StepAction.allCases {
            for step in StepKind.allCases {
                let expected = Self.granted[role]?[action]?.contains(step) ?? false
                #expect(
                    Permissions.allows(role, action, step, relation: Self.related) == expected,
                    "\(role) \(action) \(step)")
            }
        }
    }

    @Test(arguments: Role.allCases.filter { $0 != .operator })
    func unrelatedUserGetsNothing(_ role: Role) {
        for action in StepAction.allCases {
            for step in StepKind.allCases {
                #expect(!Permissions.allows(role, action, step, relation: CaseRelation()), "\(role) \(action) \(step)")
            }
        }
    }

    @Test func subordinateNeedsAssignment() {
        let ownButUnassigned = CaseRelation(isOwnCreditor: true, isAssignedDebtor: false)
        for action in StepAction.allCases {
            for step in StepKind.allCases {
                #expect(!Permissions.allows(.subordinate, action, step, relation: ownButUnassigned))
            }
        }
    }

    @Test func subordinateNeverApprovesOrSends() {
        for step in StepKind.allCases {
            #expect(!Permissions.allows(.subordinate, .approve, step, relation: Self.related))
            #expect(!Permissions.allows(.subordinate, .send, step, relation: Self.related))
        }
    }

    @Test func creditorActions() {
        for action in CreditorAction.allCases {
            #expect(Permissions.allows(.clientAdmin, action, isOwnCreditor: true), "\(action)")
            #expect(!Permissions.allows(.clientAdmin, action, isOwnCreditor: false), "\(action)")
            #expect(Permissions.allows(.subordinate, action, isOwnCreditor: true) == (action == .viewDebtors))
            for partner in [Role.lawyer, .arbitrator, .bailiff, .operator] {
                #expect(!Permissions.allows(partner, action, isOwnCreditor: true), "\(partner) \(action)")
            }
        }
    }
}
