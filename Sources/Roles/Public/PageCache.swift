import Domain
import Synchronization
import Web

/// Rendered public pages that depend only on the language, kept after their first rendering.
///
/// The home page, the process description, the FAQ and the sign-in index contain no data from the database or the
/// request, so rendering them again for every visitor only costs CPU. Thread-safety: the dictionary is behind a
/// mutex; two threads that miss at once both render, and the second result replaces an identical first.
final class PageCache: Sendable {
    private let pages = Mutex<[String: [UInt8]]>([:])

    func page(_ key: String, language: Language, render: () -> [UInt8]) -> [UInt8] {
        let cacheKey = language.rawValue + ":" + key
        if let cached = pages.withLock({ $0[cacheKey] }) { return cached }
        let rendered = render()
        pages.withLock { $0[cacheKey] = rendered }
        return rendered
    }
}
