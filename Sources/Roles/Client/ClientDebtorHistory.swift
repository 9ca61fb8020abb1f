import Domain
import Store
import Web

/// The section of the debtor detail that lists contact changes made by imports.
enum ClientDebtorHistory {
    static func section(_ changes: [DebtorChange], context: RequestContext) -> Node {
        group {
            element("h2") { context.text("debtor.history.title") }
            if changes.isEmpty {
                element("p") { context.text("debtor.history.none") }
            } else {
                element("div", .class("table-scroll")) {
                    element("table") {
                        element("thead") {
                            element("tr") {
                                for key in ["date", "field", "old", "new"] {
                                    element("th") { context.text("debtor.history.column.\(key)") }
                                }
                            }
                        }
                        element("tbody") {
                            for change in changes {
                                element("tr") {
                                    element("td") {
                                        Formatting.date(CalendarDate(change.changedAt), language: context.language)
                                    }
                                    element("td") { context.text("debtor.field.\(change.field)") }
                                    element("td") { change.oldValue }
                                    element("td") { change.newValue }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
