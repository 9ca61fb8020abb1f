import Foundation
import Domain
import Store
import Web

/// Drafts waiting for the client admin's approval, approved one by one or many at once, and the creditor's
/// documents for download.
enum ClientApprovals {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/ke-schvaleni") { request, _, context in
            let viewer = try requireAdmin(request, context: context)
            let organizationID = try viewer.organizationID
            let drafts = try context.database.withConnection {
                try StepRepository.pending(organizationID: organizationID, status: .draft, on: $0)
            }
            return .html(page(drafts, viewer: viewer, context: context, flash: request.query["schvaleno"]).renderDocument())
        }
        router.post("/klient/ke-schvaleni") { request, _, context in
            let viewer = try requireAdmin(request, context: context)
            try CSRF.check(request, session: viewer.session)
            let organizationID = try viewer.organizationID
            let ids = request.form.all("krok").compactMap { Int64($0) }
            let approved = try context.database.withConnection { connection in
                try connection.transaction { connection -> Int in
                    var count = 0
                    for id in ids {
                        // Only this creditor's drafts: another creditor's step id simply matches nothing.
                        guard let step = try StepRepository.find(id: id, organizationID: organizationID, on: connection),
                            try StepRepository.approve(id: id, organizationID: organizationID, by: viewer.auditActor, at: context.now, on: connection)
                        else { continue }
                        try CaseTimeline.append(
                            organizationID: organizationID, caseID: step.caseID, kind: "step_approved", actor: viewer.auditActor,
                            detail: step.kind, at: context.now, on: connection)
                        try AuditLog.append(
                            AuditEntry(actor: viewer.auditActor, action: "step_approved", subject: "step:\(id)",
                                       clientAddress: request.remoteAddress),
                            at: context.now, on: connection)
                        count += 1
                    }
                    return count
                }
            }
            return .redirect(to: "/klient/ke-schvaleni?schvaleno=\(approved)")
        }
        router.get("/klient/dokumenty/:id") { request, parameters, context in
            let viewer = try ClientSite.require(.viewDebtors, request, context: context)
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            let organizationID = try viewer.organizationID
            let (document, content) = try context.database.withConnection { connection in
                (try DocumentRepository.find(id: id, organizationID: organizationID, on: connection),
                 try DocumentRepository.content(id: id, organizationID: organizationID, on: connection))
            }
            guard let document, let content else { throw HTTPError.notFound }
            if let caseID = document.caseID {
                // A subordinate sees documents of assigned debtors only; this throws 403 otherwise.
                _ = try ClientCases.find(id: caseID, viewer: viewer, context: context)
            } else if viewer.user.role != .clientAdmin {
                throw HTTPError.forbidden
            }
            return DocumentDownload.response(document, content: content)
        }
    }

    static func requireAdmin(_ request: Request, context: RequestContext) throws -> Viewer {
        let viewer = try ClientSite.require(.viewDebtors, request, context: context)
        guard viewer.user.role == .clientAdmin else { throw HTTPError.forbidden }
        return viewer
    }

    static func page(_ drafts: [Step], viewer: Viewer, context: RequestContext, flash: String?) -> Node {
        Layout.page(
            title: context.text("approvals.title"), site: .client, context: context, currentPath: "/klient/ke-schvaleni",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("approvals.title") }
            if let flash { Forms.notice(context.text("approvals.flash", ["count": flash.filter(\.isNumber)]), kind: "success") }
            if drafts.isEmpty {
                element("p") { context.text("approvals.none") }
            } else {
                StepSelectionForm.render(
                    drafts, action: "/klient/ke-schvaleni", submit: context.text("approvals.submit"), session: viewer.session,
                    caseLink: { "/klient/spisy/\($0.caseID)" }, preparedColumn: true, context: context)
            }
        }
    }
}

/// A stored document as a download: the original bytes with a safe file name and no sniffing.
enum DocumentDownload {
    static func response(_ document: StoredDocument, content: [UInt8]) -> Response {
        let safeName = document.filename.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }
        return Response(
            status: 200,
            headers: [
                ("Content-Type", document.contentType), ("Content-Disposition", "attachment; filename=\"\(safeName)\""),
                ("Cache-Control", "no-store"),
            ],
            body: content)
    }
}

/// A form listing steps with a checkbox each, posting the chosen ids as `krok`: the admin's approval queue and the
/// lawyer's instructions to send.
enum StepSelectionForm {
    static func render(
        _ steps: [Step], action: String, submit: String, session: StoredSession, caseLink: ((Step) -> String)?,
        preparedColumn: Bool, context: RequestContext
    ) -> Node {
        element("form", Attribute("method", "post"), Attribute("action", action)) {
            CSRF.field(session)
            element("div", .class("table-scroll")) {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { "" }
                            element("th") { context.text("cases.debtor") }
                            element("th") { context.text("case.document") }
                            element("th") { context.text("case.channel") }
                            if preparedColumn { element("th") { context.text("approvals.preparedBy") } }
                        }
                    }
                    element("tbody") {
                        for step in steps {
                            element("tr") {
                                element("td") {
                                    voidElement("input", .type("checkbox"), .name("krok"), .value("\(step.id)"),
                                                .id("krok-\(step.id)"), Attribute("aria-label", step.debtorName))
                                }
                                element("td") {
                                    if let caseLink { element("a", .href(caseLink(step))) { step.debtorName } } else { step.debtorName }
                                }
                                element("td") { context.text("step.kind.\(step.kind)") }
                                element("td") { context.text("step.channel.\(step.channel)") }
                                if preparedColumn {
                                    element("td") { Formatting.dateTime(step.preparedAt, language: context.language) }
                                }
                            }
                        }
                    }
                }
            }
            element("button", .type("submit")) { submit }
        }
    }
}
