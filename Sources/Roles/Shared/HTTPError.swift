/// An error a handler throws to answer with an error page: 403, 404, 405 or 400.
///
/// Handlers throw `.notFound` for objects of another creditor, so their existence is never revealed.
public struct HTTPError: Error, Sendable, Equatable {
    public let status: Int

    public init(status: Int) {
        self.status = status
    }

    public static let badRequest = HTTPError(status: 400)
    public static let forbidden = HTTPError(status: 403)
    public static let notFound = HTTPError(status: 404)
}
