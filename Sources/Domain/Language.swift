/// A language the portal, its messages and its documents are written in; Czech is the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case cs
    case en

    public static let `default` = Language.cs

    /// Parses a language code such as `cs`, `en` or `en-GB`, returning nil for languages Kolektor does not offer.
    public init?(code: String) {
        let prefix = code.lowercased().prefix(2)
        guard let language = Language(rawValue: String(prefix)) else { return nil }
        self = language
    }
}
