import Foundation

/// A creditor organization (Kolektor's client) as stored.
public struct Organization: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// IČO, eight digits.
    public var ico: String
    /// DIČ (VAT number), empty when the creditor is not a VAT payer.
    public var dic: String
    public var street: String
    public var city: String
    public var postalCode: String
    /// Account in the national form `prefix-number/bank`.
    public var bankAccount: String
    public var iban: String
    public var contactEmail: String
    public var contactPhone: String
    public var stepSpacingDays: Int
    public var active: Bool
    public var createdAt: Date
    /// The random code of the public stamp verification page `/overeni/{code}`: 20 characters from `a`–`z` and
    /// `2`–`7`. The database creates it on insert, so it is empty on a value that has not been stored.
    public var verificationCode: String

    public init(
        id: Int64 = 0, name: String, ico: String, dic: String = "", street: String = "", city: String = "",
        postalCode: String = "", bankAccount: String = "", iban: String = "", contactEmail: String = "",
        contactPhone: String = "", stepSpacingDays: Int = 7, active: Bool = true, createdAt: Date = Date(),
        verificationCode: String = ""
    ) {
        self.id = id
        self.name = name
        self.ico = ico
        self.dic = dic
        self.street = street
        self.city = city
        self.postalCode = postalCode
        self.bankAccount = bankAccount
        self.iban = iban
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.stepSpacingDays = stepSpacingDays
        self.active = active
        self.createdAt = createdAt
        self.verificationCode = verificationCode
    }
}

/// Reads and writes organizations.
public enum OrganizationRepository {
    /// Inserts an organization and returns it with its id and the verification code the database created.
    ///
    /// A second organization with the same IČO fails with a unique violation (`StoreError.isUniqueViolation`).
    public static func insert(_ organization: Organization, on connection: Connection) throws -> Organization {
        let o = organization
        let row = try connection.query(
            """
            INSERT INTO organizations (name, ico, dic, street, city, postal_code, bank_account, iban, contact_email,
                                       contact_phone, step_spacing_days, active, created_at)
            VALUES (\(o.name), \(o.ico), \(o.dic), \(o.street), \(o.city), \(o.postalCode), \(o.bankAccount),
                    \(o.iban), \(o.contactEmail), \(o.contactPhone), \(o.stepSpacingDays), \(o.active), \(o.createdAt))
            RETURNING id, verification_code
            """
        ).first
        var stored = organization
        stored.id = try row?.int("id") ?? 0
        stored.verificationCode = try row?.string("verification_code") ?? ""
        return stored
    }

    public static func find(id: Int64, on connection: Connection) throws -> Organization? {
        try connection.query("SELECT * FROM organizations WHERE id = \(id)").first.map(decode)
    }

    public static func find(ico: String, on connection: Connection) throws -> Organization? {
        try connection.query("SELECT * FROM organizations WHERE ico = \(ico)").first.map(decode)
    }

    /// Finds the organization whose stamp carries `verificationCode`, active or not.
    public static func find(verificationCode: String, on connection: Connection) throws -> Organization? {
        try connection.query("SELECT * FROM organizations WHERE verification_code = \(verificationCode)").first.map(decode)
    }

    public static func all(on connection: Connection) throws -> [Organization] {
        try connection.query("SELECT * FROM organizations ORDER BY name, id").rows.map(decode)
    }

    static func decode(_ row: Row) throws -> Organization {
        Organization(
            id: try row.int("id"), name: try row.string("name"), ico: try row.string("ico"), dic: try row.string("dic"),
            street: try row.string("street"), city: try row.string("city"), postalCode: try row.string("postal_code"),
            bankAccount: try row.string("bank_account"), iban: try row.string("iban"),
            contactEmail: try row.string("contact_email"), contactPhone: try row.string("contact_phone"),
            stepSpacingDays: Int(try row.int("step_spacing_days")), active: try row.bool("active"),
            createdAt: try row.instant("created_at"), verificationCode: try row.string("verification_code"))
    }
}
