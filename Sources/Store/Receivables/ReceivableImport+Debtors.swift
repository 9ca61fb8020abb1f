import Domain
import Foundation

extension ReceivableImport {
    /// Loads one row per distinct debtor of the valid rows, with the details the file gave it last, and matches
    /// businesses to stored debtors by IČO on the way in.
    static func loadDebtors(organizationID: Int64, on connection: Connection) throws {        // One hash join with the creditor's debtors; a lookup per file debtor took several times longer.
        try connection.query(
                """
                INSERT INTO import_debtors (key, kind, name, ico, dic, birth_date, street, city, postal_code, country,
                                            email, phone, language, debtor_id)
                SELECT f.*, stored.id
                FROM (
                    SELECT DISTINCT ON (debtor_key) debtor_key, d_kind, d_name, d_ico, d_dic, d_birth_date, d_street,
                           d_city, d_postal_code, d_country, d_email, d_phone, d_language
                    FROM import_rows
                    -- A debtor no valid row names (every row rejected, or declared and never used) is not created.
                    WHERE has_debtor AND debtor_key IN (SELECT debtor_key FROM import_rows WHERE NOT rejected)
                    ORDER BY debtor_key, seq DESC
                ) f
                LEFT JOIN (
                    SELECT ico, min(id) AS id FROM debtors
                    WHERE organization_id = \(organizationID) AND ico IS NOT NULL GROUP BY ico
                ) stored ON f.d_ico <> '' AND stored.ico = f.d_ico::char(8)
                """)
        try connection.executeScript("ANALYZE import_debtors (key, debtor_id)")
    }

    /// Matches file debtors to stored ones, records and applies contact changes, and inserts the new debtors.
    ///
    /// Businesses match by IČO. Others match by name (case-insensitive) plus the same street, city and postal code,
    /// the same e-mail or the same date of birth. Empty values in the file never erase stored ones.
    static func matchDebtors(organizationID: Int64, batchID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE import_debtors t SET debtor_id = (
                SELECT min(d.id) FROM debtors d
                WHERE d.organization_id = \(organizationID) AND d.ico IS NULL AND lower(d.name) = lower(t.name)
                  AND ((t.street <> '' AND d.street = t.street AND d.city = t.city AND d.postal_code = t.postal_code)
                       OR (t.email <> '' AND d.email = t.email)
                       OR (t.birth_date IS NOT NULL AND d.birth_date = t.birth_date)))
            WHERE t.ico = '' AND t.debtor_id IS NULL
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
                -- Most debtors have not changed; this skips them before their fields are compared one by one.
                AND ((t.name <> '' AND t.name <> d.name) OR (t.dic <> '' AND t.dic <> d.dic)
                     OR (t.street <> '' AND t.street <> d.street) OR (t.city <> '' AND t.city <> d.city)
                     OR (t.postal_code <> '' AND t.postal_code <> d.postal_code)
                     OR (t.country <> '' AND t.country <> d.country) OR (t.email <> '' AND t.email <> d.email)
                     OR (t.phone <> '' AND t.phone <> d.phone) OR (t.language <> '' AND t.language <> d.language)
                     OR (t.birth_date IS NOT NULL AND t.birth_date IS DISTINCT FROM d.birth_date))
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
