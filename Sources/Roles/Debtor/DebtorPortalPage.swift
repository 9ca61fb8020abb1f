import Documents
import Domain
import Foundation
import Interchange
import Store
import Web

/// The signed-in debtor's overview at `/dluznik/`: creditor, latest demand, power of attorney, amounts to the day
/// with payment details and a QR Platba code, answers and the misuse report button.
enum DebtorPortalPage {
    /// Everything the overview shows, read for the case of the debtor's session only.
    struct Overview {
        var creditor: Organization
        var debtor: Debtor
        var demand: SentDemand?
        var power: DebtorPowerOfAttorney?
        var receivables: [StoredReceivable]
        var answers: [StoredDebtorAnswer]
        var stage: CaseStage
        /// What each receivable owes today, from the same ledger as the demand; nil where the interest rate is missing.
        var balances: [Int64: ClaimLedger.Balance] = [:]
        var missingRates: [LateInterestRates.HalfYear] = []
    }

    static func register(in router: inout Router<RequestContext>) {
        router.get("/dluznik/") { request, _, context in
            let debtor = try DebtorSessions.require(request, context: context)
            let overview = try load(debtor, context: context)
            let notice = request.query["zprava"].flatMap { key in
                ["will_pay", "refuses", "not_owed", "misuse"].contains(key) ? context.text("debtorPortal.done.\(key)") : nil
            }
            return .html(page(overview, session: debtor, notice: notice, context: context).renderDocument())
        }
        router.get("/dluznik/dokumenty/:id") { request, parameters, context in
            let debtor = try DebtorSessions.require(request, context: context)
            guard let id = parameters.id("id"),
                let (document, content) = try context.database.withConnection({
                    try DebtorPortalRepository.visibleDocument(
                        id: id, caseID: debtor.caseID, organizationID: debtor.organizationID,
                        debtorID: debtor.debtorID, on: $0)
                })
            else { throw HTTPError.notFound }
            var response = Response(status: 200, headers: [], body: content)
            response.addHeader("Content-Type", document.contentType)
            response.addHeader(
                "Content-Disposition",
                "attachment; filename=\"document-\(document.id).\(extensionFor(document.contentType))\"")
            response.addHeader("X-Content-Type-Options", "nosniff")
            return response
        }
        router.get("/dluznik/qr/:file") { request, parameters, context in
            let debtor = try DebtorSessions.require(request, context: context)
            guard let file = parameters["file"], file.hasSuffix(".png"), let id = Int64(file.dropLast(4)), id > 0
            else { throw HTTPError.notFound }
            let overview = try load(debtor, context: context)
            guard let receivable = overview.receivables.first(where: { $0.id == id }) else {
                throw HTTPError.notFound
            }
            let png: [UInt8]
            do {
                let text = try paymentString(receivable, overview: overview, today: CalendarDate(context.now))
                png = try QRCode(encoding: text).png(pixelsPerModule: 6)
            } catch {
                // The page links the image only for a valid account, so this is creditor data that QR Platba rejects.
                context.application.logger.warning(
                    "QR Platba image failed",
                    [
                        "request_id": request.requestID, "organization_id": "\(debtor.organizationID)",
                        "receivable_id": "\(id)", "error": String(describing: type(of: error)),
                    ])
                throw HTTPError.notFound
            }
            var response = Response(status: 200, headers: [], body: png)
            response.addHeader("Content-Type", "image/png")
            return response
        }
    }

    static func extensionFor(_ contentType: String) -> String {
        switch contentType {
        case "application/pdf": "pdf"
        case "image/png": "png"
        case "image/jpeg": "jpg"
        default: "bin"
        }
    }

    static func load(_ debtor: DebtorSession, context: RequestContext) throws -> Overview {
        try context.database.withConnection { connection in
            guard let creditor = try OrganizationRepository.find(id: debtor.organizationID, on: connection),
                let party = try DebtorRepository.find(
                    id: debtor.debtorID, organizationID: debtor.organizationID, on: connection),
                let caseRow = try connection.query(
                    "SELECT stage FROM cases WHERE id = \(debtor.caseID) AND organization_id = \(debtor.organizationID)"
                ).first
            else { throw HTTPError.notFound }
            // The same amounts as the demand states: principal, interest after dated payments, and costs.
            let amounts = try CaseRepository.find(id: debtor.caseID, organizationID: debtor.organizationID, on: connection)
                .map { try CaseAmounts.compute($0, today: CalendarDate(context.now), on: connection) }
            return Overview(
                creditor: creditor, debtor: party,
                demand: try DebtorPortalRepository.latestSentDemand(
                    caseID: debtor.caseID, organizationID: debtor.organizationID, on: connection),
                power: try DebtorPortalRepository.powerOfAttorney(
                    organizationID: debtor.organizationID, debtorID: debtor.debtorID, on: connection),
                receivables: try DebtorPortalRepository.openReceivables(
                    organizationID: debtor.organizationID, debtorID: debtor.debtorID, on: connection),
                answers: try DebtorAnswerRepository.all(
                    caseID: debtor.caseID, organizationID: debtor.organizationID, on: connection),
                stage: CaseStage(rawValue: try caseRow.string("stage")) ?? .imported,
                balances: amounts.map { amounts in
                    Dictionary(amounts.lines.compactMap { line in line.balance.map { (line.receivable.id, $0) } },
                               uniquingKeysWith: { first, _ in first })
                } ?? [:],
                missingRates: amounts?.missingRates ?? [])
        }
    }

    /// The balance of a receivable today as the overview computed it; throws `UnknownHalfYear` when its interest
    /// rate is missing, so the page can say so.
    static func balance(_ receivable: StoredReceivable, overview: Overview) throws -> ClaimLedger.Balance {
        if let balance = overview.balances[receivable.id] { return balance }
        let firstDay = receivable.dueDate.adding(days: 1)
        throw overview.missingRates.first.map { LateInterestRates.UnknownHalfYear(halfYear: $0) }
            ?? LateInterestRates.UnknownHalfYear(halfYear: .init(containing: firstDay))
    }

    /// Builds the QR Platba string that pays a receivable in full to the day. Throws when the creditor's account is
    /// not valid.
    static func paymentString(_ receivable: StoredReceivable, overview: Overview, today: CalendarDate) throws -> String
    {
        guard let account = BankAccount(overview.creditor.bankAccount) ?? BankAccount(overview.creditor.iban) else {
            throw QRPlatba.InvalidField(field: "ACC", value: "")
        }
        let amount = (try? balance(receivable, overview: overview).total) ?? receivable.remaining
        return try QRPlatba(
            iban: account.iban, amount: amount,
            variableSymbol: receivable.variableSymbol.isEmpty ? nil : receivable.variableSymbol,
            message: "Faktura \(receivable.invoiceNumber)", recipientName: overview.creditor.name
        ).encoded()
    }
}
