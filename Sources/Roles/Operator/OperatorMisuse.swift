import Domain
import Foundation
import Store
import Web

/// The operator's review of misuse reports at `/operator/zneuziti`: uphold (the cases close as misuse) or dismiss
/// (the cases return to the stage they had), with a note, audited.
enum OperatorMisuse {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/operator/zneuziti") { request, _, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .operator, context: context)
            let reports = try context.database.withConnection { try MisuseReportRepository.all(on: $0) }
            return .html(page(reports, viewer: viewer, error: nil, context: context).renderDocument())
        }
        router.post("/operator/zneuziti/:id") { request, parameters, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .operator, context: context)
            try CSRF.check(request, session: viewer.session)
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            let status: MisuseReport.Status
            switch request.form["rozhodnuti"] {
            case "uphold": status = .upheld
            case "dismiss": status = .dismissed
            default: throw HTTPError.badRequest
            }
            let note = String(
                (request.form["poznamka"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
            guard !note.isEmpty else {
                let reports = try context.database.withConnection { try MisuseReportRepository.all(on: $0) }
                let error = context.text("operatorMisuse.noteMissing")
                return .html(
                    page(reports, viewer: viewer, error: error, context: context).renderDocument(), status: 400)
            }
            try decide(id: id, status: status, note: note, viewer: viewer, request: request, context: context)
            return .redirect(to: "/operator/zneuziti")
        }
    }

    /// Records the decision and moves every held case of the creditor and debtor, in one transaction.
    static func decide(
        id: Int64, status: MisuseReport.Status, note: String, viewer: Viewer, request: Request, context: RequestContext
    ) throws {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                guard let report = try MisuseReportRepository.lock(id: id, on: connection) else {
                    throw HTTPError.notFound
                }
                guard report.status == .open else { return }
                try MisuseReportRepository.decide(
                    id: id, status: status, note: note, operatorID: viewer.user.id, now: context.now, on: connection)
                let event: CaseEvent = status == .upheld ? .misuseUpheld : .misuseDismissed
                let cases = try DebtorCaseRepository.lockAll(
                    organizationID: report.organizationID, debtorID: report.debtorID, on: connection)
                for held in cases where held.state.stage == .misuseHold {
                    guard case .success(let next) = CaseTransitions.apply(event, to: held.state, spacingDays: 0) else {
                        continue
                    }
                    try DebtorCaseRepository.save(
                        next, caseID: held.id, organizationID: report.organizationID, now: context.now, on: connection)
                    try CaseTimeline.append(
                        organizationID: report.organizationID, caseID: held.id,
                        kind: status == .upheld ? "misuse_upheld" : "misuse_dismissed", actor: viewer.auditActor,
                        detail: note, at: context.now, on: connection)
                }
                try AuditLog.append(
                    AuditEntry(
                        actor: viewer.auditActor, action: "misuse_\(status.rawValue)", subject: "misuse_report:\(id)",
                        detail: note, clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
    }

    static func page(_ reports: [MisuseReport], viewer: Viewer, error: String?, context: RequestContext) -> Node {
        let language = context.language
        return Layout.page(
            title: context.text("operatorMisuse.title"), site: .operator, context: context,
            currentPath: "/operator/zneuziti", navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("operatorMisuse.title") }
            if let error { Forms.notice(error, kind: "error") }
            if reports.isEmpty { element("p") { context.text("operatorMisuse.empty") } }
            for report in reports {
                element("section", .class("misuse-report")) {
                    element("h2") { "\(report.debtorName) – \(report.organizationName)" }
                    element("p") {
                        context.text(
                            "operatorMisuse.reported",
                            [
                                "date": Formatting.dateTime(report.reportedAt, language: language),
                                "source": context.text("operatorMisuse.source.\(report.reportedFrom)"),
                            ])
                    }
                    if !report.message.isEmpty { element("blockquote") { report.message } }
                    element("p") { context.text("operatorMisuse.status.\(report.status.rawValue)") }
                    if let note = report.decisionNote { element("p") { note } }
                    if report.status == .open {
                        element(
                            "form", Attribute("method", "post"), Attribute("action", "/operator/zneuziti/\(report.id)"),
                            .class("stack")
                        ) {
                            CSRF.field(viewer.session)
                            element("label", Attribute("for", "poznamka-\(report.id)")) {
                                context.text("operatorMisuse.note")
                            }
                            element("textarea", .id("poznamka-\(report.id)"), .name("poznamka"), .flag("required")) {}
                            element("button", .type("submit"), .name("rozhodnuti"), .value("uphold")) {
                                context.text("operatorMisuse.uphold")
                            }
                            element(
                                "button", .type("submit"), .name("rozhodnuti"), .value("dismiss"), .class("secondary")
                            ) {
                                context.text("operatorMisuse.dismiss")
                            }
                        }
                    }
                }
            }
        }
    }
}
