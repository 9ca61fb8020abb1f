import Crypto
import Foundation
import Store

/// Issues the debtor's ways into the debtor portal and the misuse-report link, storing only hashes.
enum AccessTokens {
    /// Access to a case: the token of the e-mailed link and the code printed in a letter, valid `days` days.
    static func issueDebtorAccess(
        caseID: Int64, organizationID: Int64, now: Date, days: Int = 120, on connection: Connection
    ) throws -> (linkToken: String, accessCode: String) {
        let token = SecureRandom.token()
        // Ten characters from an alphabet without look-alikes (0/O, 1/I/L), printed as two groups of five.
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var raw: [Character] = []
        while raw.count < 10 {
            // Bytes above the largest multiple of the alphabet size are skipped, so every character is equally likely.
            for byte in SecureRandom.bytes(16) where Int(byte) < 256 - 256 % alphabet.count && raw.count < 10 {
                raw.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        let code = String(raw[0..<5]) + "-" + String(raw[5..<10])
        try connection.query(
            """
            INSERT INTO debtor_access (organization_id, case_id, link_hash, code_hash, created_at, expires_at)
            VALUES (\(organizationID), \(caseID), \(Bytes(Digest.sha256(token))), \(Bytes(Digest.sha256(normalizedCode(code)))),
                    \(now), \(now.addingTimeInterval(Double(days) * 86_400)))
            """)
        return (token, code)
    }

    /// The link of an activation notice to report misuse without signing in.
    static func issueMisuseLink(organizationID: Int64, debtorID: Int64, now: Date, on connection: Connection) throws -> String {
        let token = SecureRandom.token()
        try connection.query(
            """
            INSERT INTO misuse_links (token_hash, organization_id, debtor_id, created_at)
            VALUES (\(Bytes(Digest.sha256(token))), \(organizationID), \(debtorID), \(now))
            """)
        return token
    }

    /// An access code as typed: upper case, without spaces and dashes.
    static func normalizedCode(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
