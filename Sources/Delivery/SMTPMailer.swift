import CCurl
import Foundation

/// Sends e-mail over SMTP through libcurl: STARTTLS or SMTPS, optional authentication, connection reuse.
///
/// Thread-safety: none; each delivery worker creates its own mailer.
public final class SMTPMailer {
    public struct Configuration: Sendable {
        /// `smtp://host:587` (STARTTLS when `requireTLS`) or `smtps://host:465`.
        public var url: String
        public var username: String?
        public var password: String?
        /// Envelope sender and `From:` address.
        public var from: String
        public var fromName: String
        /// Refuse to send without TLS; off only for a relay on the same machine.
        public var requireTLS: Bool
        public var timeoutSeconds: Int

        public init(
            url: String, username: String? = nil, password: String? = nil, from: String, fromName: String = "Kolektor",
            requireTLS: Bool = true, timeoutSeconds: Int = 30
        ) {
            self.url = url
            self.username = username
            self.password = password
            self.from = from
            self.fromName = fromName
            self.requireTLS = requireTLS
            self.timeoutSeconds = timeoutSeconds
        }
    }

    public let configuration: Configuration
    private let curl: CurlHandle

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        curl = try CurlHandle()
    }

    /// Sends one message; throws `DeliveryError` saying whether a retry can help.
    public func send(_ message: EmailMessage) throws {
        curl.reset()
        let upload = UploadBuffer(message.mime())
        let context = Unmanaged.passRetained(upload)
        defer { context.release() }

        try curl.set(CURLOPT_URL, configuration.url)
        try curl.set(CURLOPT_MAIL_FROM, "<\(configuration.from)>")
        try curl.set(CURLOPT_MAIL_RCPT, list: ["<\(message.to)>"])
        try curl.set(CURLOPT_UPLOAD, 1)
        try curl.setReadFunction(UploadBuffer.readCallback)
        try curl.set(CURLOPT_READDATA, pointer: context.toOpaque())
        try curl.set(CURLOPT_USE_SSL, Int(configuration.requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
        try curl.set(CURLOPT_TIMEOUT, configuration.timeoutSeconds)
        try curl.set(CURLOPT_CONNECTTIMEOUT, 10)
        try curl.set(CURLOPT_NOSIGNAL, 1)
        if let username = configuration.username { try curl.set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try curl.set(CURLOPT_PASSWORD, password) }

        let code = curl.perform()
        guard code == CURLE_OK else { throw SMTPMailer.classify(code, reply: curl.responseCode) }
    }

    /// 5xx replies are permanent (the server refused the recipient or the message); everything else is temporary.
    static func classify(_ code: CURLcode, reply: Int) -> DeliveryError {
        let reason = "SMTP \(reply > 0 ? "\(reply) " : "")\(CurlHandle.message(code))"
        if (500..<600).contains(reply) || code == CURLE_LOGIN_DENIED || code == CURLE_URL_MALFORMAT {
            return DeliveryError(.permanent, reason)
        }
        return DeliveryError(.temporary, reason)
    }
}
