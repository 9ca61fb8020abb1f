import Foundation

/// A creditor's customer, as far as accounts need it: who it is and whom it is assigned to.
public struct Debtor: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case business
        case consumer
    }

    public var id: Int64
    public var organizationID: Int64
    public var kind: Kind
    public var name: String
    /// IČO for businesses.
    public var ico: String?
    public var email: String
    public var phone: String
    public var street: String
    public var city: String
    public var postalCode: String

    public init(
        id: Int64 = 0, organizationID: Int64, kind: Kind, name: String, ico: String? = nil, email: String = "",
        phone: String = "", street: String = "", city: String = "", postalCode: String = ""
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.name = name
        self.ico = ico
        self.email = email
        self.phone = phone
        self.street = street
        self.city = city
        self.postalCode = postalCode
    }
}

/// Reads debtors and subordinate assignments. Every query filters by the organization, which is the boundary
/// between creditors.
public enum DebtorRepository {
    public static func insert(_ debtor: Debtor, on connection: Connection) throws -> Debtor {
        let d = debtor
        let id = try connection.query(
            """
            INSERT INTO debtors (organization_id, kind, name, ico, email, phone, street, city, postal_code)
            VALUES (\(d.organizationID), \(d.kind.rawValue), \(d.name), \(d.ico), \(d.email), \(d.phone), \(d.street),
                    \(d.city), \(d.postalCode))
            RETURNING id
            """
        ).first?.int("id") ?? 0
        var stored = debtor
        stored.id = id
        return stored
    }

    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws -> Debtor? {
        try connection.query(
            "SELECT * FROM debtors WHERE id = \(id) AND organization_id = \(organizationID)"
        ).first.map(decode)
    }

    public static func all(organizationID: Int64, on connection: Connection) throws -> [Debtor] {
        try connection.query(
            "SELECT * FROM debtors WHERE organization_id = \(organizationID) ORDER BY name, id"
        ).rows.map(decode)
    }

    /// Debtors assigned to a subordinate.
    public static func assigned(to userID: Int64, organizationID: Int64, on connection: Connection) throws -> [Debtor] {
        try connection.query(
            """
            SELECT d.* FROM debtors d JOIN debtor_assignments a ON a.debtor_id = d.id
            WHERE a.user_id = \(userID) AND d.organization_id = \(organizationID)
            ORDER BY d.name, d.id
            """
        ).rows.map(decode)
    }

    public static func isAssigned(debtorID: Int64, userID: Int64, on connection: Connection) throws -> Bool {
        try connection.query(
            "SELECT 1 FROM debtor_assignments WHERE debtor_id = \(debtorID) AND user_id = \(userID)"
        ).first != nil
    }

    /// Replaces a subordinate's assignments with `debtorIDs`; ids of another organization's debtors fail on the
    /// foreign key, so the whole change is rejected.
    public static func replaceAssignments(
        userID: Int64, organizationID: Int64, debtorIDs: [Int64], on connection: Connection
    ) throws {
        try connection.query("DELETE FROM debtor_assignments WHERE user_id = \(userID)")
        for debtorID in Set(debtorIDs) {
            try connection.query(
                """
                INSERT INTO debtor_assignments (organization_id, user_id, debtor_id)
                VALUES (\(organizationID), \(userID), \(debtorID))
                """)
        }
    }

    /// The ids of users assigned to a debtor.
    public static func assignees(debtorID: Int64, organizationID: Int64, on connection: Connection) throws -> [Int64] {
        try connection.query(
            """
            SELECT user_id FROM debtor_assignments
            WHERE debtor_id = \(debtorID) AND organization_id = \(organizationID) ORDER BY user_id
            """
        ).rows.map { try $0.int("user_id") }
    }

    static func decode(_ row: Row) throws -> Debtor {
        Debtor(
            id: try row.int("id"), organizationID: try row.int("organization_id"),
            kind: Debtor.Kind(rawValue: try row.string("kind")) ?? .business, name: try row.string("name"),
            ico: row["ico"], email: try row.string("email"), phone: try row.string("phone"),
            street: try row.string("street"), city: try row.string("city"), postalCode: try row.string("postal_code"))
    }
}
