import Domain
import Foundation
import Store
import Web

/// Pages of cases in the client portal.
enum ClientCasePages {
    static let flashKeys: [String: (key: String, kind: String)] = [
        "odeslano": ("case.flash.sent", "success"), "pripraveno": ("case.flash.prepared", "success"),
        "schvaleno": ("case.flash.approved", "success"), "ceka": ("case.flash.pending", "warning"),
        "rozhodnuto": ("case.flash.resolved", "success"), "uhrazeno": ("case.flash.paid", "warning"),
    ]

    static func list(
        _ cases: [CaseRecord], overview: [(stage: CaseStage, count: Int, openMinor: Int64)], request: Request, viewer: Viewer,
        context: RequestContext, summary: String? = nil, problems: [String] = []
    ) -> Node {
        let newCases = cases.filter { $0.stage == .imported }
        return
        Layout.page(
            title: context.text("cases.title"), site: .client, context: context, currentPath: "/klient/spisy",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("cases.title") }
            if let summary { Forms.notice(summary, kind: problems.isEmpty ? "success" : "warning") }
            for problem in problems { Forms.notice(problem, kind: "error") }
            element("h2") { context.text("cases.overview") }
            element("div", .class("table-scroll")) {
                element("table") {
                    element("thead") {
                        element("tr") {
                            element("th") { context.text("cases.stage") }
                            element("th", .class("amount")) { context.text("cases.count") }
                            element("th", .class("amount")) { context.text("cases.amount") }
                        }
                    }
                    element("tbody") {
                        for row in overview {
                            element("tr") {
                                element("td") {
                                    element("a", .href("/klient/spisy?stav=\(row.stage.rawValue)")) {
                                        context.text("case.stage.\(row.stage.rawValue)")
                                    }
                                }
                                element("td", .class("amount")) { Formatting.integer(Int64(row.count), language: context.language) }
                                element("td", .class("amount")) { Formatting.money(.czk(row.openMinor), language: context.language) }
                            }
                        }
                    }
                }
            }
            if viewer.user.role == .clientAdmin && !newCases.isEmpty {
                bulkNoticeForm(newCases, viewer: viewer, context: context)
            }
            filterForm(request: request, context: context)
            if cases.isEmpty {
                element("p") { context.text("cases.none") }
            } else {
                element("div", .class("table-scroll")) {
                    element("table") {
                        element("thead") {
                            element("tr") {
                                element("th") { context.text("cases.debtor") }
                                element("th") { context.text("cases.stage") }
                                element("th") { context.text("cases.answer") }
                                element("th", .class("amount")) { context.text("cases.amount") }
                            }
                        }
                        element("tbody") {
                            for record in cases {
                                element("tr") {
                                    element("td") { element("a", .href("/klient/spisy/\(record.id)")) { record.debtorName } }
                                    element("td") { element("span", .class("badge")) { context.text("case.stage.\(record.stage.rawValue)") } }
                                    element("td") { record.lastAnswer.map { context.text("case.answer.\($0.rawValue)") } ?? "–" }
                                    element("td", .class("amount")) { Formatting.money(.czk(record.openMinor), language: context.language) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func bulkNoticeForm(_ cases: [CaseRecord], viewer: Viewer, context: RequestContext) -> Node {
        element("section", .class("card")) {
            element("h2") { context.text("cases.bulkNotice") }
            element("p") { context.text("cases.bulkNotice.lead") }
            element("form", Attribute("method", "post"), Attribute("action", "/klient/spisy/oznameni")) {
                CSRF.field(viewer.session)
                for record in cases {
                    element("div") {
                        voidElement("input", .type("checkbox"), .name("spis"), .value("\(record.id)"), .id("spis-\(record.id)"))
                        element("label", Attribute("for", "spis-\(record.id)")) { record.debtorName }
                    }
                }
                channelSelect(id: "hromadny-kanal", includeSMS: true, context: context)
                element("button", .type("submit")) { context.text("cases.bulkNotice") }
            }
        }
    }

    static func channelSelect(id: String, includeSMS: Bool, context: RequestContext) -> Node {
        group {
            element("label", Attribute("for", id)) { context.text("case.channel") }
            element("select", .id(id), .name("kanal")) {
                element("option", .value("email")) { context.text("step.channel.email") }
                element("option", .value("letter")) { context.text("step.channel.letter") }
                if includeSMS { element("option", .value("sms")) { context.text("step.channel.sms") } }
            }
        }
    }

    static func filterForm(request: Request, context: RequestContext) -> Node {
        element("form", .class("filters"), Attribute("method", "get"), Attribute("action", "/klient/spisy")) {
            element("label", Attribute("for", "filtr-stav")) { context.text("cases.stage") }
            element("select", .id("filtr-stav"), .name("stav")) {
                element("option", .value("")) { context.text("cases.filter.any") }
                for stage in CaseStage.allCases {
                    element("option", attributes: option(stage.rawValue, selected: request.query["stav"])) {
                        context.text("case.stage.\(stage.rawValue)")
                    }
                }
            }
            element("label", Attribute("for", "filtr-odpoved")) { context.text("cases.answer") }
            element("select", .id("filtr-odpoved"), .name("odpoved")) {
                element("option", .value("")) { context.text("cases.filter.any") }
                for answer in DebtorAnswer.allCases {
                    element("option", attributes: option(answer.rawValue, selected: request.query["odpoved"])) {
                        context.text("case.answer.\(answer.rawValue)")
                    }
                }
            }
            element("label", Attribute("for", "filtr-od")) { context.text("cases.filter.minimum") }
            voidElement("input", .id("filtr-od"), .name("od"), .type("text"), Attribute("inputmode", "decimal"), .value(request.query["od"] ?? ""))
            element("label", Attribute("for", "filtr-dluznik")) { context.text("cases.debtor") }
            voidElement("input", .id("filtr-dluznik"), .name("dluznik"), .type("search"), .value(request.query["dluznik"] ?? ""))
            element("button", .type("submit")) { context.text("cases.filter") }
        }
    }

    static func option(_ value: String, selected: String?) -> [Attribute] {
        value == selected ? [.value(value), .flag("selected")] : [.value(value)]
    }

    static func detail(_ record: CaseRecord, viewer: Viewer, context: RequestContext, flash: String?, error: String?) throws -> Node {
        let today = CalendarDate(context.now)
        let (amounts, steps, timeline, messages, answer, relation, spacing) = try context.database.withConnection { connection in
            (
                try CaseAmounts.compute(record, today: today, on: connection),
                try StepRepository.forCase(record.id, organizationID: record.organizationID, on: connection),
                try CaseTimeline.timeline(caseID: record.id, organizationID: record.organizationID, on: connection),
                try OutboxRepository.recent(organizationID: record.organizationID, limit: 500, on: connection),
                try connection.query(
                    """
                    SELECT answer, reason, evidence_document_id, promised_on FROM debtor_answers
                    WHERE case_id = \(record.id) AND organization_id = \(record.organizationID) ORDER BY id DESC LIMIT 1
                    """
                ).first,
                try ClientCases.relation(viewer, record, on: connection),
                try OrganizationRepository.find(id: record.organizationID, on: connection)?.stepSpacingDays ?? 7
            )
        }
        let messageStatus = Dictionary(messages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let language = context.language
        return Layout.page(
            title: record.debtorName, site: .client, context: context, currentPath: "/klient/spisy/\(record.id)",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { record.debtorName }
            element("p") {
                element("span", .class("badge")) { context.text("case.stage.\(record.stage.rawValue)") }
                " "
                context.text("debtor.kind.\(record.debtorKind.rawValue)")
            }
            if let flash, let message = flashKeys[flash] { Forms.notice(context.text(message.key), kind: message.kind) }
            if let error { Forms.notice(error, kind: "error") }

            element("h2") { context.text("case.receivables") }
            receivablesTable(amounts, today: today, language: language, context: context)

            if let answer {
                element("h2") { context.text("case.dispute") }
                element("p") {
                    element("strong") { context.text("case.answer.\(answer["answer"] ?? "")") }
                    if let reason = answer["reason"], !reason.isEmpty { " – "; reason }
                }
                if let evidence = answer["evidence_document_id"] {
                    element("p") { element("a", .href("/klient/dokumenty/\(evidence)")) { context.text("case.evidence") } }
                }
                if record.stage == .disputed && viewer.user.role == .clientAdmin {
                    disputeForm(record, viewer: viewer, context: context)
                }
            }

            element("h2") { context.text("case.actions") }
            actions(record, viewer: viewer, relation: relation, spacing: spacing, context: context)

            if !steps.isEmpty {
                element("h2") { context.text("case.steps") }
                element("ul") {
                    for step in steps {
                        element("li") {
                            context.text("step.kind.\(step.kind)")
                            " (\(context.text("step.channel.\(step.channel)"))) – "
                            element("span", .class("badge")) { context.text("step.status.\(step.status.rawValue)") }
                            if let document = step.documentID {
                                " "
                                element("a", .href("/klient/dokumenty/\(document)")) { context.text("case.document") }
                            }
                            if step.status == .draft && viewer.user.role == .clientAdmin {
                                " "
                                Forms.postButton(action: "/klient/ke-schvaleni", label: context.text("case.approve"), session: viewer.session,
                                                 hidden: [("krok", "\(step.id)")])
                            }
                        }
                    }
                }
            }

            element("h2") { context.text("case.timeline") }
            if timeline.isEmpty { element("p") { context.text("case.timeline.empty") } }
            element("ol", .class("timeline")) {
                for entry in timeline {
                    element("li", Attribute("data-kind", entry.kind)) {
                        element("time") { Formatting.dateTime(entry.at, language: language) }
                        " "
                        context.text("timeline.\(entry.kind)")
                        if let outboxID = entry.outboxID, let message = messageStatus[outboxID] {
                            " – "
                            element("span", .class("badge")) { context.text("message.status.\(message.status)") }
                        }
                        if !entry.detail.isEmpty && entry.kind.hasPrefix("dispute") {
                            element("p", .class("hint")) { entry.detail }
                        }
                        if let document = entry.documentID {
                            " "
                            element("a", .href("/klient/dokumenty/\(document)")) { context.text("case.document") }
                        }
                    }
                }
            }
        }
    }

    static func receivablesTable(_ amounts: CaseAmounts, today: CalendarDate, language: Language, context: RequestContext) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        for key in ["invoice", "due"] { element("th") { context.text("case.\(key)") } }
                        for key in ["principal", "interest", "costs", "total"] {
                            element("th", .class("amount")) { context.text("case.\(key)") }
                        }
                    }
                }
                element("tbody") {
                    for line in amounts.lines {
                        element("tr") {
                            element("td") { line.receivable.invoiceNumber }
                            element("td") {
                                Formatting.date(line.receivable.dueDate, language: language)
                                if case .nearing(let days) = Limitation.status(dueDate: line.receivable.dueDate, on: today) {
                                    element("span", .class("badge")) { context.text("case.limitation.nearing", ["days": "\(days)"]) }
                                }
                            }
                            if let balance = line.balance {
                                element("td", .class("amount")) { Formatting.money(balance.principal, language: language) }
                                element("td", .class("amount")) { Formatting.money(balance.interest, language: language) }
                                element("td", .class("amount")) { Formatting.money(balance.costs, language: language) }
                                element("td", .class("amount")) { Formatting.money(balance.total, language: language) }
                            } else {
                                element("td", .class("amount")) { Formatting.money(line.receivable.remaining, language: language) }
                                element("td", Attribute("colspan", "3")) { context.text("case.rateMissing") }
                            }
                        }
                    }
                }
                element("tfoot") {
                    element("tr") {
                        element("th", Attribute("colspan", "5")) { context.text("case.totalToday") }
                        element("th", .class("amount")) { Formatting.money(amounts.totalCZK, language: language) }
                    }
                }
            }
        }
    }

    static func actions(_ record: CaseRecord, viewer: Viewer, relation: CaseRelation, spacing: Int, context: RequestContext) -> Node {
        guard let kind = ClientCases.nextStepKind(record) else {
            return element("p") { context.text("case.noNextStep") }
        }
        let isNotice = kind == .activationNotice
        let allowed = Permissions.allows(viewer.user.role, isNotice ? .send : .prepare, isNotice ? .activationNotice : .demand, relation: relation)
        guard allowed else { return element("p") { context.text("case.noNextStep") } }
        let earliest = CaseTransitions.earliestNextStep(record.state, spacingDays: spacing)
        return group {
            if let earliest, !isNotice, earliest > CalendarDate(context.now) {
                element("p", .class("hint")) { context.text("case.nextDate", ["date": Formatting.date(earliest, language: context.language)]) }
            }
            element("form", .class("stacked"), Attribute("method", "post"),
                    Attribute("action", "/klient/spisy/\(record.id)/\(isNotice ? "oznameni" : "krok")")) {
                CSRF.field(viewer.session)
                channelSelect(id: "kanal", includeSMS: isNotice, context: context)
                element("button", .type("submit")) {
                    isNotice ? context.text("case.sendNotice")
                        : context.text("case.prepareDemand", ["kind": context.text("step.kind.\(kind.rawValue)")])
                }
            }
        }
    }

    static func disputeForm(_ record: CaseRecord, viewer: Viewer, context: RequestContext) -> Node {
        element("form", .class("stacked"), Attribute("method", "post"), Attribute("action", "/klient/spisy/\(record.id)/spor")) {
            CSRF.field(viewer.session)
            element("label", Attribute("for", "duvod")) { context.text("case.dispute.reason") }
            element("textarea", .id("duvod"), .name("duvod"), Attribute("rows", "3"), .flag("required"))
            element("button", .type("submit"), .name("rozhodnuti"), .value("zamitnout")) { context.text("case.dispute.reject") }
            " "
            element("button", .type("submit"), .name("rozhodnuti"), .value("uznat"), .class("secondary")) {
                context.text("case.dispute.accept")
            }
        }
    }
}
