import Domain
import Foundation

/// Reads and writes user accounts.
public enum UserRepository {
    /// Inserts a user with an optional password hash; a taken e-mail fails with a unique violation.
    public static func insert(_ user: User, passwordHash: String?, at now: Date, on connection: Connection) throws -> User {
        let u = user
        let row = try connection.query(
            """
            INSERT INTO users (organization_id, role, email, full_name, phone, password_hash, language, active,
                               cak_number, bailiff_office, bailiff_region, arbitrator_registration, created_at,
                               updated_at)
            VALUES (\(u.organizationID), \(u.role.rawValue), \(u.email), \(u.fullName), \(u.phone), \(passwordHash),
                    \(u.language.rawValue), \(u.active), \(u.partner.cakNumber), \(u.partner.bailiffOffice),
                    \(u.partner.bailiffRegion), \(u.partner.arbitratorRegistration), \(now), \(now))
            RETURNING id
            """
        ).first
        var stored = user
        stored.id = try row?.int("id") ?? 0
        stored.hasPassword = passwordHash != nil
        return stored
    }

    public static func find(id: Int64, on connection: Connection) throws -> User? {
        try connection.query("SELECT \(unsafeRaw: columns) FROM users WHERE id = \(id)").first.map(decode)
    }

    /// Finds a user of one organization; nil for a user of another organization, which callers answer with 404.
    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws -> User? {
        try connection.query(
            "SELECT \(unsafeRaw: columns) FROM users WHERE id = \(id) AND organization_id = \(organizationID)"
        ).first.map(decode)
    }

    public static func find(email: String, on connection: Connection) throws -> User? {
        try connection.query("SELECT \(unsafeRaw: columns) FROM users WHERE email = \(email)").first.map(decode)
    }

    public static func passwordHash(userID: Int64, on connection: Connection) throws -> String? {
        try connection.query("SELECT password_hash FROM users WHERE id = \(userID)").first?["password_hash"]
    }

    public static func setPasswordHash(_ hash: String, userID: Int64, at now: Date, on connection: Connection) throws {
        try connection.query("UPDATE users SET password_hash = \(hash), updated_at = \(now) WHERE id = \(userID)")
    }

    public static func setActive(_ active: Bool, userID: Int64, at now: Date, on connection: Connection) throws {
        try connection.query("UPDATE users SET active = \(active), updated_at = \(now) WHERE id = \(userID)")
    }

    public static func all(organizationID: Int64, on connection: Connection) throws -> [User] {
        try connection.query(
            "SELECT \(unsafeRaw: columns) FROM users WHERE organization_id = \(organizationID) ORDER BY full_name, id"
        ).rows.map(decode)
    }

    /// Partners and operators, who belong to no organization.
    public static func allWithoutOrganization(on connection: Connection) throws -> [User] {
        try connection.query(
            "SELECT \(unsafeRaw: columns) FROM users WHERE organization_id IS NULL ORDER BY role, full_name, id"
        ).rows.map(decode)
    }

    static let columns = """
        id, organization_id, role, email, full_name, phone, language, active, password_hash IS NOT NULL AS has_password,
        cak_number, bailiff_office, bailiff_region, arbitrator_registration
        """

    static func decode(_ row: Row) throws -> User {
        guard let role = Role(rawValue: try row.string("role")) else { throw StoreError(.decodingFailed, context: "role") }
        return User(
            id: try row.int("id"), organizationID: try row.optionalInt("organization_id"), role: role,
            email: try row.string("email"), fullName: try row.string("full_name"), phone: try row.string("phone"),
            language: Language(rawValue: try row.string("language")) ?? .cs, active: try row.bool("active"),
            hasPassword: try row.bool("has_password"),
            partner: PartnerDetails(
                cakNumber: row["cak_number"], bailiffOffice: row["bailiff_office"], bailiffRegion: row["bailiff_region"],
                arbitratorRegistration: row["arbitrator_registration"]))
    }
}
