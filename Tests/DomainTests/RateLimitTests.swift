import Domain
import Foundation
import Testing

@Suite struct RateLimitTests {
    let limit = RateLimit(maximumRequests: 3, window: 60)

    @Test func windowStartsOnTheMinute() {
        let instant = Date(timeIntervalSince1970: 1_796_400_059.5)
        #expect(limit.windowStart(for: instant) == Date(timeIntervalSince1970: 1_796_400_000))
        #expect(
            limit.windowStart(for: Date(timeIntervalSince1970: 1_796_400_060))
                == Date(timeIntervalSince1970: 1_796_400_060))
    }

    @Test func allowsUpToMaximum() {
        #expect(limit.allows(count: 1))
        #expect(limit.allows(count: 3))
        #expect(!limit.allows(count: 4))
    }

    @Test func retryAfterCountsToWindowEnd() {
        #expect(limit.secondsUntilReset(from: Date(timeIntervalSince1970: 1_796_400_000)) == 60)
        #expect(limit.secondsUntilReset(from: Date(timeIntervalSince1970: 1_796_400_059.2)) == 1)
        #expect(limit.secondsUntilReset(from: Date(timeIntervalSince1970: 1_796_400_030)) == 30)
    }
}
