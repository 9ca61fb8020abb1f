import Domain
import Foundation
import Interchange
import Store
import Web

/// The creditor's receivables and the manual entry of one receivable. Manually entered receivables are stored with
/// source `manual`. No import updates their payments, and the form shows a visible warning about it.
enum ClientReceivables {
    /// The fields of the manual entry form, by their form names.
    struct Entry {
        var values: [String: String] = [:]

        subscript(name: String) -> String { values[name] ?? "" }
    }

    static let fieldNames = [
        "cislo", "vs", "vystaveno", "splatnost", "mena", "castka", "typ", "nazev", "ico", "email", "ulice", "obec",
        "psc",
    ]

    static func register(in router: inout Router<RequestContext>) {
        router.get("/klient/pohledavky") { request, _, context in
            let viewer = try ClientSite.require(.importReceivables, request, context: context)
            let organizationID = try viewer.organizationID
            let receivables = try context.database.withConnection {
                try ReceivableRepository.all(organizationID: organizationID, on: $0)
            }
            let page = ClientReceivablePages.list(
                receivables, viewer: viewer, context: context, flash: request.query["zprava"])
            return .html(page.renderDocument())
        }
        router.get("/klient/pohledavky/nova") { request, _, context in
            let viewer = try ClientSite.require(.importReceivables, request, context: context)
            var entry = Entry()
            entry.values["mena"] = "CZK"
            entry.values["typ"] = "business"
            return .html(
                ClientReceivablePages.form(entry, issues: [], viewer: viewer, context: context).renderDocument())
        }
        router.post("/klient/pohledavky/nova") { request, _, context in
            try create(request, context: context)
        }
    }

    static func create(_ request: Request, context: RequestContext) throws -> Response {
        let viewer = try ClientSite.require(.importReceivables, request, context: context)
        try CSRF.check(request, session: viewer.session)
        let organizationID = try viewer.organizationID
        var entry = Entry()
        for name in fieldNames {
            entry.values[name] = (request.form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let validated = ImportValidator(today: CalendarDate(context.now)).validate(batch(from: entry))
        var issues = validated.issues
        if issues.isEmpty,
            try context.database.withConnection({
                try ReceivableRepository.find(externalID: entry["cislo"], organizationID: organizationID, on: $0)
            }) != nil
        {
            issues.append(
                ImportIssue(
                    line: 0, field: "číslo faktury", value: entry["cislo"],
                    reason: context.text("receivables.manual.duplicate")))
        }
        guard issues.isEmpty else {
            let page = ClientReceivablePages.form(entry, issues: issues, viewer: viewer, context: context)
            return .html(page.renderDocument(), status: 422)
        }
        let importRequest = ImportRequest(
            organizationID: organizationID, actor: viewer.auditActor, fileName: "", fileSHA256: "", format: "manual",
            mode: .manual, partial: false, receivables: validated.receivables)
        _ = try context.database.withConnection { connection in
            try ReceivableImport.apply(importRequest, now: context.now, on: connection)
        }
        return .redirect(to: "/klient/pohledavky?zprava=ulozeno")
    }

    /// Turns the form into a one-row batch, so manual entries pass the same checks as imported rows.
    static func batch(from entry: Entry) -> ImportBatch {
        var row = ImportedReceivable(line: 1)
        row.invoiceNumber = entry["cislo"]
        row.externalID = entry["cislo"]
        row.variableSymbol = entry["vs"]
        row.issueDate = entry["vystaveno"]
        row.dueDate = entry["splatnost"]
        row.currency = entry["mena"]
        row.total = entry["castka"]
        row.debtor.kind = entry["typ"]
        row.debtor.name = entry["nazev"]
        row.debtor.ico = entry["ico"]
        row.debtor.emails = entry["email"].isEmpty ? [] : [entry["email"]]
        row.debtor.street = entry["ulice"]
        row.debtor.city = entry["obec"]
        row.debtor.postalCode = entry["psc"]
        var batch = ImportBatch(format: .csv)
        batch.receivables = [row]
        return batch
    }
}

/// Pages of the receivable list and the manual entry form.
enum ClientReceivablePages {
    static func list(_ receivables: [StoredReceivable], viewer: Viewer, context: RequestContext, flash: String?)
        -> Node
    {
        Layout.page(
            title: context.text("receivables.title"), site: .client, context: context,
            currentPath: "/klient/pohledavky", navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("receivables.title") }
            if flash == "ulozeno" { Forms.notice(context.text("receivables.manual.saved"), kind: "success") }
            element("p") {
                element("a", .href("/klient/importy")) { context.text("receivables.importLink") }
                " · "
                element("a", .href("/klient/pohledavky/nova")) { context.text("receivables.manualLink") }
            }
            if receivables.isEmpty {
                element("p") { context.text("receivables.none") }
            } else {
                table(receivables, context: context)
            }
        }
    }

    static func table(_ receivables: [StoredReceivable], context: RequestContext) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        for key in ["invoice", "debtor", "due", "total", "remaining", "status"] {
                            element("th") { context.text("receivables.column.\(key)") }
                        }
                    }
                }
                element("tbody") {
                    for receivable in receivables {
                        element("tr") {
                            element("td") {
                                receivable.invoiceNumber
                                if receivable.source == "manual" {
                                    element("span", .class("tag")) { " " + context.text("receivables.manualTag") }
                                }
                            }
                            element("td") { receivable.debtorName }
                            element("td") { Formatting.date(receivable.dueDate, language: context.language) }
                            element("td") { Formatting.money(receivable.total, language: context.language) }
                            element("td") { Formatting.money(receivable.remaining, language: context.language) }
                            element("td") {
                                context.text("receivables.status.\(receivable.status.rawValue)")
                                if receivable.timeBarred {
                                    element("span", .class("tag warning")) {
                                        " " + context.text("receivables.timeBarred")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func form(
        _ entry: ClientReceivables.Entry, issues: [ImportIssue], viewer: Viewer, context: RequestContext
    ) -> Node {
        Layout.page(
            title: context.text("receivables.manual.title"), site: .client, context: context,
            currentPath: "/klient/pohledavky/nova", navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("receivables.manual.title") }
            Forms.notice(context.text("receivables.manual.warning"), kind: "warning")
            if !issues.isEmpty {
                element("div", .class("notice error"), Attribute("role", "alert")) {
                    element("p") { context.text("receivables.manual.invalid") }
                    element("ul") {
                        for issue in issues { element("li") { "\(issue.field): \(issue.reason) (\(issue.value))" } }
                    }
                }
            }
            element("form", Attribute("method", "post"), Attribute("action", "/klient/pohledavky/nova")) {
                CSRF.field(viewer.session)
                element("fieldset") {
                    element("legend") { context.text("receivables.manual.invoice") }
                    Forms.field(label: context.text("receivables.field.cislo"), name: "cislo", value: entry["cislo"])
                    Forms.field(
                        label: context.text("receivables.field.vs"), name: "vs", value: entry["vs"], required: false)
                    Forms.field(
                        label: context.text("receivables.field.vystaveno"), name: "vystaveno", type: "date",
                        value: entry["vystaveno"], required: false)
                    Forms.field(
                        label: context.text("receivables.field.splatnost"), name: "splatnost", type: "date",
                        value: entry["splatnost"])
                    Forms.field(
                        label: context.text("receivables.field.castka"), name: "castka", value: entry["castka"],
                        hint: context.text("receivables.field.castka.hint"))
                    Forms.field(label: context.text("receivables.field.mena"), name: "mena", value: entry["mena"])
                }
                element("fieldset") {
                    element("legend") { context.text("receivables.manual.debtor") }
                    for kind in ["business", "consumer"] {
                        element("label") {
                            voidElement(
                                "input",
                                attributes: [.type("radio"), .name("typ"), .value(kind)]
                                    + (entry["typ"] == kind ? [.flag("checked")] : []))
                            context.text("debtor.kind.\(kind)")
                        }
                    }
                    Forms.field(label: context.text("receivables.field.nazev"), name: "nazev", value: entry["nazev"])
                    Forms.field(
                        label: context.text("receivables.field.ico"), name: "ico", value: entry["ico"], required: false)
                    Forms.field(
                        label: context.text("auth.email"), name: "email", type: "email", value: entry["email"],
                        required: false)
                    Forms.field(
                        label: context.text("receivables.field.ulice"), name: "ulice", value: entry["ulice"],
                        required: false)
                    Forms.field(
                        label: context.text("receivables.field.obec"), name: "obec", value: entry["obec"],
                        required: false)
                    Forms.field(
                        label: context.text("receivables.field.psc"), name: "psc", value: entry["psc"], required: false)
                }
                element("button", .type("submit")) { context.text("receivables.manual.submit") }
            }
        }
    }
}
