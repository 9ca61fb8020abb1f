/// An HTTP response; the FastCGI layer writes it as a `Status:` line, headers and body.
public struct Response: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page in UTF-8.
    public static func html(_ document: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: document)
    }

    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    /// A 303 See Other, the redirect after a form POST and to a sign-in page.
    public static func redirect(to location: String, status: Int = 303) -> Response {
        Response(status: status, headers: [("Location", location)])
    }

    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append((name, value))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The head as FastCGI expects it: `Status: 200 OK`, the headers, a blank line.
    public var head: String {
        var text = "Status: \(status) \(Response.reasonPhrase(status))\r\n"
        for (name, value) in headers {
            // Header values come from our own code, but a stray newline would split the response: drop it.
            // Filter scalars, not Characters: Swift treats "\r\n" as one Character that equals neither. Most values
            // have no line break at all and are used as they are.
            let hasBreak = value.utf8.contains { $0 == 13 || $0 == 10 }
            let safe = hasBreak
                ? String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })) : value
            text += "\(name): \(safe)\r\n"
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-length" }) {
            text += "Content-Length: \(body.count)\r\n"
        }
        return text + "\r\n"
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
