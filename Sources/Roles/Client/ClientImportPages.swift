import Domain
import Foundation
import Store
import Web

/// Pages of the import: upload form with history, and the report of one batch.
enum ClientImportPages {
    static func history(
        _ batches: [ImportBatchSummary], viewer: Viewer, context: RequestContext, error: String? = nil
    ) -> Node {
        Layout.page(
            title: context.text("import.title"), site: .client, context: context, currentPath: "/klient/importy",
            navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("import.title") }
            element("p") { context.text("import.lead") }
            if let error { Forms.notice(error, kind: "error") }
            uploadForm(viewer: viewer, context: context)
            element("h2") { context.text("import.history") }
            if batches.isEmpty {
                element("p") { context.text("import.history.none") }
            } else {
                historyTable(batches, context: context)
            }
        }
    }

    static func uploadForm(viewer: Viewer, context: RequestContext) -> Node {
        element(
            "form", Attribute("method", "post"), Attribute("action", "/klient/importy"),
            Attribute("enctype", "multipart/form-data")
        ) {
            CSRF.field(viewer.session)
            element("label", Attribute("for", "pole-soubor")) { context.text("import.upload.file") }
            element("p", .class("hint")) { context.text("import.upload.formats") }
            voidElement("input", .type("file"), .id("pole-soubor"), .name("soubor"), .flag("required"))
            element("fieldset") {
                element("legend") { context.text("import.upload.mode") }
                for mode in [ImportMode.delta, .snapshot] {
                    element("label") {
                        voidElement(
                            "input",
                            attributes: [.type("radio"), .name("rezim"), .value(mode.rawValue)]
                                + (mode == .delta ? [.flag("checked")] : []))
                        context.text("import.mode.\(mode.rawValue)")
                    }
                }
            }
            element("label") {
                voidElement("input", .type("checkbox"), .name("castecny"), .value("1"))
                context.text("import.upload.partial")
            }
            element("button", .type("submit")) { context.text("import.upload.submit") }
        }
    }

    static func historyTable(_ batches: [ImportBatchSummary], context: RequestContext) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        for key in [
                            "date", "file", "mode", "status", "new", "updated", "paid", "cancelled", "unchanged",
                            "rejected",
                        ] {
                            element("th") { context.text("import.column.\(key)") }
                        }
                    }
                }
                element("tbody") {
                    for batch in batches {
                        element("tr") {
                            element("td") { Formatting.date(CalendarDate(batch.createdAt), language: context.language) }
                            element("td") {
                                element("a", .href("/klient/importy/\(batch.id)")) {
                                    batch.fileName.isEmpty ? context.text("import.manualEntry") : batch.fileName
                                }
                            }
                            element("td") { context.text("import.mode.\(batch.mode)") }
                            element("td") { context.text("import.status.\(batch.status.rawValue)") }
                            element("td") { "\(batch.newCount)" }
                            element("td") { "\(batch.updatedCount)" }
                            element("td") { "\(batch.paidCount)" }
                            element("td") { "\(batch.cancelledCount)" }
                            element("td") { "\(batch.unchangedCount)" }
                            element("td") { "\(batch.rejectedCount)" }
                        }
                    }
                }
            }
        }
    }

    static func report(
        _ batch: ImportBatchSummary, changes: [ReceivableChange], viewer: Viewer, context: RequestContext
    ) -> Node {
        Layout.page(
            title: context.text("import.report.title", ["id": "\(batch.id)"]), site: .client, context: context,
            currentPath: "/klient/importy/\(batch.id)", navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("import.report.title", ["id": "\(batch.id)"]) }
            element("p") { "\(batch.fileName) · \(context.text("import.mode.\(batch.mode)"))" }
            if batch.status == .rejected {
                Forms.notice(context.text("import.report.rejected") + " " + batch.message, kind: "error")
            } else {
                Forms.notice(context.text("import.report.applied"), kind: "success")
            }
            element("dl") {
                for (key, value) in [
                    ("new", batch.newCount), ("updated", batch.updatedCount), ("paid", batch.paidCount),
                    ("cancelled", batch.cancelledCount), ("unchanged", batch.unchangedCount),
                    ("rejected", batch.rejectedCount),
                ] {
                    element("dt") { context.text("import.column.\(key)") }
                    element("dd") { "\(value)" }
                }
            }
            if !batch.issues.isEmpty {
                element("h2") { context.text("import.report.issues") }
                issueTable(batch.issues, context: context)
            }
            if !changes.isEmpty {
                element("h2") { context.text("import.report.changes") }
                changeTable(changes, context: context)
            }
            element("p") { element("a", .href("/klient/importy")) { context.text("import.back") } }
        }
    }

    static func issueTable(_ issues: [ImportIssue], context: RequestContext) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        for key in ["line", "field", "value", "reason"] {
                            element("th") { context.text("import.issue.\(key)") }
                        }
                    }
                }
                element("tbody") {
                    for issue in issues {
                        element("tr") {
                            element("td") { "\(issue.line)" }
                            element("td") { issue.field }
                            element("td") { issue.value }
                            element("td") { issue.reason }
                        }
                    }
                }
            }
        }
    }

    static func changeTable(_ changes: [ReceivableChange], context: RequestContext) -> Node {
        element("div", .class("table-scroll")) {
            element("table") {
                element("thead") {
                    element("tr") {
                        for key in ["line", "invoice", "debtor", "change", "before", "after"] {
                            element("th") { context.text("import.change.column.\(key)") }
                        }
                    }
                }
                element("tbody") {
                    for change in changes {
                        element("tr") {
                            element("td") {
                                change.line == 0 ? context.text("import.change.notInFile") : "\(change.line)"
                            }
                            element("td") { change.invoiceNumber }
                            element("td") { change.debtorName }
                            element("td") { context.text("import.change.\(change.kind.rawValue)") }
                            element("td") {
                                change.oldRemaining.map { Formatting.money($0, language: context.language) } ?? ""
                            }
                            element("td") { Formatting.money(change.newRemaining, language: context.language) }
                        }
                    }
                }
            }
        }
    }
}
