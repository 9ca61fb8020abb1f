/// What the scheduler proposes for a case on a given day: the next outgoing step once the spacing after the
/// previous one has passed, and nothing while a hold lasts or the case is closed.
///
/// Because the proposal depends only on the state and the day, running the scheduler many times a day proposes
/// the same step, and after days of downtime it proposes one step, not every step it missed.
public enum StepSchedule {
    public enum Proposal: Sendable, Equatable {
        case activationNotice
        /// The demand of the given level: 1 reminder, 2 firm demand, 3 final pre-action demand.
        case demand(level: Int)
    }

    public static func proposal(for state: CaseState, on day: CalendarDate, spacingDays: Int) -> Proposal? {
        switch state.stage {
        case .imported:
            return .activationNotice
        case .noticeSent, .demanding:
            guard state.demandsSent < 3 else { return nil }
            if let earliest = CaseTransitions.earliestNextStep(state, spacingDays: spacingDays), day < earliest {
                return nil
            }
            return .demand(level: state.demandsSent + 1)
        default:
            return nil
        }
    }
}
