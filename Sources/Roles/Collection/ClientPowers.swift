import Foundation
import Crypto
import Domain
import Store
import Web

/// Powers of attorney in the client portal: granted electronically by the client admin to a partner lawyer, for
/// all claims or chosen debtors, and ended by either side.
enum ClientPowers {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/plne-moci") { request, _, context in
            let viewer = try ClientSite.require(.grantPowerOfAttorney, request, context: context)
            return .html(try page(viewer: viewer, context: context, flash: request.query["zprava"], error: nil).renderDocument())
        }
        router.post("/klient/plne-moci") { request, _, context in
            try grant(request, context: context)
        }
        router.post("/klient/plne-moci/:id/ukoncit") { request, parameters, context in
            let viewer = try ClientSite.require(.grantPowerOfAttorney, request, context: context)
            try CSRF.check(request, session: viewer.session)
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            let organizationID = try viewer.organizationID
            let ended = try context.database.withConnection { connection in
                try connection.transaction { connection -> Bool in
                    let ended = try PowerOfAttorneyRepository.end(
                        id: id, organizationID: organizationID, lawyerID: nil, by: viewer.auditActor, at: context.now, on: connection)
                    if ended {
                        try AuditLog.append(
                            AuditEntry(actor: viewer.auditActor, action: "power_of_attorney_ended", subject: "power_of_attorney:\(id)",
                                       clientAddress: request.remoteAddress),
                            at: context.now, on: connection)
                    }
                    return ended
                }
            }
            guard ended else { throw HTTPError.notFound }
            return .redirect(to: "/klient/plne-moci?zprava=ukonceno")
        }
    }

    static func grant(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.grantPowerOfAttorney, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let organizationID = try viewer.organizationID
        guard let lawyerID = request.form["advokat"].flatMap({ Int64($0) }) else { throw HTTPError.badRequest }
        let scope: PowerOfAttorney.Scope = request.form["rozsah"] == "debtors" ? .debtors : .all
        let chosen = request.form.all("dluznik").compactMap { Int64($0) }
        if scope == .debtors && chosen.isEmpty {
            let page = try page(viewer: viewer, context: context, flash: nil, error: context.text("powers.error.noDebtors"))
            return .html(page.renderDocument(), status: 422)
        }
        do {
            try createPower(
                lawyerID: lawyerID, scope: scope, chosen: chosen, organizationID: organizationID, viewer: viewer,
                request: request, context: context)
        } catch let refusal as OverlapRefusal {
            let page = try page(
                viewer: viewer, context: context, flash: nil,
                error: context.text("powers.error.overlap", ["lawyer": refusal.lawyer]))
            return .html(page.renderDocument(), status: 422)
        }
        return .redirect(to: "/klient/plne-moci?zprava=udeleno")
    }

    struct OverlapRefusal: Error {
        let lawyer: String
    }

    private static func createPower(
        lawyerID: Int64, scope: PowerOfAttorney.Scope, chosen: [Int64], organizationID: Int64, viewer: Viewer,
        request: Request, context: RequestContext
    ) throws {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                guard let lawyer = try UserRepository.find(id: lawyerID, on: connection), lawyer.role == .lawyer, lawyer.active,
                    let creditor = try OrganizationRepository.find(id: organizationID, on: connection)
                else { throw HTTPError.badRequest }
                let own = try DebtorRepository.all(organizationID: organizationID, on: connection)
                let debtors = own.filter { chosen.contains($0.id) }
                guard debtors.count == Set(chosen).count else { throw HTTPError.notFound }
                // One debtor, one lawyer: an overlapping power must be ended first, so it is always clear who acts.
                let overlapping = try PowerOfAttorneyRepository.forOrganization(organizationID, on: connection).first { power in
                    power.endedAt == nil
                        && (scope == .all || power.scope == .all || !Set(power.debtorIDs).isDisjoint(with: chosen))
                }
                if let overlapping { throw OverlapRefusal(lawyer: overlapping.lawyerName) }
                let pdf = try PowerOfAttorneyDocument.render(
                    creditor: creditor, lawyer: lawyer, scope: scope, debtors: debtors, grantedBy: viewer.user,
                    clientAddress: request.remoteAddress, at: context.now)
                let document = try DocumentRepository.insert(
                    organizationID: organizationID, caseID: nil, kind: "power_of_attorney", filename: "plna-moc.pdf",
                    contentType: "application/pdf", content: pdf, sha256: Digest.sha256(pdf).hexString,
                    createdBy: viewer.auditActor, at: context.now, on: connection)
                let id = try PowerOfAttorneyRepository.insert(
                    organizationID: organizationID, lawyerID: lawyerID, scope: scope, debtorIDs: debtors.map(\.id),
                    grantedBy: viewer.user.id, grantedFrom: request.remoteAddress, documentID: document.id, at: context.now,
                    on: connection)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: "power_of_attorney_granted", subject: "power_of_attorney:\(id)",
                               detail: "lawyer:\(lawyerID) scope:\(scope.rawValue) sha256:\(document.sha256)",
                               clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
    }

    static func page(viewer: Viewer, context: RequestContext, flash: String?, error: String?) throws -> Node {
        let organizationID = try viewer.organizationID
        let (powers, lawyers, debtors) = try context.database.withConnection { connection in
            (
                try PowerOfAttorneyRepository.forOrganization(organizationID, on: connection),
                try UserRepository.allWithoutOrganization(on: connection).filter { $0.role == .lawyer && $0.active },
                try DebtorRepository.all(organizationID: organizationID, on: connection)
            )
        }
        let flashKey = ["udeleno": "powers.flash.granted", "ukonceno": "powers.flash.ended"][flash ?? ""]
        return Layout.page(
            title: context.text("powers.title"), site: .client, context: context, currentPath: "/klient/plne-moci",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("powers.title") }
            if let flashKey { Forms.notice(context.text(flashKey), kind: "success") }
            if let error { Forms.notice(error, kind: "error") }
            if powers.isEmpty { element("p") { context.text("powers.none") } }
            else { PowersTable.render(powers, viewer: viewer, context: context, documentPrefix: "/klient/dokumenty/",
                                      endPrefix: "/klient/plne-moci/") }
            element("h2") { context.text("powers.grant") }
            element("p") { context.text("powers.grant.lead") }
            element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", "/klient/plne-moci")) {
                CSRF.field(viewer.session)
                element("label", Attribute("for", "advokat")) { context.text("powers.lawyer") }
                element("select", .id("advokat"), .name("advokat"), .flag("required")) {
                    for lawyer in lawyers {
                        element("option", .value("\(lawyer.id)")) { "\(lawyer.fullName) (ČAK \(lawyer.partner.cakNumber ?? ""))" }
                    }
                }
                element("fieldset") {
                    element("legend") { context.text("powers.scope") }
                    element("div") {
                        voidElement("input", .type("radio"), .name("rozsah"), .value("all"), .id("rozsah-all"), .flag("checked"))
                        element("label", Attribute("for", "rozsah-all")) { context.text("powers.scope.all") }
                    }
                    element("div") {
                        voidElement("input", .type("radio"), .name("rozsah"), .value("debtors"), .id("rozsah-debtors"))
                        element("label", Attribute("for", "rozsah-debtors")) { context.text("powers.scope.debtors") }
                    }
                    for debtor in debtors {
                        element("div") {
                            voidElement("input", .type("checkbox"), .name("dluznik"), .value("\(debtor.id)"), .id("pm-dluznik-\(debtor.id)"))
                            element("label", Attribute("for", "pm-dluznik-\(debtor.id)")) { debtor.name }
                        }
                    }
                }
                element("button", .type("submit")) { context.text("powers.grant.submit") }
            }
        }
    }
}

/// The table of powers of attorney, shared by the client and the lawyer portal.
enum PowersTable {
    static func render(
        _ powers: [PowerOfAttorney], viewer: Viewer, context: RequestContext, documentPrefix: String, endPrefix: String,
        acceptPrefix: String? = nil
    ) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        element("th") { context.text(acceptPrefix == nil ? "powers.lawyer" : "lawyer.creditor") }
                        element("th") { context.text("powers.scope") }
                        element("th") { context.text("powers.granted") }
                        element("th") { context.text("powers.state") }
                        element("th") { "" }
                    }
                }
                element("tbody") {
                    for power in powers {
                        element("tr") {
                            element("td") { acceptPrefix == nil ? power.lawyerName : power.organizationName }
                            element("td") { context.text("powers.scope.\(power.scope.rawValue)") }
                            element("td") { Formatting.dateTime(power.grantedAt, language: context.language) }
                            element("td") {
                                context.text(power.endedAt != nil ? "powers.state.ended" : (power.acceptedAt == nil ? "powers.state.waiting" : "powers.state.current"))
                            }
                            element("td") {
                                element("a", .href("\(documentPrefix)\(power.documentID)")) { context.text("powers.download") }
                                if power.endedAt == nil {
                                    if let acceptPrefix, power.acceptedAt == nil {
                                        " "
                                        Forms.postButton(action: "\(acceptPrefix)\(power.id)/prijmout", label: context.text("powers.accept"),
                                                         session: viewer.session)
                                    }
                                    " "
                                    Forms.postButton(action: "\(endPrefix)\(power.id)/ukoncit", label: context.text("powers.end"),
                                                     session: viewer.session, style: "secondary")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
