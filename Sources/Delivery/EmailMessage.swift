import Foundation

/// An e-mail ready for SMTP: addresses, a UTF-8 subject, a plain-text part, an optional HTML part and attachments.
public struct EmailMessage: Sendable {
    public struct Attachment: Sendable {
        public var filename: String
        public var contentType: String
        public var content: [UInt8]

        public init(filename: String, contentType: String, content: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.content = content
        }
    }

    public var from: String
    public var fromName: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String?
    public var attachments: [Attachment]
    /// A stable id such as `<outbox-42.1f3c…@kolektor>`; a retry sends the same id, so receivers can drop duplicates.
    public var messageID: String
    public var date: Date

    public init(
        from: String, fromName: String = "Kolektor", to: String, subject: String, text: String, html: String? = nil,
        attachments: [Attachment] = [], messageID: String, date: Date
    ) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
    }

    /// The message in RFC 5322 form with MIME parts, lines ending in CRLF.
    public func mime() -> [UInt8] {
        var lines: [String] = [
            "From: \(MIME.encodedWord(fromName)) <\(from)>",
            "To: <\(to)>",
            "Subject: \(MIME.encodedWord(subject))",
            "Date: \(MIME.date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
        ]
        let boundary = "kolektor-" + String(abs(messageID.hashValue), radix: 36)
        let body = bodyPart(boundary: boundary)
        if attachments.isEmpty {
            lines += body.headers
            lines.append("")
            lines += body.lines
        } else {
            lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)-mixed\"")
            lines.append("")
            lines.append("--\(boundary)-mixed")
            lines += body.headers
            lines.append("")
            lines += body.lines
            for attachment in attachments {
                lines.append("--\(boundary)-mixed")
                let name = MIME.encodedWord(attachment.filename)
                lines.append("Content-Type: \(attachment.contentType); name=\"\(name)\"")
                lines.append("Content-Disposition: attachment; filename=\"\(name)\"")
                lines.append("Content-Transfer-Encoding: base64")
                lines.append("")
                lines += MIME.base64Lines(attachment.content)
            }
            lines.append("--\(boundary)-mixed--")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private func bodyPart(boundary: String) -> (headers: [String], lines: [String]) {
        let textPart = MIME.base64Lines(Array(text.utf8))
        guard let html else {
            return (["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"], textPart)
        }
        var lines = ["--\(boundary)-alt", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
        lines += textPart
        lines += ["--\(boundary)-alt", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
        lines += MIME.base64Lines(Array(html.utf8))
        lines.append("--\(boundary)-alt--")
        return (["Content-Type: multipart/alternative; boundary=\"\(boundary)-alt\""], lines)
    }
}

/// Encodings for mail headers and bodies.
enum MIME {
    /// RFC 2047 encoded word for non-ASCII header text: `=?UTF-8?B?…?=`, split so no word exceeds 75 characters.
    static func encodedWord(_ text: String) -> String {
        let clean = text.filter { $0 != "\r" && $0 != "\n" }
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && !clean.contains("=?") { return clean }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            // 45 bytes become 60 base64 characters, which with "=?UTF-8?B?" and "?=" stays under 75.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Base64 in lines of 76 characters, as MIME requires.
    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// RFC 5322 date in UTC: `Fri, 04 Dec 2026 19:50:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
