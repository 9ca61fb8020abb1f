import Crypto
import Domain
import Foundation
import Store
import Web

/// User management for the client admin: list, invite a subordinate, assign debtors, deactivate.
/// A user of another creditor is answered with 404, as if it did not exist.
enum ClientUsers {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/uzivatele") { request, _, context in
            let viewer = try ClientSite.require(.manageUsers, request, context: context)
            return .html(try ClientUserPages.list(viewer: viewer, context: context, flash: request.query["zprava"]).renderDocument())
        }
        router.post("/klient/uzivatele/pozvat") { request, _, context in
            try invite(request, context: context)
        }
        router.get("/klient/uzivatele/:id") { request, parameters, context in
            let viewer = try ClientSite.require(.manageUsers, request, context: context)
            let user = try find(parameters, viewer: viewer, context: context)
            return .html(try ClientUserPages.detail(user, viewer: viewer, context: context, flash: request.query["zprava"]).renderDocument())
        }
        router.post("/klient/uzivatele/:id/dluznici") { request, parameters, context in
            try assign(request, parameters, context: context)
        }
        router.post("/klient/uzivatele/:id/stav") { request, parameters, context in
            try setActive(request, parameters, context: context)
        }
    }

    static func find(_ parameters: RouteParameters, viewer: Viewer, context: RequestContext) throws -> User {
        guard let id = parameters.id("id") else { throw HTTPError.notFound }
        let organizationID = try viewer.organizationID
        guard let user = try context.database.withConnection({
            try UserRepository.find(id: id, organizationID: organizationID, on: $0)
        }) else { throw HTTPError.notFound }
        return user
    }

    static func invite(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.manageUsers, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let organizationID = try viewer.organizationID
        let form = request.form
        let name = (form["jmeno"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = PasswordSignIn.normalizedEmail(form["email"])
        var errors: [String: String] = [:]
        // A name goes into e-mails; line breaks and other control characters could smuggle in paragraphs or links.
        if name.isEmpty || name.count > 200 || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors["jmeno"] = context.text("client.users.error.name")
        }
        if email.isEmpty {
            errors["email"] = context.text("client.users.error.emailMissing")
        } else if !EmailAddress.isPlausible(email) {
            errors["email"] = context.text("client.users.error.email", ["value": email])
        }
        if errors.isEmpty, try context.database.withConnection({ try UserRepository.find(email: email, on: $0) }) != nil {
            errors["email"] = context.text("client.users.error.taken", ["value": email])
        }
        guard errors.isEmpty else {
            let page = try ClientUserPages.list(viewer: viewer, context: context, inviteName: name, inviteEmail: email, errors: errors)
            return .html(page.renderDocument(), status: 422)
        }

        do {
            try createInvitation(name: name, email: email, organizationID: organizationID, viewer: viewer, request: request, context: context)
        } catch let error as StoreError where error.isUniqueViolation {
            // A parallel invitation of the same address won the race.
            let taken = ["email": context.text("client.users.error.taken", ["value": email])]
            let page = try ClientUserPages.list(viewer: viewer, context: context, inviteName: name, inviteEmail: email, errors: taken)
            return .html(page.renderDocument(), status: 422)
        }
        return .redirect(to: "/klient/uzivatele?zprava=pozvano")
    }

    private static func createInvitation(
        name: String, email: String, organizationID: Int64, viewer: Viewer, request: Request, context: RequestContext
    ) throws {
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                guard let organization = try OrganizationRepository.find(id: organizationID, on: connection) else {
                    throw HTTPError.notFound
                }
                let user = try UserRepository.insert(
                    User(organizationID: organizationID, role: .subordinate, email: email, fullName: name,
                         language: context.language),
                    passwordHash: nil, at: context.now, on: connection)
                let token = SecureRandom.token()
                try PasswordResetRepository.insert(
                    tokenHash: Digest.sha256(token), userID: user.id, purpose: .invitation, now: context.now,
                    expiresAt: context.now.addingTimeInterval(PasswordSignIn.invitationLifetime), on: connection)
                let link = PasswordReset.link(baseURL: context.application.settings.baseURL, site: .client, token: token)
                let mail = AccountMail.invitation(
                    link: link, name: name, organization: organization.name, inviter: viewer.user.fullName,
                    language: context.language)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: "user_invited", subject: "user:\(user.id)",
                               detail: "role:subordinate organization:\(organizationID)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
                try MailQueue.enqueue(
                    .invitation, mail, to: email, language: context.language, organizationID: organizationID,
                    now: context.now, on: connection)
            }
        }
    }

    static func assign(_ request: Request, _ parameters: RouteParameters, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.manageUsers, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let user = try find(parameters, viewer: viewer, context: context)
        let organizationID = try viewer.organizationID
        guard user.role == .subordinate else { throw HTTPError.badRequest }
        let requested = request.form.all("dluznik").compactMap { Int64($0) }
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                // Only ids of this creditor's debtors are kept; anything else is rejected as a whole.
                let own = Set(try DebtorRepository.all(organizationID: organizationID, on: connection).map(\.id))
                guard Set(requested).isSubset(of: own) else { throw HTTPError.notFound }
                try DebtorRepository.replaceAssignments(
                    userID: user.id, organizationID: organizationID, debtorIDs: requested, on: connection)
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: "debtors_assigned", subject: "user:\(user.id)",
                               detail: "debtors:" + requested.sorted().map(String.init).joined(separator: ","),
                               clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
        return .redirect(to: "/klient/uzivatele/\(user.id)?zprava=prirazeno")
    }

    static func setActive(_ request: Request, _ parameters: RouteParameters, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.manageUsers, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let user = try find(parameters, viewer: viewer, context: context)
        // An admin cannot lock themselves out; another admin or the operator must do it.
        guard user.id != viewer.user.id else { throw HTTPError.badRequest }
        let active = request.form["aktivni"] == "1"
        try context.database.withConnection { connection in
            try connection.transaction { connection in
                try UserRepository.setActive(active, userID: user.id, at: context.now, on: connection)
                if !active {
                    try SessionRepository.deleteAll(userID: user.id, on: connection)
                    try PasswordResetRepository.invalidateAll(userID: user.id, now: context.now, on: connection)
                }
                try AuditLog.append(
                    AuditEntry(actor: viewer.auditActor, action: active ? "user_reactivated" : "user_deactivated",
                               subject: "user:\(user.id)", clientAddress: request.remoteAddress),
                    at: context.now, on: connection)
            }
        }
        return .redirect(to: "/klient/uzivatele/\(user.id)?zprava=\(active ? "aktivovano" : "deaktivovano")")
    }
}

/// A light check of an e-mail address: one `@`, a dot in the domain, no spaces; delivery proves the rest.
enum EmailAddress {
    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return false }
        return true
    }
}
