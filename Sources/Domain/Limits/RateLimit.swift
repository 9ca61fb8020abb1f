import Foundation

/// A fixed-window rate limit: at most `maximumRequests` per key in each window of `window` seconds.
///
/// Windows start at multiples of `window` since 1970, so every process and host computes the same window for the
/// same moment without sharing state other than the counter.
public struct RateLimit: Sendable, Equatable {
    public var maximumRequests: Int
    /// Window length in seconds.
    public var window: TimeInterval

    public init(maximumRequests: Int, window: TimeInterval) {
        precondition(maximumRequests > 0 && window > 0, "a rate limit needs a positive maximum and window")
        self.maximumRequests = maximumRequests
        self.window = window
    }

    /// Returns the start of the window that contains `instant`.
    public func windowStart(for instant: Date) -> Date {
        let seconds = instant.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / window).rounded(.down) * window)
    }

    /// Whether the request counted as number `count` in its window is allowed.
    public func allows(count: Int) -> Bool {
        count <= maximumRequests
    }

    /// Seconds from `instant` until its window ends, rounded up: the value for a `Retry-After` header.
    public func secondsUntilReset(from instant: Date) -> Int {
        let end = windowStart(for: instant).addingTimeInterval(window)
        return max(1, Int(end.timeIntervalSince(instant).rounded(.up)))
    }
}
