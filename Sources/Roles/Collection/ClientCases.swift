import Domain
import Foundation
import Store
import Web

/// Cases in the client portal: list with filters and overview, detail with amounts and timeline, and the actions
/// of each role: the admin sends the activation notice and approves; an assigned subordinate prepares drafts.
enum ClientCases {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/spisy") { request, _, context in
            let viewer = try ClientSite.require(.viewDebtors, request, context: context)
            let organizationID = try viewer.organizationID
            let filter = try filter(from: request, viewer: viewer, context: context)
            let (cases, overview) = try context.database.withConnection { connection in
                try CaseRepository.openMissing(
                    organizationID: organizationID, today: CalendarDate(context.now), now: context.now, on: connection)
                return (
                    try CaseRepository.list(organizationID: organizationID, filter: filter, on: connection),
                    try CaseRepository.overview(organizationID: organizationID, debtorIDs: filter.debtorIDs, on: connection)
                )
            }
            return .html(ClientCasePages.list(cases, overview: overview, request: request, viewer: viewer, context: context).renderDocument())
        }
        router.get("/klient/spisy/:id") { request, parameters, context in
            let viewer = try ClientSite.require(.viewDebtors, request, context: context)
            let record = try find(parameters, viewer: viewer, context: context)
            return .html(try ClientCasePages.detail(record, viewer: viewer, context: context, flash: request.query["zprava"],
                                                    error: nil).renderDocument())
        }
        router.post("/klient/spisy/:id/oznameni") { request, parameters, context in
            try sendNotice(request, parameters, context: context)
        }
        router.post("/klient/spisy/oznameni") { request, _, context in
            try sendNotices(request, context: context)
        }
        router.post("/klient/spisy/:id/krok") { request, parameters, context in
            try prepare(request, parameters, context: context)
        }
        router.post("/klient/spisy/:id/spor") { request, parameters, context in
            try resolveDispute(request, parameters, context: context)
        }
    }

    /// Finds a case of the viewer's creditor; throws 404 for another creditor's case and 403 for a subordinate's
    /// unassigned debtor.
    static func find(_ parameters: RouteParameters, viewer: Viewer, context: RequestContext) throws -> CaseRecord {
        guard let id = parameters.id("id") else { throw HTTPError.notFound }
        return try find(id: id, viewer: viewer, context: context)
    }

    static func find(id: Int64, viewer: Viewer, context: RequestContext) throws -> CaseRecord {
        let organizationID = try viewer.organizationID
        return try context.database.withConnection { connection in
            guard let record = try CaseRepository.find(id: id, organizationID: organizationID, on: connection) else {
                throw HTTPError.notFound
            }
            guard Permissions.allows(viewer.user.role, .view, .demand, relation: try relation(viewer, record, on: connection)) else {
                throw HTTPError.forbidden
            }
            return record
        }
    }

    static func relation(_ viewer: Viewer, _ record: CaseRecord, on connection: Connection) throws -> CaseRelation {
        CaseRelation(
            isOwnCreditor: viewer.user.organizationID == record.organizationID,
            isAssignedDebtor: try DebtorRepository.isAssigned(debtorID: record.debtorID, userID: viewer.user.id, on: connection))
    }

    static func filter(from request: Request, viewer: Viewer, context: RequestContext) throws -> CaseFilter {
        var filter = CaseFilter(
            stage: request.query["stav"].flatMap(CaseStage.init(rawValue:)),
            answer: request.query["odpoved"].flatMap(DebtorAnswer.init(rawValue:)),
            minimumMinor: request.query["od"].flatMap { Money.parse($0, currency: .czk)?.minorUnits },
            debtorName: request.query["dluznik"].map { String($0.prefix(100)) })
        if viewer.user.role == .subordinate {
            let organizationID = try viewer.organizationID
            filter.debtorIDs = try context.database.withConnection {
                try DebtorRepository.assigned(to: viewer.user.id, organizationID: organizationID, on: $0).map(\.id)
            }
        }
        return filter
    }

    /// The next step the case may take: the notice first, then demands up to the final one.
    static func nextStepKind(_ record: CaseRecord) -> MessageKind? {
        switch record.stage {
        case .imported: return .activationNotice
        case .noticeSent, .demanding:
            return [MessageKind.demandReminder, .demandFirm, .demandFinal].dropFirst(record.demandsSent).first
        default: return nil
        }
    }

    static func sendNotice(_ request: Request, _ parameters: RouteParameters, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.viewDebtors, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let record = try find(parameters, viewer: viewer, context: context)
        let caseRelation = try context.database.withConnection { try ClientCases.relation(viewer, record, on: $0) }
        guard Permissions.allows(viewer.user.role, .send, .activationNotice, relation: caseRelation) else { throw HTTPError.forbidden }
        let channel = ["letter", "sms"].contains(request.form["kanal"] ?? "") ? request.form["kanal"]! : "email"
        do {
            let outcome = try context.database.withConnection { connection in
                try connection.transaction { connection -> StepSender.Outcome in
                    guard let stepID = try StepRepository.prepare(
                        organizationID: record.organizationID, caseID: record.id, kind: MessageKind.activationNotice.rawValue,
                        channel: channel, preparedBy: viewer.auditActor, approved: true, at: context.now, on: connection),
                        let step = try StepRepository.find(id: stepID, organizationID: record.organizationID, on: connection)
                    else { throw StepSender.Refusal(message: context.text("case.flash.pending")) }
                    return try StepSender(context: context, actor: viewer.auditActor, clientAddress: request.remoteAddress)
                        .send(step, lawyer: nil, on: connection)
                }
            }
            return .redirect(to: "/klient/spisy/\(record.id)?zprava=\(outcome == .cancelledPaid ? "uhrazeno" : "odeslano")")
        } catch let refusal as StepSender.Refusal {
            let page = try ClientCasePages.detail(record, viewer: viewer, context: context, flash: nil, error: refusal.message)
            return .html(page.renderDocument(), status: 422)
        }
    }

    /// Sends the activation notice to every selected new case, each in its own transaction; the admin chooses the
    /// channel for all of them.
    static func sendNotices(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientApprovals.requireAdmin(request, context: context)
        try CSRF.check(request, session: viewer.session)
        let channel = ["letter", "sms"].contains(request.form["kanal"] ?? "") ? request.form["kanal"]! : "email"
        var sent = 0
        var failed: [String] = []
        for id in Set(request.form.all("spis").compactMap { Int64($0) }) {
            // Another creditor's case id is not found here and counts as not sent.
            guard let record = try? find(id: id, viewer: viewer, context: context), record.stage == .imported else {
                failed.append("#\(id)")
                continue
            }
            do {
                _ = try context.database.withConnection { connection in
                    try connection.transaction { connection -> StepSender.Outcome in
                        guard let stepID = try StepRepository.prepare(
                            organizationID: record.organizationID, caseID: record.id,
                            kind: MessageKind.activationNotice.rawValue, channel: channel, preparedBy: viewer.auditActor,
                            approved: true, at: context.now, on: connection),
                            let step = try StepRepository.find(id: stepID, organizationID: record.organizationID, on: connection)
                        else { throw StepSender.Refusal(message: context.text("case.flash.pending")) }
                        return try StepSender(context: context, actor: viewer.auditActor, clientAddress: request.remoteAddress)
                            .send(step, lawyer: nil, on: connection)
                    }
                }
                sent += 1
            } catch let refusal as StepSender.Refusal {
                failed.append("\(record.debtorName): \(refusal.message)")
            }
        }
        let organizationID = try viewer.organizationID
        let (cases, overview) = try context.database.withConnection { connection in
            (try CaseRepository.list(organizationID: organizationID, on: connection),
             try CaseRepository.overview(organizationID: organizationID, on: connection))
        }
        let summary = context.text("cases.bulkNotice.result", ["sent": "\(sent)", "failed": "\(failed.count)"])
        let page = ClientCasePages.list(
            cases, overview: overview, request: request, viewer: viewer, context: context, summary: summary, problems: failed)
        return .html(page.renderDocument(), status: failed.isEmpty ? 200 : 422)
    }

    static func prepare(_ request: Request, _ parameters: RouteParameters, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.viewDebtors, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let record = try find(parameters, viewer: viewer, context: context)
        guard let kind = nextStepKind(record), kind != .activationNotice else { throw HTTPError.badRequest }
        let caseRelation = try context.database.withConnection { try ClientCases.relation(viewer, record, on: $0) }
        guard Permissions.allows(viewer.user.role, .prepare, .demand, relation: caseRelation) else { throw HTTPError.forbidden }
        // The admin's own drafts need no second approval.
        let approved = Permissions.allows(viewer.user.role, .approve, .demand, relation: caseRelation)
        let channel = request.form["kanal"] == "letter" ? "letter" : "email"
        let created = try context.database.withConnection { connection in
            try connection.transaction { connection -> Bool in
                guard let stepID = try StepRepository.prepare(
                    organizationID: record.organizationID, caseID: record.id, kind: kind.rawValue, channel: channel,
                    preparedBy: viewer.auditActor, approved: approved, at: context.now, on: connection)
                else { return false }
                try CaseTimeline.append(
                    organizationID: record.organizationID, caseID: record.id, kind: approved ? "step_approved" : "step_prepared",
                    actor: viewer.auditActor, detail: kind.rawValue, at: context.now, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: approved ? "step_prepared_approved" : "step_prepared",
                               subject: "step:\(stepID)", detail: "case:\(record.id) kind:\(kind.rawValue)",
                               clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                return true
            }
        }
        return .redirect(to: "/klient/spisy/\(record.id)?zprava=\(created ? (approved ? "schvaleno" : "pripraveno") : "ceka")")
    }

    static func resolveDispute(_ request: Request, _ parameters: RouteParameters, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.viewDebtors, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let record = try find(parameters, viewer: viewer, context: context)
        guard viewer.user.role == .clientAdmin, record.stage == .disputed else { throw HTTPError.forbidden }
        let reason = (request.form["duvod"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 2000 else {
            let page = try ClientCasePages.detail(
                record, viewer: viewer, context: context, flash: nil, error: context.text("case.dispute.reasonMissing"))
            return .html(page.renderDocument(), status: 422)
        }
        let accept = request.form["rozhodnuti"] == "uznat"
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                guard let locked = try CaseRepository.lock(id: record.id, organizationID: record.organizationID, on: connection),
                    let spacing = try OrganizationRepository.find(id: record.organizationID, on: connection)?.stepSpacingDays,
                    case .success(let next) = CaseTransitions.apply(
                        accept ? .disputeAccepted : .disputeRejected, to: locked.state, spacingDays: spacing)
                else { throw HTTPError.badRequest }
                try connection.query(
                    """
                    UPDATE debtor_answers SET resolution = \(accept ? "accepted" : "rejected"), resolution_reason = \(reason),
                           resolved_at = \(context.now), resolved_by = \(viewer.auditActor)
                    WHERE id = (SELECT id FROM debtor_answers WHERE case_id = \(record.id) AND answer = 'not_owed'
                                AND resolution IS NULL ORDER BY id DESC LIMIT 1)
                    """)
                try CaseRepository.save(next, caseID: record.id, now: context.now, on: connection)
                try CaseTimeline.append(
                    organizationID: record.organizationID, caseID: record.id,
                    kind: accept ? "dispute_accepted" : "dispute_rejected", actor: viewer.auditActor, detail: reason,
                    at: context.now, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: accept ? "dispute_accepted" : "dispute_rejected",
                               subject: "case:\(record.id)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
        return .redirect(to: "/klient/spisy/\(record.id)?zprava=rozhodnuto")
    }
}
