/// Maps a method and a path such as `/klient/dluznici/42` to a handler and its parameters (`id` = `42`).
///
/// Patterns are literal segments and `:name` parameters. `Context` is whatever the caller passes through to
/// handlers (for the portal: the request's database handle, clock and session).
public struct Router<Context>: Sendable {
    public typealias Handler = @Sendable (Request, RouteParameters, Context) throws -> Response

    struct Route: Sendable {
        let method: String
        let pattern: String
        let segments: [Segment]
        let handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public enum Match {
        case found(handler: Handler, parameters: RouteParameters, pattern: String)
        /// The path exists but not for this method; carries the methods that would match, for the `Allow` header.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: pattern, segments: Router.segments(of: pattern), handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }

    /// Every registered method and pattern, for tests that walk all routes.
    public var patterns: [(method: String, pattern: String)] { routes.map { ($0.method, $0.pattern) } }

    public func match(method: String, path: String) -> Match {
        let pathSegments = Router.splitPath(path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Router.bind(route.segments, to: pathSegments, trailingSlash: path.hasSuffix("/"),
                                               pattern: route.pattern)
            else { continue }
            // HEAD is served by the GET handler; the FastCGI layer drops the body.
            if route.method == method || (method == "HEAD" && route.method == "GET") {
                return .found(handler: route.handler, parameters: parameters, pattern: route.pattern)
            }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    static func segments(of pattern: String) -> [Segment] {
        splitPath(pattern).map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .literal($0) }
    }

    static func splitPath(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func bind(_ segments: [Segment], to path: [String], trailingSlash: Bool, pattern: String)
        -> RouteParameters?
    {
        guard segments.count == path.count, trailingSlash == pattern.hasSuffix("/") || path.isEmpty else {
            return nil
        }
        var values: [String: String] = [:]
        for (segment, value) in zip(segments, path) {
            switch segment {
            case .literal(let literal) where literal == value: continue
            case .literal: return nil
            case .parameter(let name): values[name] = value
            }
        }
        return RouteParameters(values: values)
    }
}

/// The `:name` parts of a matched path.
public struct RouteParameters: Sendable {
    public let values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    /// A parameter read as a positive integer id; nil for anything else, which handlers answer with 404.
    public func id(_ name: String) -> Int64? {
        guard let text = values[name], let value = Int64(text), value > 0 else { return nil }
        return value
    }
}
