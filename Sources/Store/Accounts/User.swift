import Domain
import Foundation

/// A user account of any role, as stored. The password hash is kept apart (`UserRepository.passwordHash`), so
/// it never travels with the user value into pages or logs.
public struct User: Sendable, Equatable {
    public var id: Int64
    /// The creditor for client admins and subordinates; nil for partners and operators.
    public var organizationID: Int64?
    public var role: Role
    /// Sign-in e-mail, lower-cased.
    public var email: String
    public var fullName: String
    public var phone: String
    public var language: Language
    public var active: Bool
    /// Whether a password is set; false for an invited user who has not accepted yet.
    public var hasPassword: Bool
    public var partner: PartnerDetails

    public init(
        id: Int64 = 0, organizationID: Int64?, role: Role, email: String, fullName: String, phone: String = "",
        language: Language = .cs, active: Bool = true, hasPassword: Bool = false, partner: PartnerDetails = .init()
    ) {
        self.id = id
        self.organizationID = organizationID
        self.role = role
        self.email = email
        self.fullName = fullName
        self.phone = phone
        self.language = language
        self.active = active
        self.hasPassword = hasPassword
        self.partner = partner
    }
}

/// Registration details that partners carry.
public struct PartnerDetails: Sendable, Equatable {
    /// Lawyer: registration number at the Czech Bar Association (ČAK).
    public var cakNumber: String?
    /// Bailiff: the office (exekutorský úřad).
    public var bailiffOffice: String?
    /// Bailiff: the region the office serves.
    public var bailiffRegion: String?
    /// Arbitrator: registration details.
    public var arbitratorRegistration: String?

    public init(
        cakNumber: String? = nil, bailiffOffice: String? = nil, bailiffRegion: String? = nil,
        arbitratorRegistration: String? = nil
    ) {
        self.cakNumber = cakNumber
        self.bailiffOffice = bailiffOffice
        self.bailiffRegion = bailiffRegion
        self.arbitratorRegistration = arbitratorRegistration
    }
}
