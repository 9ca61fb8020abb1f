import Domain
import Foundation
import Interchange
import Store
import Web

/// Import of receivables in the client portal: the upload form with the import history, the upload itself and the
/// report of one batch. Only the client admin may import (`CreditorAction.importReceivables`).
enum ClientImports {
    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/importy") { request, _, context in
            let viewer = try ClientSite.require(.importReceivables, request, context: context)
            let organizationID = try viewer.organizationID
            let batches = try context.database.withConnection {
                try ImportBatchRepository.recent(organizationID: organizationID, on: $0)
            }
            return .html(ClientImportPages.history(batches, viewer: viewer, context: context).renderDocument())
        }
        router.post("/klient/importy") { request, _, context in
            try upload(request, context: context)
        }
        router.get("/klient/importy/:id") { request, parameters, context in
            let viewer = try ClientSite.require(.importReceivables, request, context: context)
            let organizationID = try viewer.organizationID
            guard let id = parameters.id("id") else { throw HTTPError.notFound }
            let (batch, changes) = try context.database.withConnection { connection in
                (
                    try ImportBatchRepository.find(id: id, organizationID: organizationID, on: connection),
                    try ImportBatchRepository.changes(batchID: id, organizationID: organizationID, on: connection)
                )
            }
            guard let batch else { throw HTTPError.notFound }
            return .html(
                ClientImportPages.report(batch, changes: changes, viewer: viewer, context: context).renderDocument())
        }
    }

    /// Stores the uploaded file in a temporary file, imports it and shows the batch report.
    static func upload(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.importReceivables, request, context: context)
        guard let multipart = request.multipart else { throw HTTPError.badRequest }
        let fields = multipart.fields
        try CSRF.check(form: fields, session: viewer.session)
        let organizationID = try viewer.organizationID
        guard let file = multipart.file("soubor"), !file.data.isEmpty else {
            let batches = try context.database.withConnection {
                try ImportBatchRepository.recent(organizationID: organizationID, on: $0)
            }
            let page = ClientImportPages.history(
                batches, viewer: viewer, context: context, error: context.text("import.upload.missingFile"))
            return .html(page.renderDocument(), status: 422)
        }
        let mode = ImportMode(rawValue: fields["rezim"] ?? "") ?? .delta
        guard mode != .manual else { throw HTTPError.badRequest }
        let fileName = URL(fileURLWithPath: file.fileName ?? "import").lastPathComponent
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("kolektor-upload-\(UUID().uuidString)")
        try Data(file.data).write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }

        let service = ImportService(
            limits: ImportLimits(maxBytes: context.application.settings.importMaxBytes), now: context.now)
        let batch = try context.database.withConnection { connection -> ImportBatchSummary in
            guard let organization = try OrganizationRepository.find(id: organizationID, on: connection) else {
                throw HTTPError.notFound
            }
            return try service.importFile(
                at: temporary, fileName: fileName, organization: organization, actor: viewer.auditActor, mode: mode,
                partial: fields["castecny"] == "1", on: connection)
        }
        if batch.status == .rejected {
            context.application.logger.info(
                "import rejected",
                [
                    "request_id": request.requestID, "import.batch_id": "\(batch.id)",
                    "organization_id": "\(organizationID)",
                ])
        }
        return .redirect(to: "/klient/importy/\(batch.id)")
    }
}
