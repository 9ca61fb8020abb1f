import Foundation

/// An HTTP request as plain values, decoded from the FastCGI parameters and body.
public struct Request: Sendable {
    public var method: String
    /// The path without the query string, percent-decoded, always starting with `/`.
    public var path: String
    public var query: FormValues
    /// Headers with lower-case names (`cookie`, `user-agent`).
    public var headers: [String: String]
    public var cookies: [String: String]
    public let body: [UInt8]
    /// The decoded `multipart/form-data` body, nil for other content types or a malformed body.
    public let multipart: MultipartForm?
    /// The fields of a POST form, URL-encoded or the text fields of `multipart/form-data`; empty for other types.
    /// Decoded once here, because handlers read several fields and a large body must not be parsed again for each.
    public let form: FormValues
    /// The client's address as nginx saw it.
    public var remoteAddress: String
    /// Whether the client connected over HTTPS, which decides the `Secure` cookie flag.
    public var isHTTPS: Bool
    /// nginx's `$request_id`, or one made here when the portal runs without nginx.
    public var requestID: String

    public init(
        method: String, path: String, query: FormValues = FormValues(), headers: [String: String] = [:],
        body: [UInt8] = [], remoteAddress: String = "127.0.0.1", isHTTPS: Bool = false, requestID: String = ""
    ) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = Request.parseCookies(headers["cookie"] ?? "")
        self.body = body
        let contentType = (headers["content-type"] ?? "").lowercased()
        if contentType.hasPrefix("multipart/form-data") {
            multipart = MultipartForm(body: body, contentType: headers["content-type"] ?? "")
            form = multipart?.fields ?? FormValues()
        } else {
            multipart = nil
            form = contentType.hasPrefix("application/x-www-form-urlencoded") ? FormValues(urlEncoded: body) : FormValues()
        }
        self.remoteAddress = remoteAddress
        self.isHTTPS = isHTTPS
        self.requestID = requestID.isEmpty ? Request.makeRequestID() : requestID
    }

    /// Builds a request from a target such as `/faq?lang=en`, for tests and in-process calls.
    public init(method: String, target: String, headers: [String: String] = [:], body: [UInt8] = []) {
        let (path, query) = Request.splitTarget(target)
        self.init(method: method, path: path, query: query, headers: headers, body: body)
    }

    static func splitTarget(_ target: String) -> (String, FormValues) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        let path = rawPath.contains("%") ? (rawPath.removingPercentEncoding ?? rawPath) : rawPath
        let query = parts.count > 1 ? FormValues(urlEncoded: String(parts[1])) : FormValues()
        return (path.isEmpty ? "/" : path, query)
    }

    static func parseCookies(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            // The first cookie of a name wins: browsers send the one with the most specific Path first.
            if cookies[name] == nil {
                cookies[name] = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return cookies
    }

    static func makeRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }.joined()
    }
}

/// Decoded `name=value` pairs of a query string or URL-encoded form, in their original order.
public struct FormValues: Sendable {
    public private(set) var pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Decodes `a=1&b=x+y%C5%BE`; `+` is a space and invalid percent escapes are kept as written.
    public init(urlEncoded text: String) {
        self.init(urlEncoded: Array(text.utf8))
    }

    /// Decodes URL-encoded bytes in one pass. At most `maximumFields` fields are kept, so a body of thousands of
    /// tiny fields costs no more than its length; invalid UTF-8 becomes U+FFFD.
    public init(urlEncoded bytes: [UInt8], maximumFields: Int = 1_000) {
        var pairs: [(name: String, value: String)] = []
        var start = 0
        while start <= bytes.count && pairs.count < maximumFields {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var equals = start
                while equals < end && bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let name = FormValues.decode(bytes[start..<equals])
                let value = equals < end ? FormValues.decode(bytes[(equals + 1)..<end]) : ""
                pairs.append((name, value))
            }
            start = end + 1
        }
        self.pairs = pairs
    }

    /// The first value of a field, or nil when the field is absent.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of a repeated field, such as checkboxes that share a name.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ part: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < part.endIndex, part[index + 1] == UInt8(ascii: "0"),
                part[index + 2] == UInt8(ascii: "0")
            {
                // A NUL byte would silently cut the value where it reaches C (libpq, argon2), so it becomes U+FFFD.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 2
            } else if byte == UInt8(ascii: "%"), index + 2 < part.endIndex,
                let high = hexValue(part[index + 1]), let low = hexValue(part[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
