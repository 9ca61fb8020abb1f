import Domain
import Foundation

extension ReceivableImport {
    /// Returns the identity under which rows of one file share a debtor: the IČO for businesses, otherwise the name with
    /// the address (or the e-mail when there is no street).
    static func identity(of debtor: DebtorRecord) -> String {
        if !debtor.ico.isEmpty { return "ico:\(debtor.ico)" }
        let name = debtor.name.lowercased()
        if !debtor.street.isEmpty { return "address:\(name)|\(debtor.street)|\(debtor.city)|\(debtor.postalCode)" }
        return "email:\(name)|\(debtor.email)"
    }

    /// Loads one row per distinct debtor (the last row of the file wins for contact details) and returns the debtor
    /// key of each receivable, in order.
    static func loadDebtors(_ receivables: [ReceivableRecord], on connection: Connection) throws -> [Int] {
        var keyOf: [String: Int] = [:]
        var debtors: [DebtorRecord] = []
        var keys: [Int] = []
        keys.reserveCapacity(receivables.count)
        for receivable in receivables {
            let identity = identity(of: receivable.debtor)
            if let key = keyOf[identity] {
                debtors[key] = receivable.debtor
                keys.append(key)
            } else {
                keyOf[identity] = debtors.count
                keys.append(debtors.count)
                debtors.append(receivable.debtor)
            }
        }
        for start in stride(from: 0, to: debtors.count, by: chunkSize) {
            let end = min(start + chunkSize, debtors.count)
            var rows = JSONRows(capacity: (end - start) * 300)
            for key in start..<end {
                let debtor = debtors[key]
                rows.append([
                    "key": .integer(Int64(key)), "kind": .string(debtor.kind.rawValue), "name": .string(debtor.name),
                    "ico": .string(debtor.ico), "dic": .string(debtor.dic),
                    "birth_date": .optional(debtor.birthDate?.iso),
                    "street": .string(debtor.street), "city": .string(debtor.city),
                    "postal_code": .string(debtor.postalCode), "country": .string(debtor.country),
                    "email": .string(debtor.email), "phone": .string(debtor.phone),
                    "language": .string(debtor.language?.rawValue ?? ""),
                ])
            }
            try connection.query(
                """
                INSERT INTO import_debtors (key, kind, name, ico, dic, birth_date, street, city, postal_code, country,
                                            email, phone, language)
                SELECT key, kind, name, ico, dic, birth_date, street, city, postal_code, country, email, phone,
                       language
                FROM jsonb_to_recordset(\(rows.json)::jsonb) AS x(
                    key integer, kind text, name text, ico text, dic text, birth_date date, street text, city text,
                    postal_code text, country text, email text, phone text, language text)
                """)
        }
        try connection.executeScript("ANALYZE import_debtors")
        return keys
    }

    /// Matches file debtors to stored ones, records and applies contact changes, and inserts the new debtors.
    ///
    /// Businesses match by IČO. Others match by name (case-insensitive) plus the same street, city and postal code,
    /// the same e-mail or the same date of birth. Empty values in the file never erase stored ones.
    static func matchDebtors(organizationID: Int64, batchID: Int64, now: Date, on connection: Connection) throws {
        // The cast keeps the comparison on char(8), so the debtors_ico index serves it.
        try connection.query(
            """
            UPDATE import_debtors t SET debtor_id = (
                SELECT min(d.id) FROM debtors d
                WHERE d.organization_id = \(organizationID) AND d.ico = t.ico::char(8))
            WHERE t.ico <> ''
            """)
        try connection.query(
            """
            UPDATE import_debtors t SET debtor_id = (
                SELECT min(d.id) FROM debtors d
                WHERE d.organization_id = \(organizationID) AND d.ico IS NULL AND lower(d.name) = lower(t.name)
                  AND ((t.street <> '' AND d.street = t.street AND d.city = t.city AND d.postal_code = t.postal_code)
                       OR (t.email <> '' AND d.email = t.email)
                       OR (t.birth_date IS NOT NULL AND d.birth_date = t.birth_date)))
            WHERE t.ico = ''
            """)
        // A debtor the file names too sparsely to match (a bare name) keeps the debtor of its receivables stored
        // earlier under the same name, so re-importing such a file neither adds debtors nor moves receivables.
        try connection.query(
            """
            UPDATE import_debtors t SET debtor_id = earlier.debtor_id
            FROM (
                SELECT r.debtor_key, min(e.debtor_id) AS debtor_id
                FROM import_rows r
                JOIN import_debtors u ON u.key = r.debtor_key AND u.debtor_id IS NULL
                JOIN receivables e ON e.organization_id = \(organizationID) AND e.external_id = r.external_id
                JOIN debtors d ON d.id = e.debtor_id
                WHERE lower(d.name) = lower(u.name) AND (u.ico = '' OR d.ico = u.ico::char(8))
                GROUP BY r.debtor_key
            ) earlier
            WHERE t.key = earlier.debtor_key
            """)
        try connection.query(
            """
            INSERT INTO debtor_history (organization_id, debtor_id, batch_id, field, old_value, new_value, changed_at)
            SELECT \(organizationID), d.id, \(batchID), f.field, f.old_value, f.new_value, \(now)
            FROM import_debtors t
            JOIN debtors d ON d.id = t.debtor_id
            CROSS JOIN LATERAL (VALUES
                ('name', d.name, t.name), ('dic', d.dic, t.dic), ('street', d.street, t.street),
                ('city', d.city, t.city), ('postal_code', d.postal_code, t.postal_code),
                ('country', d.country, t.country), ('email', d.email, t.email), ('phone', d.phone, t.phone),
                ('language', d.language, t.language),
                ('birth_date', coalesce(d.birth_date::text, ''), coalesce(t.birth_date::text, ''))
            ) AS f (field, old_value, new_value)
            WHERE f.new_value <> '' AND f.new_value <> f.old_value
            """)
        try connection.query(
            """
            UPDATE debtors d SET
                name = CASE WHEN t.name <> '' THEN t.name ELSE d.name END,
                dic = CASE WHEN t.dic <> '' THEN t.dic ELSE d.dic END,
                street = CASE WHEN t.street <> '' THEN t.street ELSE d.street END,
                city = CASE WHEN t.city <> '' THEN t.city ELSE d.city END,
                postal_code = CASE WHEN t.postal_code <> '' THEN t.postal_code ELSE d.postal_code END,
                country = CASE WHEN t.country <> '' THEN t.country ELSE d.country END,
                email = CASE WHEN t.email <> '' THEN t.email ELSE d.email END,
                phone = CASE WHEN t.phone <> '' THEN t.phone ELSE d.phone END,
                language = CASE WHEN t.language <> '' THEN t.language ELSE d.language END,
                birth_date = coalesce(t.birth_date, d.birth_date),
                updated_at = \(now)
            FROM import_debtors t
            WHERE d.id = t.debtor_id
              AND d.id IN (SELECT h.debtor_id FROM debtor_history h WHERE h.batch_id = \(batchID))
            """)
        try connection.query(
            "UPDATE import_debtors SET debtor_id = nextval('debtors_id_seq'), is_new = true WHERE debtor_id IS NULL")
        try connection.query(
            """
            INSERT INTO debtors (id, organization_id, kind, name, ico, email, phone, street, city, postal_code, dic,
                                 birth_date, country, language, created_at, updated_at)
            SELECT debtor_id, \(organizationID), kind, name, nullif(ico, ''), email, phone, street, city, postal_code,
                   dic, birth_date, country, coalesce(nullif(language, ''), 'cs'), \(now), \(now)
            FROM import_debtors WHERE is_new
            """)
    }
}
