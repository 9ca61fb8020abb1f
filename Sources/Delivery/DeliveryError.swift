/// Why a message could not be delivered, and whether trying again later can help.
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The server was unreachable, timed out or answered 4xx: retry with back-off.
        case temporary
        /// The server rejected the message or recipient for good (SMTP 5xx, HTTP 4xx): another channel is needed.
        case permanent
    }

    public let kind: Kind
    /// A short reason safe to show to the creditor and to log: the failing step and the server's status code,
    /// never the message content or credentials.
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(kind == .temporary ? "temporary" : "permanent"): \(reason)" }
}
