import Domain
import Store
import Web

/// The debtor list and debtor detail; a subordinate sees only debtors assigned to them.
enum ClientDebtors {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/dluznici") { request, _, context in
            let viewer = try ClientSite.require(.viewDebtors, request, context: context)
            let organizationID = try viewer.organizationID
            let debtors = try context.database.withConnection { connection in
                viewer.user.role == .subordinate
                    ? try DebtorRepository.assigned(to: viewer.user.id, organizationID: organizationID, on: connection)
                    : try DebtorRepository.all(organizationID: organizationID, on: connection)
            }
            return .html(list(debtors, viewer: viewer, context: context).renderDocument())
        }
        router.get("/klient/dluznici/:id") { request, parameters, context in
            let viewer = try ClientSite.require(.viewDebtors, request, context: context)
            let debtor = try find(parameters, viewer: viewer, context: context)
            let changes = try context.database.withConnection {
                try DebtorHistoryRepository.changes(debtorID: debtor.id, organizationID: debtor.organizationID, on: $0)
            }
            return .html(detail(debtor, changes: changes, viewer: viewer, context: context).renderDocument())
        }
    }

    /// A debtor of the viewer's creditor: 404 for another creditor's debtor, 403 for a subordinate's unassigned one.
    static func find(_ parameters: RouteParameters, viewer: Viewer, context: RequestContext) throws -> Debtor {
        guard let id = parameters.id("id") else { throw HTTPError.notFound }
        let organizationID = try viewer.organizationID
        return try context.database.withConnection { connection in
            guard let debtor = try DebtorRepository.find(id: id, organizationID: organizationID, on: connection) else {
                throw HTTPError.notFound
            }
            let assigned = try DebtorRepository.isAssigned(debtorID: id, userID: viewer.user.id, on: connection)
            let relation = CaseRelation(isOwnCreditor: true, isAssignedDebtor: assigned)
            guard Permissions.allows(viewer.user.role, .view, .demand, relation: relation) else {
                throw HTTPError.forbidden
            }
            return debtor
        }
    }

    static func list(_ debtors: [Debtor], viewer: Viewer, context: RequestContext) -> Node {
        Layout.page(
            title: context.text("client.debtors.title"), site: .client, context: context, currentPath: "/klient/dluznici",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("client.debtors.title") }
            if debtors.isEmpty {
                element("p") {
                    context.text(viewer.user.role == .subordinate ? "client.debtors.noneAssigned" : "client.debtors.none")
                }
            } else {
                element("div", .class("table-scroll")) {
                    element("table") {
                        element("thead") {
                            element("tr") {
                                element("th") { context.text("client.debtors.name") }
                                element("th") { context.text("client.debtors.kind") }
                                element("th") { context.text("client.debtors.ico") }
                                element("th") { context.text("client.debtors.city") }
                            }
                        }
                        element("tbody") {
                            for debtor in debtors {
                                element("tr") {
                                    element("td") { element("a", .href("/klient/dluznici/\(debtor.id)")) { debtor.name } }
                                    element("td") { context.text("debtor.kind.\(debtor.kind.rawValue)") }
                                    element("td") { debtor.ico ?? "" }
                                    element("td") { debtor.city }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func detail(_ debtor: Debtor, changes: [DebtorChange], viewer: Viewer, context: RequestContext) -> Node {
        Layout.page(
            title: debtor.name, site: .client, context: context, currentPath: "/klient/dluznici/\(debtor.id)",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { debtor.name }
            element("dl") {
                element("dt") { context.text("client.debtors.kind") }
                element("dd") { context.text("debtor.kind.\(debtor.kind.rawValue)") }
                if let ico = debtor.ico {
                    element("dt") { context.text("client.debtors.ico") }
                    element("dd") { ico }
                }
                element("dt") { context.text("client.debtors.address") }
                element("dd") { [debtor.street, "\(debtor.postalCode) \(debtor.city)"].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ") }
                element("dt") { context.text("auth.email") }
                element("dd") { debtor.email }
            }
            ClientDebtorHistory.section(changes, context: context)
            element("p") { element("a", .href("/klient/dluznici")) { context.text("client.debtors.back") } }
        }
    }
}

import Foundation
