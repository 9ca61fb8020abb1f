import Foundation
import Domain

/// User-facing texts by key, in Czech (the default) and English.
///
/// Each site module contributes its own entries; `Catalog.merging` joins them and reports keys defined twice.
public struct Catalog: Sendable {
    public struct Entry: Sendable {
        public let cs: String
        public let en: String

        public init(cs: String, en: String) {
            self.cs = cs
            self.en = en
        }

        public func text(_ language: Language) -> String {
            switch language {
            case .cs: cs
            case .en: en.isEmpty ? cs : en
            }
        }
    }

    public private(set) var entries: [String: Entry]

    public init(_ entries: [String: Entry]) {
        self.entries = entries
    }

    /// Joins catalogs; a key present in more than one of them is a programming error caught by `duplicateKeys`.
    public static func merging(_ catalogs: [Catalog]) -> Catalog {
        var merged: [String: Entry] = [:]
        for catalog in catalogs {
            merged.merge(catalog.entries) { first, _ in first }
        }
        return Catalog(merged)
    }

    /// The text for `key`, or the key itself when it is missing, so a gap shows up on screen instead of a blank.
    public func text(_ key: String, _ language: Language) -> String {
        entries[key]?.text(language) ?? key
    }

    /// The text for `key` with `{name}` placeholders replaced by the given values.
    public func text(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        var result = text(key, language)
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }
}

extension Catalog.Entry: ExpressibleByArrayLiteral {
    /// Allows catalog tables written as `"key": ["Czech text", "English text"]`.
    public init(arrayLiteral texts: String...) {
        precondition(texts.count == 2, "a catalog entry needs a Czech and an English text")
        self.init(cs: texts[0], en: texts[1])
    }
}
