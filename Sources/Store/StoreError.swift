import Foundation

/// A failure of the database layer.
///
/// `description` is safe to log and never contains parameter values; `debugDescription` adds the server's message.
public struct StoreError: Error, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The server could not be reached or the connection broke; the request may be retried later.
        case unavailable
        /// The server rejected a statement; `sqlState` says why (for example `23505` for a unique violation).
        case statementFailed
        /// A value in a result row was missing or not of the expected type.
        case decodingFailed
        /// A migration file could not be read or applied.
        case migrationFailed
    }

    public let code: Code
    /// The SQLSTATE that PostgreSQL reported, when it did.
    public let sqlState: String?
    /// Where the failure happened: a libpq function, a column name or a migration file.
    public let context: String
    let serverMessage: String

    init(_ code: Code, context: String, sqlState: String? = nil, serverMessage: String = "") {
        self.code = code
        self.context = context
        self.sqlState = sqlState
        self.serverMessage = serverMessage
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }

    public var description: String {
        "StoreError(\(code), context: \(context)\(sqlState.map { ", sqlstate: \($0)" } ?? ""))"
    }

    public var debugDescription: String {
        description + " " + serverMessage.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
