/// A reason why a whole import file cannot be read; `description` is the Czech sentence shown to the user.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case tooLarge
        case doctypeForbidden
        case wrongEncoding
        case truncated
        case malformed
        case unknownFormat
        case unsupportedVersion
        case unreadable
        case supplierMismatch
        case rowsRejected
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
