import Crypto
import Domain
import Foundation
import Interchange
import Store
import Web

/// The REST API at `/api/v1/`: import files and read receivables with a creditor's API key, sent as
/// `Authorization: Bearer KEY`. Responses are JSON; errors are `{"error": "…"}` with a Czech message.
enum APISite {
    static func register(in router: inout Router<RequestContext>) {
        router.post("/api/v1/imports") { request, _, context in
            try respond(request, context: context, handler: createImport)
        }
        router.get("/api/v1/imports/:id") { request, parameters, context in
            try respond(request, context: context) { request, organization, context in
                guard let id = parameters.id("id") else { throw APIError(404, "Import nebyl nalezen.") }
                return try showImport(id: id, organization: organization, context: context)
            }
        }
        router.get("/api/v1/receivables") { request, _, context in
            try respond(request, context: context, handler: listReceivables)
        }
    }

    /// An API failure with its HTTP status and Czech message.
    struct APIError: Error {
        var status: Int
        var message: String

        init(_ status: Int, _ message: String) {
            self.status = status
            self.message = message
        }
    }

    typealias Handler = (Request, Organization, RequestContext) throws -> Response

    /// Authenticates the key, runs `handler` and turns API errors into JSON.
    static func respond(_ request: Request, context: RequestContext, handler: Handler) throws -> Response {
        do {
            let organization = try authenticate(request, context: context)
            return try handler(request, organization, context)
        } catch let error as APIError {
            var object = JSONObject()
            object.add("error", .string(error.message))
            var response = json(object, status: error.status)
            if error.status == 401 { response.addHeader("WWW-Authenticate", "Bearer") }
            return response
        }
    }

    static func authenticate(_ request: Request, context: RequestContext) throws -> Organization {
        let header = request.headers["authorization"] ?? ""
        guard header.hasPrefix("Bearer "), case let key = String(header.dropFirst(7)), !key.isEmpty else {
            throw APIError(401, "Chybí API klíč. Pošlete ho v hlavičce Authorization: Bearer KLÍČ.")
        }
        let organization = try context.database.withConnection { connection -> Organization? in
            guard let apiKey = try APIKeyRepository.use(keyHash: Digest.sha256(key), now: context.now, on: connection)
            else { return nil }
            return try OrganizationRepository.find(id: apiKey.organizationID, on: connection)
        }
        guard let organization, organization.active else {
            throw APIError(401, "API klíč je neplatný nebo byl zrušen.")
        }
        return organization
    }

    /// `POST /api/v1/imports?mode=snapshot|delta&partial=1&filename=NAME` with the file as the request body.
    static func createImport(_ request: Request, organization: Organization, context: RequestContext) throws
        -> Response
    {
        let modeText = request.query["mode"] ?? "delta"
        guard let mode = ImportMode(rawValue: modeText), mode != .manual else {
            throw APIError(400, "Parametr mode přijímá snapshot nebo delta, ne „\(modeText)“.")
        }
        guard !request.body.isEmpty else { throw APIError(400, "Tělo požadavku neobsahuje žádný soubor.") }
        let fileName = URL(fileURLWithPath: request.query["filename"] ?? "import.xml").lastPathComponent
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kolektor-api-\(UUID().uuidString)")
        try Data(request.body).write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let service = ImportService(
            limits: ImportLimits(maxBytes: context.application.settings.importMaxBytes), now: context.now)
        let batch = try context.database.withConnection { connection in
            try service.importFile(
                at: temporary, fileName: fileName, organization: organization, actor: "api", mode: mode,
                partial: request.query["partial"] == "1", on: connection)
        }
        if batch.status == .rejected {
            context.application.logger.info(
                "import rejected",
                [
                    "request_id": request.requestID, "import.batch_id": "\(batch.id)",
                    "organization_id": "\(organization.id)",
                ])
        }
        return json(summary(batch, changes: nil), status: batch.status == .applied ? 201 : 422)
    }

    static func showImport(id: Int64, organization: Organization, context: RequestContext) throws -> Response {
        let (batch, changes) = try context.database.withConnection { connection in
            (
                try ImportBatchRepository.find(id: id, organizationID: organization.id, on: connection),
                try ImportBatchRepository.changes(batchID: id, organizationID: organization.id, on: connection)
            )
        }
        guard let batch else { throw APIError(404, "Import \(id) nebyl nalezen.") }
        return json(summary(batch, changes: changes))
    }

    /// `GET /api/v1/receivables?limit=N&offset=N`, ordered by due date; at most 1 000 per page.
    static func listReceivables(_ request: Request, organization: Organization, context: RequestContext) throws
        -> Response
    {
        let limit = min(max(Int(request.query["limit"] ?? "") ?? 100, 1), 1_000)
        let offset = max(Int(request.query["offset"] ?? "") ?? 0, 0)
        let receivables = try context.database.withConnection {
            try ReceivableRepository.all(organizationID: organization.id, limit: limit, offset: offset, on: $0)
        }
        var object = JSONObject()
        object.add("receivables", .array(receivables.map { .object(receivableJSON($0)) }))
        object.add("limit", .integer(Int64(limit)))
        object.add("offset", .integer(Int64(offset)))
        return json(object)
    }
}
