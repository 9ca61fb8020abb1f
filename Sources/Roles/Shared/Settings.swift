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
    /// Largest import file accepted from the portal's upload page, in bytes.
    public var importMaxBytes: Int

    public init(
        mode: Mode = .development, baseURL: String = "http://127.0.0.1:8080", dataDirectory: String = "var",
        importMaxBytes: Int = 100 * 1024 * 1024
    ) {
        self.mode = mode
        self.baseURL = baseURL
        self.dataDirectory = dataDirectory
        self.importMaxBytes = importMaxBytes
    }

    /// Paths that accept request bodies up to `importMaxBytes` (plus room for the multipart framing). Handlers
    /// apply their own smaller limits, such as 10 MB for a debtor's evidence.
    public static let uploadPaths: Set<String> = [
        "/klient/importy", "/klient/vypisy", "/api/v1/imports", "/dluznik/odpoved/nedluzim",
    ]
}
