import Crypto
import Documents
import Domain
import Foundation
import Store
import Web

/// Sends an approved step (activation notice or demand): checks that it may go out now, renders its PDF as a
/// versioned document with its SHA-256, gives the debtor a way into the debtor portal, queues the e-mail or letter,
/// and moves the case on, all in one transaction.
///
/// A step whose debtor has no open overdue receivable left is cancelled instead of sent, so a payment found by an
/// import or a bank statement stops every step not yet sent.
struct StepSender {
    enum Outcome: Equatable {
        case sent(outboxID: Int64)
        case cancelledPaid
    }

    /// A reason a step cannot go out now, as the sentence shown to the user in their language.
    struct Refusal: Error {
        let message: String
    }

    let context: RequestContext
    /// The sender as recorded in the timeline and audit log: `user:ID` of the client admin or the lawyer.
    let actor: String
    let clientAddress: String

    /// Sends the step inside the caller's transaction.
    func send(_ step: Step, lawyer: User?, on connection: Connection) throws -> Outcome {
        guard step.status == .approved else { throw Refusal(message: text("collection.send.notApproved")) }
        guard let record = try CaseRepository.lock(id: step.caseID, organizationID: step.organizationID, on: connection),
            let organization = try OrganizationRepository.find(id: step.organizationID, on: connection),
            let debtor = try DebtorRepository.find(id: record.debtorID, organizationID: step.organizationID, on: connection)
        else { throw HTTPError.notFound }
        // Read the step again under the case lock: a parallel request may have sent or cancelled it meanwhile.
        guard try StepRepository.find(id: step.id, organizationID: step.organizationID, on: connection)?.status == .approved else {
            throw Refusal(message: text("collection.send.notApproved"))
        }
        let today = CalendarDate(context.now)

        let amounts = try CaseAmounts.compute(record, today: today, on: connection)
        if amounts.lines.isEmpty {
            try StepRepository.cancel(id: step.id, reason: "paid", on: connection)
            try CaseTimeline.append(
                organizationID: record.organizationID, caseID: record.id, kind: "step_cancelled_paid", actor: actor,
                detail: step.kind, at: context.now, on: connection)
            return .cancelledPaid
        }

        let isNotice = step.kind == MessageKind.activationNotice.rawValue
        let event: Domain.CaseEvent = isNotice ? .noticeSent(on: today) : .demandSent(on: today)
        let next: CaseState
        switch CaseTransitions.apply(event, to: record.state, spacingDays: organization.stepSpacingDays) {
        case .success(let state): next = state
        case .failure(.tooEarly(let earliest)):
            throw Refusal(message: text("collection.send.tooEarly", ["date": Formatting.date(earliest, language: context.language)]))
        case .failure:
            throw Refusal(message: text("collection.send.notNow", ["stage": text("case.stage.\(record.stage.rawValue)")]))
        }
        if !isNotice {
            guard let lawyer, try PowerOfAttorneyRepository.covers(
                lawyerID: lawyer.id, organizationID: record.organizationID, debtorID: record.debtorID, on: connection)
            else { throw Refusal(message: text("collection.send.noPowerOfAttorney")) }
            guard amounts.missingRates.isEmpty else {
                throw Refusal(message: text("collection.send.missingRate", ["halfYears": amounts.missingRates.map(\.description).joined(separator: ", ")]))
            }
        }
        if step.channel == "email" && debtor.email.isEmpty {
            throw Refusal(message: text("collection.send.noEmail"))
        }
        if step.channel == "sms" && (!isNotice || debtor.phone.isEmpty) {
            // Demands carry amounts and a PDF, so they go by e-mail or letter; SMS is for the short notice only.
            throw Refusal(message: text(isNotice ? "collection.send.noPhone" : "collection.send.smsNoticeOnly"))
        }

        let settings = context.application.settings
        let language = record.debtorLanguage
        let access = try DebtorAccessTokens.createAccess(
            caseID: record.id, organizationID: record.organizationID, now: context.now, on: connection)
        let portalLink = DebtorAccessTokens.signInLink(token: access.linkToken, baseURL: settings.baseURL)
        var values = [
            "debtor": debtor.name, "creditor": organization.name, "creditorIco": organization.ico,
            "today": Formatting.date(today, language: language), "total": Formatting.money(amounts.totalCZK, language: language),
            "account": organization.bankAccount, "variableSymbol": amounts.lines.first?.receivable.variableSymbol ?? "",
            "portalLink": portalLink, "receivables": receivableLines(amounts, language: language),
            "lawyer": lawyer?.fullName ?? "", "lawyerCak": lawyer?.partner.cakNumber ?? "",
        ]
        if isNotice {
            let token = try DebtorAccessTokens.createMisuseLink(
                organizationID: record.organizationID, debtorID: record.debtorID, now: context.now, on: connection)
            values["misuseLink"] = DebtorAccessTokens.misuseLink(token: token, baseURL: settings.baseURL)
        }
        let kind = MessageKind(rawValue: step.kind) ?? .demandReminder
        let override = try CreditorTemplateRepository.find(
            organizationID: record.organizationID, kind: step.kind, language: language, on: connection)
        let message = MessageTemplates.render(kind, language: language, values: values, override: override)

        let recipient = LetterComposer.Recipient(
            name: debtor.name, street: debtor.street, postalCode: debtor.postalCode, city: debtor.city)
        let payment = isNotice ? nil : LetterComposer.PaymentRequest(
            amount: amounts.totalCZK, variableSymbol: values["variableSymbol"] ?? "", dueDate: today.adding(days: 7))
        let pdf = try LetterComposer.render(
            message, to: recipient, creditor: organization, lawyer: lawyer, payment: payment,
            access: LetterComposer.PortalAccess(
                address: DebtorAccessTokens.letterSignInAddress(baseURL: settings.baseURL), code: access.accessCode),
            language: language, today: today)
        let filename = "\(step.kind)-\(record.id).pdf"
        let document = try DocumentRepository.insert(
            organizationID: record.organizationID, caseID: record.id, kind: step.kind, filename: filename,
            contentType: "application/pdf", content: pdf, sha256: Digest.sha256(pdf).hexString, createdBy: actor,
            at: context.now, on: connection)

        let outboxID: Int64
        let attachment = (filename: filename, contentType: "application/pdf", content: pdf)
        if step.channel == "sms" {
            outboxID = try OutboxRepository.enqueue(
                OutboxMessage(
                    organizationID: record.organizationID, kind: step.kind, channel: .sms,
                    recipient: debtor.phone.filter { $0 == "+" || $0.isNumber }, language: language, subject: "",
                    bodyText: message.sms ?? message.subject, createdAt: context.now),
                on: connection)
        } else if step.channel == "email" {
            outboxID = try OutboxRepository.enqueue(
                OutboxMessage(
                    organizationID: record.organizationID, kind: step.kind, channel: .email, recipient: debtor.email,
                    language: language, subject: message.subject, bodyText: message.text, bodyHTML: message.html,
                    createdAt: context.now),
                attachments: [attachment], on: connection)
        } else {
            outboxID = try OutboxRepository.enqueue(
                OutboxMessage(
                    organizationID: record.organizationID, kind: step.kind, channel: .letter,
                    recipient: recipient.lines.joined(separator: "\n"), language: language, subject: message.subject,
                    bodyText: message.text, createdAt: context.now),
                attachments: [attachment], on: connection)
            if kind == .demandFinal {
                // The final demand goes as a registered letter, whose posting is the strongest proof of sending.
                try connection.query("UPDATE outbox SET registered = true WHERE id = \(outboxID)")
            }
        }

        try StepRepository.markSent(id: step.id, by: actor, documentID: document.id, at: context.now, on: connection)
        try CaseRepository.save(next, caseID: record.id, now: context.now, on: connection)
        try CaseTimeline.append(
            organizationID: record.organizationID, caseID: record.id, kind: "\(step.kind)_sent", actor: actor,
            detail: step.channel, outboxID: outboxID, documentID: document.id, at: context.now, on: connection)
        try AuditLog.append(
            AuditEntry(actor: actor, action: "step_sent", subject: "step:\(step.id)",
                       detail: "case:\(record.id) kind:\(step.kind) sha256:\(document.sha256)", clientAddress: clientAddress),
            at: context.now, on: connection)
        return .sent(outboxID: outboxID)
    }

    private func receivableLines(_ amounts: CaseAmounts, language: Language) -> String {
        amounts.lines.map { line in
            let receivable = line.receivable
            let due = Formatting.date(receivable.dueDate, language: language)
            let owed = line.balance.map { Formatting.money($0.total, language: language) }
                ?? Formatting.money(receivable.remaining, language: language)
            return language == .cs
                ? "Faktura \(receivable.invoiceNumber), splatná \(due), VS \(receivable.variableSymbol): \(owed)"
                : "Invoice \(receivable.invoiceNumber), due \(due), VS \(receivable.variableSymbol): \(owed)"
        }.joined(separator: "\n")
    }

    private func text(_ key: String, _ values: [String: String] = [:]) -> String {
        context.text(key, values)
    }
}
