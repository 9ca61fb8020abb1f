import Crypto
import Domain
import Foundation
import Store
import Web

/// Demo cases of the demo creditor, one in every stage of the collection flow, made through the same code paths
/// as the portal (notices and demands are really rendered and queued). `portal demo` calls it; a second call does
/// nothing once the creditor has cases.
public enum DemoCollection {
    struct DemoDebtor {
        let name: String
        let kind: Debtor.Kind
        let ico: String?
        let email: String
        let phone: String
        let street: String
        let city: String
        let postalCode: String
        let invoices: [(number: String, due: String, minor: Int64)]
    }

    static let extraDebtors = [
        DemoDebtor(name: "Autodoprava Král s.r.o.", kind: .business, ico: "27082440", email: "fakturace@autodoprava-kral.test",
                   phone: "+420 603 555 666", street: "Průmyslová 44", city: "Pardubice", postalCode: "530 02",
                   invoices: [("FV2026-0311", "2026-04-15", 4_840_000)]),
        DemoDebtor(name: "Kavárna Modrá s.r.o.", kind: .business, ico: "26340003", email: "provoz@kavarna-modra.test",
                   phone: "", street: "Náměstí 3", city: "Tábor", postalCode: "390 01",
                   invoices: [("FV2026-0402", "2026-05-10", 365_000)]),
        DemoDebtor(name: "Elektro Novák s.r.o.", kind: .business, ico: "49240005", email: "novak@elektro-novak.test",
                   phone: "", street: "Polní 9", city: "Plzeň", postalCode: "301 00",
                   invoices: [("FV2026-0207", "2026-03-20", 1_210_000)]),
    ]

    /// Invoices of the three debtors `portal demo` creates first, by name.
    static let firstInvoices: [String: [(number: String, due: String, minor: Int64)]] = [
        "Stavebniny Horák s.r.o.": [("FV2026-0115", "2026-02-28", 2_420_000), ("FV2026-0188", "2026-04-30", 968_000)],
        "Pekárna U Mlýna, a.s.": [("FV2026-0301", "2026-05-31", 1_573_000)],
        "Lucie Benešová": [("FV2026-0250", "2026-04-20", 459_900)],
    ]

    @discardableResult
    public static func seed(application: Application, conninfo: String, creditorICO: String, now: Date) throws -> Bool {
        let database = Database(conninfo: conninfo)
        defer { database.close() }
        let context = RequestContext(database: database, now: now, language: .cs, application: application)
        return try database.withConnection { connection in
            guard let creditor = try OrganizationRepository.find(ico: creditorICO, on: connection) else { return false }
            let existing = try connection.query("SELECT count(*) AS n FROM cases WHERE organization_id = \(creditor.id)").first?.int("n") ?? 0
            guard existing == 0 else { return false }
            let users = try UserRepository.all(organizationID: creditor.id, on: connection)
            guard let admin = users.first(where: { $0.role == .clientAdmin }),
                let lawyer = try UserRepository.allWithoutOrganization(on: connection).first(where: { $0.role == .lawyer })
            else { return false }
            let subordinate = users.first { $0.role == .subordinate }

            var debtorsByName: [String: Debtor] = [:]
            for debtor in try DebtorRepository.all(organizationID: creditor.id, on: connection) { debtorsByName[debtor.name] = debtor }
            for extra in extraDebtors where debtorsByName[extra.name] == nil {
                debtorsByName[extra.name] = try DebtorRepository.insert(
                    Debtor(organizationID: creditor.id, kind: extra.kind, name: extra.name, ico: extra.ico, email: extra.email,
                           phone: extra.phone, street: extra.street, city: extra.city, postalCode: extra.postalCode),
                    on: connection)
            }
            var invoices = firstInvoices
            for extra in extraDebtors { invoices[extra.name] = extra.invoices }
            for (name, list) in invoices {
                guard let debtor = debtorsByName[name] else { continue }
                for invoice in list {
                    try connection.query(
                        """
                        INSERT INTO receivables (organization_id, debtor_id, external_id, invoice_number, variable_symbol,
                                                 issue_date, due_date, currency, total_minor, remaining_minor, status, source,
                                                 created_at, updated_at)
                        VALUES (\(creditor.id), \(debtor.id), \(invoice.number), \(invoice.number),
                                \(String(invoice.number.filter(\.isNumber))), \(CalendarDate(iso: invoice.due)!.adding(days: -14)),
                                \(CalendarDate(iso: invoice.due)!), 'CZK', \(invoice.minor), \(invoice.minor), 'open', 'import',
                                \(now), \(now))
                        ON CONFLICT (organization_id, external_id) DO NOTHING
                        """)
                }
            }
            if let subordinate, let king = debtorsByName["Autodoprava Král s.r.o."], let horak = debtorsByName["Stavebniny Horák s.r.o."] {
                try DebtorRepository.replaceAssignments(
                    userID: subordinate.id, organizationID: creditor.id, debtorIDs: [horak.id, king.id], on: connection)
            }

            // A power of attorney to the demo lawyer, accepted.
            try connection.transaction { connection in
                let pdf = try PowerOfAttorneyDocument.render(
                    creditor: creditor, lawyer: lawyer, scope: .all, debtors: [], grantedBy: admin, clientAddress: "127.0.0.1", at: now)
                let document = try DocumentRepository.insert(
                    organizationID: creditor.id, caseID: nil, kind: "power_of_attorney", filename: "plna-moc.pdf",
                    contentType: "application/pdf", content: pdf, sha256: Digest.sha256(pdf).hexString,
                    createdBy: "user:\(admin.id)", at: now, on: connection)
                let id = try PowerOfAttorneyRepository.insert(
                    organizationID: creditor.id, lawyerID: lawyer.id, scope: .all, debtorIDs: [], grantedBy: admin.id,
                    grantedFrom: "127.0.0.1", documentID: document.id, at: now, on: connection)
                _ = try PowerOfAttorneyRepository.accept(id: id, lawyerID: lawyer.id, at: now, on: connection)
            }
            try CaseRepository.openMissing(organizationID: creditor.id, today: CalendarDate(now), now: now, on: connection)
            func caseID(_ name: String) throws -> Int64? {
                guard let debtor = debtorsByName[name] else { return nil }
                return try connection.query("SELECT id FROM cases WHERE debtor_id = \(debtor.id)").first?.int("id")
            }
            let adminActor = "user:\(admin.id)"
            func sendNotice(_ name: String) throws {
                guard let id = try caseID(name) else { return }
                try connection.transaction { connection in
                    guard let stepID = try StepRepository.prepare(
                        organizationID: creditor.id, caseID: id, kind: "activation_notice", channel: "email",
                        preparedBy: adminActor, approved: true, at: now, on: connection),
                        let step = try StepRepository.find(id: stepID, organizationID: creditor.id, on: connection)
                    else { return }
                    _ = try StepSender(context: context, actor: adminActor, clientAddress: "127.0.0.1").send(step, lawyer: nil, on: connection)
                    // The demo shows cases as they look a little later: the spacing after the notice has passed.
                    try connection.query("UPDATE cases SET last_step_on = last_step_on - 8 WHERE id = \(id)")
                }
            }
            func prepare(_ name: String, kind: String, by actor: String, approved: Bool) throws -> Step? {
                guard let id = try caseID(name),
                    let stepID = try StepRepository.prepare(
                        organizationID: creditor.id, caseID: id, kind: kind, channel: "email", preparedBy: actor,
                        approved: approved, at: now, on: connection)
                else { return nil }
                try CaseTimeline.append(
                    organizationID: creditor.id, caseID: id, kind: approved ? "step_approved" : "step_prepared", actor: actor,
                    detail: kind, at: now, on: connection)
                return try StepRepository.find(id: stepID, organizationID: creditor.id, on: connection)
            }
            func sendByLawyer(_ step: Step?) throws {
                guard let step else { return }
                try connection.transaction { connection in
                    _ = try StepSender(context: context, actor: "user:\(lawyer.id)", clientAddress: "127.0.0.1")
                        .send(step, lawyer: lawyer, on: connection)
                    try connection.query("UPDATE cases SET last_step_on = last_step_on - 8 WHERE id = \(step.caseID)")
                }
            }

            // Pekárna U Mlýna stays new: imported, nothing sent yet.
            // Lucie Benešová: notice sent, a reminder approved and waiting for the lawyer.
            try sendNotice("Lucie Benešová")
            _ = try prepare("Lucie Benešová", kind: "demand_reminder", by: adminActor, approved: true)
            // Stavebniny Horák: reminder sent, the subordinate's draft of the firm demand waits for approval.
            try sendNotice("Stavebniny Horák s.r.o.")
            try sendByLawyer(try prepare("Stavebniny Horák s.r.o.", kind: "demand_reminder", by: adminActor, approved: true))
            if let subordinate {
                _ = try prepare("Stavebniny Horák s.r.o.", kind: "demand_firm", by: "user:\(subordinate.id)", approved: false)
            }
            // Autodoprava Král: reminder sent, the debtor disputes it.
            try sendNotice("Autodoprava Král s.r.o.")
            try sendByLawyer(try prepare("Autodoprava Král s.r.o.", kind: "demand_reminder", by: adminActor, approved: true))
            if let id = try caseID("Autodoprava Král s.r.o."), let record = try CaseRepository.find(id: id, organizationID: creditor.id, on: connection),
                case .success(let disputed) = CaseTransitions.apply(.debtorAnswered(.notOwed), to: record.state, spacingDays: 7)
            {
                try connection.transaction { connection in
                    try connection.query(
                        """
                        INSERT INTO debtor_answers (organization_id, case_id, answer, reason, created_at)
                        VALUES (\(creditor.id), \(id), 'not_owed',
                                'Zásilka z faktury FV2026-0311 nebyla dodána, reklamovali jsme ji e-mailem 20. 4. 2026.', \(now))
                        """)
                    try CaseRepository.save(disputed, caseID: id, now: now, on: connection)
                    try CaseRepository.setLastAnswer(.notOwed, caseID: id, on: connection)
                    try CaseTimeline.append(
                        organizationID: creditor.id, caseID: id, kind: "answer_not_owed", actor: "debtor", at: now, on: connection)
                }
            }
            // Kavárna Modrá: the notice led to a misuse report that waits for the operator.
            try sendNotice("Kavárna Modrá s.r.o.")
            if let debtor = debtorsByName["Kavárna Modrá s.r.o."] {
                try MisuseReporting.report(
                    organizationID: creditor.id, debtorID: debtor.id,
                    message: "Tuto firmu neznáme, nikdy jsme od ní nic neobjednali.", from: "notice_link",
                    request: Request(method: "POST", target: "/zneuziti/demo"), context: context)
            }
            // Elektro Novák paid after the notice: the case closes as paid.
            try sendNotice("Elektro Novák s.r.o.")
            if let debtor = debtorsByName["Elektro Novák s.r.o."] {
                try connection.query(
                    "UPDATE receivables SET status = 'paid', remaining_minor = 0 WHERE debtor_id = \(debtor.id)")
            }
            _ = try CollectionScheduler.run(now: now, on: connection)
            return true
        }
    }
}
