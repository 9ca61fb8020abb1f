import Domain
import Foundation
import Store
import Web

/// The lawyer's portal: powers of attorney to accept or end, and the creditors' approved instructions to send.
/// Without an accepted, current power of attorney for a case a lawyer sees and sends nothing of it.
enum LawyerWork {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/advokat/") { request, _, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .lawyer, context: context)
            let (powers, instructions) = try context.database.withConnection { connection in
                (try PowerOfAttorneyRepository.forLawyer(viewer.user.id, on: connection),
                 try StepRepository.approvedForLawyer(viewer.user.id, on: connection))
            }
            return .html(home(powers, instructions: instructions, viewer: viewer, context: context, flash: request.query).renderDocument())
        }
        router.post("/advokat/plne-moci/:id/prijmout") { request, parameters, context in
            try changePower(request, parameters, context: context, accept: true)
        }
        router.post("/advokat/plne-moci/:id/ukoncit") { request, parameters, context in
            try changePower(request, parameters, context: context, accept: false)
        }
        router.post("/advokat/pokyny") { request, _, context in
            try send(request, context: context)
        }
        router.get("/advokat/dokumenty/:id") { request, parameters, context in
            let viewer = try context.application.authenticator.requireViewer(request, site: .lawyer, context: context)
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            let download = try context.database.withConnection { connection -> Response? in
                let powers = try PowerOfAttorneyRepository.forLawyer(viewer.user.id, on: connection)
                for organizationID in Set(powers.map(\.organizationID)) {
                    guard let document = try DocumentRepository.find(id: id, organizationID: organizationID, on: connection),
                        let content = try DocumentRepository.content(id: id, organizationID: organizationID, on: connection)
                    else { continue }
                    let ownPower = powers.contains { $0.documentID == id }
                    var covered = false
                    if let caseID = document.caseID,
                        let record = try CaseRepository.find(id: caseID, organizationID: organizationID, on: connection)
                    {
                        covered = try PowerOfAttorneyRepository.covers(
                            lawyerID: viewer.user.id, organizationID: organizationID, debtorID: record.debtorID, on: connection)
                    }
                    return ownPower || covered ? DocumentDownload.response(document, content: content) : nil
                }
                return nil
            }
            guard let download else { throw HTTPError.notFound }
            return download
        }
    }

    static func changePower(_ request: Request, _ parameters: RouteParameters, context: RequestContext, accept: Bool) throws -> Response {
        let viewer = try context.application.authenticator.requireViewer(request, site: .lawyer, context: context)
        try CSRF.check(request, session: viewer.session)
        guard let id = parameters.id("id") else { throw HTTPError.notFound }
        let changed = try context.database.withConnection { connection in
            try connection.transaction { connection -> Bool in
                let changed = accept
                    ? try PowerOfAttorneyRepository.accept(id: id, lawyerID: viewer.user.id, at: context.now, on: connection)
                    : try PowerOfAttorneyRepository.end(
                        id: id, organizationID: nil, lawyerID: viewer.user.id, by: viewer.auditActor, at: context.now, on: connection)
                if changed {
                    try AuditLog.append(
                        AuditEntry(actor: viewer.auditActor, action: accept ? "power_of_attorney_accepted" : "power_of_attorney_ended",
                                   subject: "power_of_attorney:\(id)", clientAddress: request.remoteAddress),
                        at: context.now, on: connection)
                }
                return changed
            }
        }
        guard changed else { throw HTTPError.notFound }
        return .redirect(to: "/advokat/?zprava=\(accept ? "prijato" : "ukonceno")")
    }

    /// Sends the selected approved steps, each in its own transaction, so one refusal does not hold up the rest.
    static func send(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try context.application.authenticator.requireViewer(request, site: .lawyer, context: context)
        try CSRF.check(request, session: viewer.session)
        let selected = Set(request.form.all("krok").compactMap { Int64($0) })
        var sent = 0
        var cancelled = 0
        var refusals: [String] = []
        let available = try context.database.withConnection { try StepRepository.approvedForLawyer(viewer.user.id, on: $0) }
        for step in available where selected.contains(step.id) {
            do {
                let outcome = try context.database.withConnection { connection in
                    try connection.transaction { connection in
                        try StepSender(context: context, actor: viewer.auditActor, clientAddress: request.remoteAddress)
                            .send(step, lawyer: viewer.user, on: connection)
                    }
                }
                if case .sent = outcome { sent += 1 } else { cancelled += 1 }
            } catch let refusal as StepSender.Refusal {
                refusals.append(context.text("lawyer.flash.refused", ["debtor": step.debtorName, "reason": refusal.message]))
            }
        }
        let (powers, instructions) = try context.database.withConnection { connection in
            (try PowerOfAttorneyRepository.forLawyer(viewer.user.id, on: connection),
             try StepRepository.approvedForLawyer(viewer.user.id, on: connection))
        }
        let summary = context.text("lawyer.flash.sent", ["sent": "\(sent)", "cancelled": "\(cancelled)"])
        let page = home(powers, instructions: instructions, viewer: viewer, context: context, flash: FormValues(),
                        summary: summary, refusals: refusals)
        return .html(page.renderDocument(), status: refusals.isEmpty ? 200 : 422)
    }

    static func home(
        _ powers: [PowerOfAttorney], instructions: [Step], viewer: Viewer, context: RequestContext, flash: FormValues,
        summary: String? = nil, refusals: [String] = []
    ) -> Node {
        let flashKey = ["prijato": "powers.flash.accepted", "ukonceno": "powers.flash.ended"][flash["zprava"] ?? ""]
        return Layout.page(
            title: context.text("site.lawyer"), site: .lawyer, context: context, currentPath: "/advokat/",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("site.lawyer") }
            element("p") {
                viewer.user.fullName + ", " + context.text("lawyer.registration", ["number": viewer.user.partner.cakNumber ?? ""])
            }
            if let flashKey { Forms.notice(context.text(flashKey), kind: "success") }
            if let summary { Forms.notice(summary, kind: refusals.isEmpty ? "success" : "warning") }
            for refusal in refusals { Forms.notice(refusal, kind: "error") }

            element("h2") { context.text("lawyer.instructions") }
            if instructions.isEmpty {
                element("p") { context.text("lawyer.instructions.none") }
            } else {
                StepSelectionForm.render(
                    instructions, action: "/advokat/pokyny", submit: context.text("lawyer.send"), session: viewer.session,
                    caseLink: nil, preparedColumn: false, context: context)
            }

            element("h2") { context.text("lawyer.powers") }
            if powers.isEmpty {
                element("p") { context.text("partner.lawyer.empty") }
            } else {
                PowersTable.render(powers, viewer: viewer, context: context, documentPrefix: "/advokat/dokumenty/",
                                   endPrefix: "/advokat/plne-moci/", acceptPrefix: "/advokat/plne-moci/")
            }
        }
    }
}
