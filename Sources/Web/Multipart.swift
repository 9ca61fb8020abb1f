import Foundation

/// A decoded `multipart/form-data` body (RFC 7578): text fields and uploaded files.
public struct MultipartForm: Sendable {
    /// One part of the body.
    public struct Part: Sendable {
        public var name: String
        /// The file name the browser sent, nil for a plain field.
        public var fileName: String?
        public var contentType: String
        public var data: [UInt8]
    }

    public private(set) var parts: [Part]

    /// Decodes `body` with the boundary from a `Content-Type: multipart/form-data; boundary=…` header; nil when the
    /// header has no boundary or the body is not well-formed (no closing boundary, a part without headers).
    public init?(body: [UInt8], contentType: String) {
        guard let boundary = MultipartForm.boundary(in: contentType) else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var searchFrom = 0
        while let found = MultipartForm.find(delimiter, in: body, from: searchFrom) {
            positions.append(found)
            searchFrom = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        let closing = positions[positions.count - 1] + delimiter.count
        guard body.count >= closing + 2, body[closing] == UInt8(ascii: "-"), body[closing + 1] == UInt8(ascii: "-")
        else { return nil }
        var parts: [Part] = []
        for index in 0..<(positions.count - 1) {
            // A part runs from after the delimiter's CRLF to the CRLF before the next delimiter.
            let start = positions[index] + delimiter.count + 2
            let end = positions[index + 1] - 2
            guard start <= end else { return nil }
            guard let part = MultipartForm.decodePart(body[start..<end]) else { return nil }
            parts.append(part)
        }
        self.parts = parts
    }

    /// The text fields as form values, so `CSRF` and form handlers read them like a URL-encoded form.
    public var fields: FormValues {
        FormValues(
            pairs: parts.filter { $0.fileName == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
    }

    /// Returns the first uploaded file of a field.
    public func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.fileName != nil }
    }

    static func boundary(in contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    private static func decodePart(_ bytes: ArraySlice<UInt8>) -> Part? {
        let separator = Array("\r\n\r\n".utf8)
        guard let headerEnd = find(separator, in: Array(bytes), from: 0) else { return nil }
        let headerText = String(decoding: bytes.prefix(headerEnd), as: UTF8.self)
        var name: String?
        var fileName: String?
        var contentType = "text/plain"
        for line in headerText.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                fileName = parameter("filename", in: line)
            } else if lower.hasPrefix("content-type:") {
                contentType = String(line.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name else { return nil }
        let data = Array(bytes.dropFirst(headerEnd + separator.count))
        return Part(name: name, fileName: fileName, contentType: contentType, data: data)
    }

    /// Reads a quoted parameter of a Content-Disposition header, such as `name="soubor"`.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    /// Returns the first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matches = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
