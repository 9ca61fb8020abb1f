import Domain
import Foundation
import Testing

@Suite struct SignInThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let throttle = SignInThrottle(freeAttempts: 3)

    @Test func freeAttemptsHaveNoWait() {
        for failures in 0..<3 {
            #expect(throttle.remainingWait(failures: failures, lastFailure: start, now: start) == 0)
        }
    }

    @Test func delayDoublesAfterFreeAttempts() {
        #expect(throttle.remainingWait(failures: 3, lastFailure: start, now: start) == 1)
        #expect(throttle.remainingWait(failures: 4, lastFailure: start, now: start) == 2)
        #expect(throttle.remainingWait(failures: 8, lastFailure: start, now: start) == 32)
        #expect(throttle.remainingWait(failures: 8, lastFailure: start, now: start.addingTimeInterval(30)) == 2)
        #expect(throttle.remainingWait(failures: 8, lastFailure: start, now: start.addingTimeInterval(40)) == 0)
    }

    @Test func delayIsCapped() {
        #expect(throttle.remainingWait(failures: 100, lastFailure: start, now: start) == 15 * 60)
    }

    @Test func quietKeyStartsOver() {
        #expect(throttle.remainingWait(failures: 100, lastFailure: start, now: start.addingTimeInterval(3601)) == 0)
    }
}
