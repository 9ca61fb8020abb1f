import Domain
import Foundation
import Store
import Web

/// What a handler gets besides the request: the thread's database, the moment the request started, the reader's
/// language, and the application's catalog and settings.
public struct RequestContext {
    public let database: Database
    public let now: Date
    public let language: Language
    public let application: Application

    /// A text from the catalog in the reader's language.
    public func text(_ key: String) -> String {
        application.catalog.text(key, language)
    }

    public func text(_ key: String, _ values: [String: String]) -> String {
        application.catalog.text(key, language, values)
    }
}
