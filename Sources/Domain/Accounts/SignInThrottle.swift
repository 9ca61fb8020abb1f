import Foundation

/// Growing delays after failed sign-ins, per key (an account or a client address).
///
/// The first `freeAttempts` failures cost nothing; each further failure doubles the wait, starting at one second,
/// up to `maximumDelay`. A key quiet for `resetAfter` starts again from zero. The same rule applies whether or
/// not the account exists, so the delay reveals nothing about accounts.
public struct SignInThrottle: Sendable {
    public var freeAttempts: Int
    public var maximumDelay: TimeInterval
    public var resetAfter: TimeInterval

    public init(freeAttempts: Int, maximumDelay: TimeInterval = 15 * 60, resetAfter: TimeInterval = 60 * 60) {
        self.freeAttempts = freeAttempts
        self.maximumDelay = maximumDelay
        self.resetAfter = resetAfter
    }

    /// Per account: three free attempts, for a person who mistypes.
    public static let account = SignInThrottle(freeAttempts: 3)
    /// Per client address: more room, because an office may share one address.
    public static let address = SignInThrottle(freeAttempts: 20)

    /// Seconds to wait before the next attempt after `failures` failures, the last one at `lastFailure`;
    /// zero when the next attempt may go ahead.
    public func remainingWait(failures: Int, lastFailure: Date, now: Date) -> TimeInterval {
        guard now.timeIntervalSince(lastFailure) < resetAfter, failures >= freeAttempts else { return 0 }
        let exponent = min(failures - freeAttempts, 20)
        let delay = min(pow(2, Double(exponent)), maximumDelay)
        return max(0, lastFailure.addingTimeInterval(delay).timeIntervalSince(now))
    }
}
