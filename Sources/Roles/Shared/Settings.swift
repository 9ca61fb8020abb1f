/// Settings of the running portal that handlers need.
public struct Settings: Sendable {
    public enum Mode: String, Sendable {
        /// Local development: development-only pages (such as the mailbox) exist.
        case development
        case production
    }

    public var mode: Mode
    /// The public address of the portal, used in links sent by e-mail and letter (`https://kolektor.cz`).
    public var baseURL: String
    /// Directory for files the portal writes: development mail under `mail/`, later letters and documents.
    public var dataDirectory: String

    public init(mode: Mode = .development, baseURL: String = "http://127.0.0.1:8080", dataDirectory: String = "var") {
        self.mode = mode
        self.baseURL = baseURL
        self.dataDirectory = dataDirectory
    }
}
