import CCurl
import Foundation

/// An SMS to send: the mobile number in international form and the text.
public struct SMSMessage: Sendable {
    public var to: String
    public var text: String
    /// Sent as the `Idempotency-Key` header and available to the body template, so a gateway that sees a retry
    /// can recognise it.
    public var idempotencyKey: String

    public init(to: String, text: String, idempotencyKey: String) {
        self.to = to
        self.text = text
        self.idempotencyKey = idempotencyKey
    }
}

/// Sends SMS through an HTTP gateway with a configurable URL, authentication and body template.
///
/// The template is JSON or form text with the placeholders `{to}`, `{text}` and `{id}`; values are escaped for
/// the template's format. A 2xx answer means accepted; the gateway's message id and status are read from a JSON
/// answer's `id` and `status` fields when present. Thread-safety: none; one gateway per worker.
public final class SMSGateway {
    public struct Configuration: Sendable {
        public enum BodyFormat: String, Sendable {
            case json
            case form
        }

        public var url: String
        public var format: BodyFormat
        public var template: String
        /// Sent as `Authorization: Bearer …` when set.
        public var bearerToken: String?
        public var username: String?
        public var password: String?
        public var timeoutSeconds: Int

        public init(
            url: String, format: BodyFormat = .json, template: String = #"{"to":"{to}","text":"{text}","id":"{id}"}"#,
            bearerToken: String? = nil, username: String? = nil, password: String? = nil, timeoutSeconds: Int = 15
        ) {
            self.url = url
            self.format = format
            self.template = template
            self.bearerToken = bearerToken
            self.username = username
            self.password = password
            self.timeoutSeconds = timeoutSeconds
        }
    }

    /// What the gateway said about an accepted message.
    public struct Receipt: Sendable, Equatable {
        public var gatewayID: String?
        public var status: String?
    }

    public let configuration: Configuration
    private let curl: CurlHandle

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        curl = try CurlHandle()
    }

    public func send(_ message: SMSMessage) throws -> Receipt {
        curl.reset()
        let response = DownloadBuffer()
        let context = Unmanaged.passRetained(response)
        defer { context.release() }

        let body = render(message)
        var headers = [
            "Content-Type: " + (configuration.format == .json ? "application/json" : "application/x-www-form-urlencoded"),
            "Idempotency-Key: \(message.idempotencyKey)",
        ]
        if let token = configuration.bearerToken { headers.append("Authorization: Bearer \(token)") }
        try curl.set(CURLOPT_URL, configuration.url)
        try curl.set(CURLOPT_POST, 1)
        try curl.set(CURLOPT_POSTFIELDSIZE, body.utf8.count)
        try curl.set(CURLOPT_POSTFIELDS, body)
        try curl.set(CURLOPT_HTTPHEADER, list: headers)
        try curl.setWriteFunction(DownloadBuffer.writeCallback)
        try curl.set(CURLOPT_WRITEDATA, pointer: context.toOpaque())
        try curl.set(CURLOPT_TIMEOUT, configuration.timeoutSeconds)
        try curl.set(CURLOPT_NOSIGNAL, 1)
        if let username = configuration.username { try curl.set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try curl.set(CURLOPT_PASSWORD, password) }

        let code = curl.perform()
        let status = curl.responseCode
        guard code == CURLE_OK else { throw DeliveryError(.temporary, "SMS gateway: \(CurlHandle.message(code))") }
        switch status {
        case 200..<300:
            return SMSGateway.receipt(from: response.bytes)
        case 408, 425, 429, 500..<600:
            throw DeliveryError(.temporary, "SMS gateway answered HTTP \(status)")
        default:
            throw DeliveryError(.permanent, "SMS gateway answered HTTP \(status)")
        }
    }

    func render(_ message: SMSMessage) -> String {
        let isJSON = configuration.format == .json
        func escape(_ value: String) -> String {
            isJSON ? SMSGateway.jsonEscaped(value) : SMSGateway.formEscaped(value)
        }
        return configuration.template
            .replacingOccurrences(of: "{to}", with: escape(message.to))
            .replacingOccurrences(of: "{id}", with: escape(message.idempotencyKey))
            .replacingOccurrences(of: "{text}", with: escape(message.text))
    }

    static func receipt(from body: [UInt8]) -> Receipt {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return Receipt(gatewayID: nil, status: nil)
        }
        let id = object["id"].map { "\($0)" }
        let status = object["status"].map { "\($0)" }
        return Receipt(gatewayID: id, status: status)
    }

    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func formEscaped(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
