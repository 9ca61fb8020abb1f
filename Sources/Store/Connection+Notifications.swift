import CLibPQ
import Foundation

extension Connection {
    /// Subscribes the session to a notification channel (`LISTEN`); the name is a constant of our own code.
    public func listen(_ channel: StaticString) throws {
        try executeScript("LISTEN \(channel)")
    }

    /// Waits up to `timeout` seconds for a notification on a channel this session listens to; returns whether one
    /// arrived. Pending notifications are consumed, so one wake-up covers any number of inserts.
    public func waitForNotification(timeout: TimeInterval) throws -> Bool {
        try withHandle { handle in
            if drainNotifications(handle) { return true }
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw StoreError(.unavailable, context: "PQsocket") }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(0, timeout) * 1000))
            guard ready > 0 else { return false }
            guard PQconsumeInput(handle) == 1 else {
                throw StoreError(.unavailable, context: "PQconsumeInput", serverMessage: String(cString: PQerrorMessage(handle)))
            }
            return drainNotifications(handle)
        }
    }

    private func drainNotifications(_ handle: OpaquePointer) -> Bool {
        var received = false
        while let notification = PQnotifies(handle) {
            received = true
            PQfreemem(notification)
        }
        return received
    }
}
