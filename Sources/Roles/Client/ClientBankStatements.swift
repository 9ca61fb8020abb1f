import Crypto
import Domain
import Foundation
import Interchange
import Store
import Web

/// Upload of a bank statement (GPC/ABO or camt.053) whose incoming payments are matched to open receivables; the
/// result is shown as an import batch report.
enum ClientBankStatements {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/vypisy") { request, _, context in
            let viewer = try ClientSite.require(.importReceivables, request, context: context)
            return .html(page(viewer: viewer, context: context).renderDocument())
        }
        router.post("/klient/vypisy") { request, _, context in
            try upload(request, context: context)
        }
    }

    static func upload(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.importReceivables, request, context: context)
        guard let multipart = request.multipart else { throw HTTPError.badRequest }
        try CSRF.check(form: multipart.fields, session: viewer.session)
        let organizationID = try viewer.organizationID
        guard let file = multipart.file("soubor"), !file.data.isEmpty else {
            let page = page(viewer: viewer, context: context, error: context.text("import.upload.missingFile"))
            return .html(page.renderDocument(), status: 422)
        }
        let fileName = URL(fileURLWithPath: file.fileName ?? "vypis").lastPathComponent
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("kolektor-statement-\(UUID().uuidString)")
        try Data(file.data).write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }

        let statement: BankStatement
        do {
            statement = try BankStatementReader.read(
                temporary, fileName: fileName,
                limits: ImportLimits(maxBytes: context.application.settings.importMaxBytes))
        } catch let error as ImportError {
            context.application.logger.info(
                "bank statement rejected", ["request_id": request.requestID, "organization_id": "\(organizationID)"])
            let page = page(viewer: viewer, context: context, error: error.description)
            return .html(page.renderDocument(), status: 422)
        }
        let batch = try context.database.withConnection { connection in
            try PaymentMatching.apply(
                statement, organizationID: organizationID, actor: viewer.auditActor, fileName: fileName,
                fileSHA256: Digest.sha256(file.data).hexString, now: context.now, on: connection)
        }
        return .redirect(to: "/klient/importy/\(batch.id)")
    }

    static func page(viewer: Viewer, context: RequestContext, error: String? = nil) -> Node {
        Layout.page(
            title: context.text("statements.title"), site: .client, context: context, currentPath: "/klient/vypisy",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("statements.title") }
            element("p") { context.text("statements.lead") }
            if let error { Forms.notice(error, kind: "error") }
            element(
                "form", Attribute("method", "post"), Attribute("action", "/klient/vypisy"),
                Attribute("enctype", "multipart/form-data")
            ) {
                CSRF.field(viewer.session)
                element("label", Attribute("for", "pole-soubor")) { context.text("import.upload.file") }
                voidElement("input", .type("file"), .id("pole-soubor"), .name("soubor"), .flag("required"))
                element("button", .type("submit")) { context.text("statements.submit") }
            }
        }
    }
}
