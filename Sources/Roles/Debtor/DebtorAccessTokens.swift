import Crypto
import Foundation
import Store

/// Makes the secrets that open the debtor portal and the misuse report form. Only their SHA-256 is stored, so the
/// plain values are returned once, to be put into the e-mail or letter that goes to the debtor.
public enum DebtorAccessTokens {
    /// How long a link and its access code open the portal unless the caller says otherwise.
    public static let defaultValidity: TimeInterval = 180 * 24 * 60 * 60

    /// Symbols of the letter access code: no I or O and no 0 or 1, so a code copied from paper is read
    /// unambiguously. There are 32 symbols, so each random byte maps to one symbol without bias.
    static let codeAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// Creates access to a case inside the caller's transaction and returns the plain link token and access code.
    /// The e-mail link is `{baseURL}/dluznik/vstup/{linkToken}`; a letter prints `accessCode` together with the
    /// address `{baseURL}/dluznik/prihlaseni`.
    public static func createAccess(
        caseID: Int64, organizationID: Int64, now: Date, validFor: TimeInterval = defaultValidity,
        on connection: Connection
    ) throws -> (linkToken: String, accessCode: String) {
        let linkToken = SecureRandom.token()
        let accessCode = makeAccessCode()
        try DebtorAccessRepository.insert(
            caseID: caseID, organizationID: organizationID, linkHash: Digest.sha256(linkToken),
            codeHash: codeHash(accessCode), now: now, expiresAt: now.addingTimeInterval(validFor), on: connection)
        return (linkToken, accessCode)
    }

    /// Creates a misuse link for the activation notice inside the caller's transaction and returns its plain token.
    /// The link is `{baseURL}/zneuziti/{token}`.
    public static func createMisuseLink(organizationID: Int64, debtorID: Int64, now: Date, on connection: Connection)
        throws -> String
    {
        let token = SecureRandom.token()
        try MisuseLinkRepository.insert(
            tokenHash: Digest.sha256(token), organizationID: organizationID, debtorID: debtorID, now: now,
            on: connection)
        return token
    }

    /// Returns the e-mail link that opens the portal with a link token.
    public static func signInLink(token: String, baseURL: String) -> String {
        trimmedBase(baseURL) + "/dluznik/vstup/" + token
    }

    /// Returns the address printed in a letter next to the access code.
    public static func letterSignInAddress(baseURL: String) -> String {
        trimmedBase(baseURL) + "/dluznik/prihlaseni"
    }

    /// Returns the misuse report link of the activation notice for a misuse token.
    public static func misuseLink(token: String, baseURL: String) -> String {
        trimmedBase(baseURL) + "/zneuziti/" + token
    }

    private static func trimmedBase(_ baseURL: String) -> String {
        baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// Makes a 12-symbol code (60 bits) in groups of four: `ABCD-EFGH-JKMN`.
    static func makeAccessCode() -> String {
        var code = ""
        for (index, byte) in SecureRandom.bytes(12).enumerated() {
            if index > 0 && index % 4 == 0 { code.append("-") }
            code.append(codeAlphabet[Int(byte) % codeAlphabet.count])
        }
        return code
    }

    /// Hashes a code as typed after turning it to upper case and dropping spaces and dashes, so `abcd efgh jkmn`
    /// matches.
    static func codeHash(_ typed: String) -> [UInt8] {
        Digest.sha256(String(typed.uppercased().filter { $0.isLetter || $0.isNumber }))
    }

    /// Returns the number in international form (`+420…`) when `phone` is a Czech mobile number, nil otherwise.
    /// NOTE: Czech numbers starting with 6 or 7 are taken as mobile; foreign numbers get no SMS, only an e-mail.
    static func mobileNumber(_ phone: String) -> String? {
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        var digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        if trimmed.hasPrefix("00") { digits = String(digits.dropFirst(2)) }
        if digits.count == 12, digits.hasPrefix("420") { digits = String(digits.dropFirst(3)) }
        guard digits.count == 9, let first = digits.first, first == "6" || first == "7" else { return nil }
        return "+420" + digits
    }
}
