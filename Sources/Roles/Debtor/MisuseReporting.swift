import Crypto
import Domain
import Foundation
import Store
import Web

/// "Tohoto věřitele neznám": a report from the public link in the activation notice or from the debtor portal.
/// It puts every open case of the creditor and debtor on hold until the operator decides.
enum MisuseReporting {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/zneuziti/:token") { request, parameters, context in
            guard let link = try findLink(parameters["token"] ?? "", context: context) else {
                return .html(invalidPage(context: context).renderDocument(), status: 404)
            }
            var response = Response()
            let session = try context.application.authenticator.anonymousSession(
                for: request, site: .publicSite, context: context, response: &response)
            let creditor = try context.database.withConnection {
                try OrganizationRepository.find(id: link.organizationID, on: $0)
            }
            let action = "/zneuziti/\(parameters["token"] ?? "")"
            return response.withHTML(
                formPage(action: action, creditorName: creditor?.name ?? "", session: session, context: context))
        }
        router.post("/zneuziti/:token") { request, parameters, context in
            guard let link = try findLink(parameters["token"] ?? "", context: context) else {
                return .html(invalidPage(context: context).renderDocument(), status: 404)
            }
            guard
                let session = try context.application.authenticator.session(
                    for: request, site: .publicSite, context: context)
            else { throw HTTPError.forbidden }
            try CSRF.check(request, session: session)
            // The link reports once; an old notice e-mail cannot hold the cases again after the operator's decision.
            let token = parameters["token"] ?? ""
            guard try context.database.withConnection({
                try MisuseLinkRepository.use(tokenHash: Digest.sha256(token), at: context.now, on: $0)
            }) else {
                return .html(invalidPage(context: context).renderDocument(), status: 404)
            }
            try report(
                organizationID: link.organizationID, debtorID: link.debtorID, message: request.form["zprava"] ?? "",
                from: "link", request: request, context: context)
            return .html(thanksPage(context: context).renderDocument())
        }
        router.post("/dluznik/zneuziti") { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            try CSRF.check(request, session: debtor.session)
            try report(
                organizationID: debtor.organizationID, debtorID: debtor.debtorID, message: request.form["zprava"] ?? "",
                from: "portal", request: request, context: context)
            return .redirect(to: "/dluznik/?zprava=misuse")
        }
    }

    private static func findLink(_ token: String, context: RequestContext) throws -> MisuseLink? {
        guard !token.isEmpty, token.count <= 64 else { return nil }
        return try context.database.withConnection {
            try MisuseLinkRepository.find(tokenHash: Digest.sha256(token), on: $0)
        }
    }

    /// Stores the report and puts the creditor's open cases of the debtor on hold, with timeline entries, in one
    /// transaction. A second report while one is open adds nothing, because the cases already wait for the operator.
    static func report(
        organizationID: Int64, debtorID: Int64, message: String, from source: String, request: Request,
        context: RequestContext
    ) throws {
        let trimmed = String(message.trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                let cases = try DebtorCaseRepository.lockAll(
                    organizationID: organizationID, debtorID: debtorID, on: connection)
                guard
                    try MisuseReportRepository.openReport(
                        organizationID: organizationID, debtorID: debtorID, on: connection) == nil
                else { return }
                let reportID = try MisuseReportRepository.insert(
                    organizationID: organizationID, debtorID: debtorID, message: trimmed, reportedFrom: source,
                    now: context.now, on: connection)
                for held in cases {
                    guard
                        case .success(let next) = CaseTransitions.apply(.misuseReported, to: held.state, spacingDays: 0)
                    else { continue }
                    try DebtorCaseRepository.save(
                        next, caseID: held.id, organizationID: organizationID, now: context.now, on: connection)
                    try CaseTimeline.append(
                        organizationID: organizationID, caseID: held.id, kind: "misuse_reported", actor: "debtor",
                        detail: "report:\(reportID)", at: context.now, on: connection)
                }
                try AuditLog.append(
                    AuditEntry(
                        actor: "debtor", action: "misuse_reported", subject: "misuse_report:\(reportID)",
                        detail: "source:\(source)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
    }

    static func formPage(action: String, creditorName: String, session: StoredSession, context: RequestContext) -> Node
    {
        Layout.page(
            title: context.text("debtorPortal.misuse.title"), site: .publicSite, context: context, currentPath: "/"
        ) {
            element("h1") { context.text("debtorPortal.misuse.title") }
            element("p") { context.text("debtorPortal.misuse.explain", ["creditor": creditorName]) }
            element("form", Attribute("method", "post"), Attribute("action", action), .class("stack")) {
                CSRF.field(session)
                element("label", Attribute("for", "pole-zprava")) { context.text("debtorPortal.misuse.message") }
                element("textarea", .id("pole-zprava"), .name("zprava"), Attribute("rows", "4")) {}
                element("button", .type("submit")) { context.text("debtorPortal.misuse.button") }
            }
        }
    }

    static func thanksPage(context: RequestContext) -> Node {
        Layout.page(
            title: context.text("debtorPortal.misuse.title"), site: .publicSite, context: context, currentPath: "/"
        ) {
            element("h1") { context.text("debtorPortal.misuse.title") }
            Forms.notice(context.text("debtorPortal.done.misuse"), kind: "success")
        }
    }

    static func invalidPage(context: RequestContext) -> Node {
        Layout.page(
            title: context.text("debtorPortal.link.invalidTitle"), site: .publicSite, context: context, currentPath: "/"
        ) {
            element("h1") { context.text("debtorPortal.link.invalidTitle") }
            element("p") { context.text("debtorPortal.misuse.invalidLink") }
        }
    }
}
