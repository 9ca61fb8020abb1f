import Crypto
import Domain
import Foundation
import Store
import Web

/// The debtor's answers: will pay (with an optional date), refuses, or not owed with a reason and evidence. Each
/// answer, its timeline entry and the case's new stage commit in one transaction.
enum DebtorAnswers {
    /// Largest evidence file accepted, in bytes.
    static let maximumEvidenceBytes = 10 * 1024 * 1024
    static let notOwedPath = "/dluznik/odpoved/nedluzim"

    static func register(in router: inout Router<RequestContext>) {
        router.post("/dluznik/odpoved/zaplatim") { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            try CSRF.check(request, session: debtor.session)
            let typed = (request.form["datum"] ?? "").trimmingCharacters(in: .whitespaces)
            var promised: CalendarDate?
            if !typed.isEmpty {
                guard let date = CalendarDate(iso: typed), date >= CalendarDate(context.now) else {
                    return try rejected(debtor, error: context.text("debtorPortal.answer.badDate"), context: context)
                }
                promised = date
            }
            return try record(
                .willPay, promisedOn: promised, reason: "", evidence: nil, debtor: debtor, context: context)
        }
        router.post("/dluznik/odpoved/odmitam") { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            try CSRF.check(request, session: debtor.session)
            return try record(.refuses, promisedOn: nil, reason: "", evidence: nil, debtor: debtor, context: context)
        }
        router.post(notOwedPath) { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            guard let form = request.multipart else { throw HTTPError.badRequest }
            try CSRF.check(form: form.fields, session: debtor.session)
            let reason = (form.fields["duvod"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                return try rejected(debtor, error: context.text("debtorPortal.answer.reasonMissing"), context: context)
            }
            var evidence: Evidence?
            if let file = form.file("doklad"), !file.data.isEmpty {
                guard file.data.count <= maximumEvidenceBytes else {
                    return try rejected(debtor, error: context.text("debtorPortal.answer.tooLarge"), context: context)
                }
                guard let type = Evidence.contentType(of: file.data) else {
                    return try rejected(debtor, error: context.text("debtorPortal.answer.badType"), context: context)
                }
                evidence = Evidence(contentType: type, content: file.data)
            }
            return try record(
                .notOwed, promisedOn: nil, reason: String(reason.prefix(4000)), evidence: evidence, debtor: debtor,
                context: context)
        }
    }

    /// An uploaded evidence file whose type was recognised from its first bytes.
    struct Evidence {
        var contentType: String
        var content: [UInt8]

        /// The type found from the file's magic bytes (PDF, PNG or JPEG), or nil for anything else, whatever the file
        /// name.
        static func contentType(of data: [UInt8]) -> String? {
            if data.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
            if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
            if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
            return nil
        }
    }

    private static func rejected(_ debtor: DebtorSession, error: String, context: RequestContext) throws -> Response {
        let overview = try DebtorPortalPage.load(debtor, context: context)
        let page = DebtorPortalPage.page(overview, session: debtor, notice: nil, error: error, context: context)
        return .html(page.renderDocument(), status: 400)
    }

    private static func record(
        _ answer: DebtorAnswer, promisedOn: CalendarDate?, reason: String, evidence: Evidence?, debtor: DebtorSession,
        context: RequestContext
    ) throws -> Response {
        let outcome = try context.database.withConnection { connection in
            try connection.transaction { connection -> Bool in
                guard
                    let locked = try DebtorCaseRepository.lock(
                        caseID: debtor.caseID, organizationID: debtor.organizationID, on: connection),
                    let creditor = try OrganizationRepository.find(id: debtor.organizationID, on: connection)
                else { throw HTTPError.notFound }
                guard
                    case .success(let next) = CaseTransitions.apply(
                        .debtorAnswered(answer), to: locked.state, spacingDays: creditor.stepSpacingDays)
                else { return false }
                var documentID: Int64?
                if let evidence {
                    let document = try DocumentRepository.insert(
                        organizationID: debtor.organizationID, caseID: debtor.caseID, kind: "evidence",
                        filename: "doklad.\(DebtorPortalPage.extensionFor(evidence.contentType))",
                        contentType: evidence.contentType, content: evidence.content,
                        sha256: Digest.sha256(evidence.content).hexString, createdBy: "debtor", at: context.now,
                        on: connection)
                    documentID = document.id
                }
                try DebtorAnswerRepository.insert(
                    organizationID: debtor.organizationID, caseID: debtor.caseID, answer: answer,
                    promisedOn: promisedOn,
                    reason: reason, evidenceDocumentID: documentID, now: context.now, on: connection)
                try DebtorCaseRepository.save(
                    next, caseID: debtor.caseID, organizationID: debtor.organizationID, lastAnswer: answer,
                    now: context.now, on: connection)
                try CaseTimeline.append(
                    organizationID: debtor.organizationID, caseID: debtor.caseID, kind: "answer_\(answer.rawValue)",
                    actor: "debtor", detail: promisedOn.map { "promised_on:\($0.iso)" } ?? "", documentID: documentID,
                    at: context.now, on: connection)
                return true
            }
        }
        guard outcome else {
            return try rejected(debtor, error: context.text("debtorPortal.answer.notNow"), context: context)
        }
        return .redirect(to: "/dluznik/?zprava=\(answer.rawValue)")
    }
}
