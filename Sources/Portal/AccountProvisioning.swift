import Crypto
import Domain
import Foundation
import Store

/// Creating organizations and accounts from the command line (`portal admin`, `portal demo`), with the same
/// validation and audit records as the portal.
struct AccountProvisioning {
    let connection: Connection
    let hasher: PasswordHasher
    let now: Date

    /// Creates a creditor; the IČO and the bank account are checked before anything is written.
    func createOrganization(
        ico icoText: String, name: String, dic: String = "", street: String = "", city: String = "",
        postalCode: String = "", bankAccount accountText: String = "", email: String = "", phone: String = "",
        spacingDays: Int = 7
    ) throws -> Organization {
        guard let ico = ICO(icoText) else {
            throw UsageError("IČO „\(icoText)“ není platné: musí mít 8 číslic a správnou kontrolní číslici. Zkontrolujte ho v obchodním rejstříku.")
        }
        var account: BankAccount?
        if !accountText.isEmpty {
            guard let parsed = BankAccount(accountText) else {
                throw UsageError("Číslo účtu „\(accountText)“ není platné. Zadejte ho ve tvaru předčíslí-číslo/kód banky nebo jako IBAN.")
            }
            account = parsed
        }
        guard (7...90).contains(spacingDays) else {
            throw UsageError("Rozestup mezi kroky \(spacingDays) dní není povolen: zadejte 7 až 90 dní.")
        }
        if try OrganizationRepository.find(ico: ico.digits, on: connection) != nil {
            throw UsageError("Věřitel s IČO \(ico.digits) už existuje.")
        }
        return try connection.transaction { connection in
            let organization = try OrganizationRepository.insert(
                Organization(
                    name: name, ico: ico.digits, dic: dic, street: street, city: city, postalCode: postalCode,
                    bankAccount: account?.description ?? "", iban: account?.iban ?? "", contactEmail: email,
                    contactPhone: phone, stepSpacingDays: spacingDays, createdAt: now),
                on: connection)
            try AuditLog.append(
                AuditEntry(actor: "cli", action: "organization_created", subject: "organization:\(organization.id)",
                           detail: "ico:\(ico.digits)"),
                at: now, on: connection)
            return organization
        }
    }

    /// Creates an account; with a password it can sign in at once, without one the caller sends an invitation.
    func createUser(_ user: User, password: String?) throws -> User {
        let email = user.email.trimmingCharacters(in: .whitespaces).lowercased()
        guard email.contains("@"), email.count <= 254 else { throw UsageError("E-mail „\(user.email)“ není platná adresa.") }
        if let password, password.count < 10 {
            throw UsageError("Heslo musí mít alespoň 10 znaků.")
        }
        if try UserRepository.find(email: email, on: connection) != nil {
            throw UsageError("Účet s e-mailem \(email) už existuje.")
        }
        let hash = try password.map { try hasher.hash($0) }
        var normalized = user
        normalized.email = email
        return try connection.transaction { connection in
            let stored = try UserRepository.insert(normalized, passwordHash: hash, at: now, on: connection)
            try AuditLog.append(
                AuditEntry(actor: "cli", action: "user_created", subject: "user:\(stored.id)",
                           detail: "role:\(stored.role.rawValue)" + (stored.organizationID.map { " organization:\($0)" } ?? "")),
                at: now, on: connection)
            return stored
        }
    }

    /// Creates an invitation token for a user without a password and returns the link that sets it.
    func invitationLink(for user: User, baseURL: String, sitePrefix: String) throws -> String {
        let token = SecureRandom.token()
        try PasswordResetRepository.insert(
            tokenHash: Digest.sha256(token), userID: user.id, purpose: .invitation, now: now,
            expiresAt: now.addingTimeInterval(7 * 24 * 60 * 60), on: connection)
        // The token goes in the fragment, which no server log records; the page moves it into the form.
        return baseURL + sitePrefix + "nove-heslo#token=" + token
    }
}
