import Crypto
import Domain
import Foundation
import Store
import Web

/// Sending the 6-digit sign-in code after the debtor opened the e-mail link: by SMS to a mobile number, by e-mail
/// when the debtor has none, at most once a minute and five times an hour per link.
enum SignInCodeDelivery {
    static let codeValidity: TimeInterval = 10 * 60
    static let maximumAttempts = 5
    static let minimumInterval: TimeInterval = 60
    static let maximumPerHour = 5

    enum Outcome: Equatable {
        /// Sent by SMS to the number ending in `lastDigits`.
        case sms(lastDigits: String)
        /// Sent by e-mail, because the debtor has no mobile number on file.
        case email
        /// The debtor has neither a mobile number nor an e-mail address.
        case noContact
        /// Too many codes were sent recently; the next may go out after `seconds`.
        case throttled(seconds: Int)
    }

    /// Queues a new code through the outbox unless the limits forbid it; the code row and the message commit
    /// together.
    static func send(access: DebtorAccess, context: RequestContext) throws -> Outcome {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                // Locking the case serializes two sends for the same link.
                guard
                    let lockedCase = try DebtorCaseRepository.lock(
                        caseID: access.caseID, organizationID: access.organizationID, on: connection),
                    let debtor = try DebtorRepository.find(
                        id: lockedCase.debtorID, organizationID: access.organizationID, on: connection)
                else { return .noContact }
                let recent = try DebtorSignInCodeRepository.sentTimes(
                    accessID: access.id, since: context.now.addingTimeInterval(-3600), on: connection)
                if let wait = waitBeforeNextCode(sentTimes: recent, now: context.now) {
                    return .throttled(seconds: wait)
                }
                let mobile = DebtorAccessTokens.mobileNumber(debtor.phone)
                let email = debtor.email.trimmingCharacters(in: .whitespaces)
                guard mobile != nil || !email.isEmpty else { return .noContact }

                let code = SecureRandom.numericCode(digits: 6)
                try DebtorSignInCodeRepository.insert(
                    accessID: access.id, codeHash: Digest.sha256(code), now: context.now, validFor: codeValidity,
                    on: connection)
                let message = MessageTemplates.render(.signInCode, language: context.language, values: ["code": code])
                if let mobile {
                    try OutboxRepository.enqueue(
                        OutboxMessage(
                            organizationID: access.organizationID, kind: MessageKind.signInCode.rawValue, channel: .sms,
                            recipient: mobile, language: context.language, subject: message.subject,
                            bodyText: message.sms ?? message.text, createdAt: context.now),
                        on: connection)
                    return .sms(lastDigits: String(mobile.suffix(3)))
                }
                try OutboxRepository.enqueue(
                    OutboxMessage(
                        organizationID: access.organizationID, kind: MessageKind.signInCode.rawValue, channel: .email,
                        recipient: email, language: context.language, subject: message.subject,
                        bodyText: message.text, bodyHTML: message.html, createdAt: context.now),
                    on: connection)
                return .email
            }
        }
    }

    /// Seconds until another code may be sent, given the send times of the last hour (newest first); nil when one
    /// may be sent now.
    static func waitBeforeNextCode(sentTimes: [Date], now: Date) -> Int? {
        if let newest = sentTimes.first, now.timeIntervalSince(newest) < minimumInterval {
            return Int((minimumInterval - now.timeIntervalSince(newest)).rounded(.up))
        }
        if sentTimes.count >= maximumPerHour, let oldest = sentTimes.last {
            return max(1, Int((3600 - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        return nil
    }

    /// Whether the newest code of an access can still be entered, so opening the link again sends no new one.
    static func hasUsableCode(access: DebtorAccess, context: RequestContext) throws -> Bool {
        guard
            let latest = try context.database.withConnection({
                try DebtorSignInCodeRepository.latest(accessID: access.id, on: $0)
            })
        else { return false }
        return latest.usedAt == nil && latest.expiresAt > context.now && latest.attempts < maximumAttempts
    }

    enum Check: Equatable {
        case accepted
        case wrong(attemptsLeft: Int)
        case expired
        case tooManyAttempts
    }

    /// Checks a typed code against the newest code of the access and on success starts the session in the same
    /// transaction; returns the check and, when accepted, the session's cookie token.
    static func verify(
        _ typed: String, access: DebtorAccess, previous: StoredSession?, request: Request, context: RequestContext
    ) throws -> (Check, String?) {
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        return try context.database.withConnection { connection in
            try connection.transaction { connection in
                guard
                    let (code, hash) = try DebtorSignInCodeRepository.latestForUpdate(
                        accessID: access.id, on: connection),
                    code.usedAt == nil, code.expiresAt > context.now
                else { return (.expired, nil) }
                guard code.attempts < maximumAttempts else { return (.tooManyAttempts, nil) }
                guard Digest.constantTimeEqual(Digest.sha256(digits), hash) else {
                    try DebtorSignInCodeRepository.recordAttempt(codeID: code.id, on: connection)
                    let left = maximumAttempts - code.attempts - 1
                    return (left > 0 ? .wrong(attemptsLeft: left) : .tooManyAttempts, nil)
                }
                try DebtorSignInCodeRepository.markUsed(codeID: code.id, now: context.now, on: connection)
                try AuditLog.append(
                    AuditEntry(
                        actor: "debtor", action: "debtor_sign_in", subject: "case:\(access.caseID)",
                        detail: "method:link_code", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                let token = try DebtorSessions.start(
                    access: access, replacing: previous, context: context, on: connection)
                return (.accepted, token)
            }
        }
    }
}
