import Domain
import Foundation
import Store
import Web

extension DebtorPortalPage {
    /// The debtor's earlier answers with the creditor's decisions, and the forms for a new answer.
    static func answersSection(_ overview: Overview, session: DebtorSession, context: RequestContext) -> Node {
        let language = context.language
        let canAnswer = [.noticeSent, .demanding, .settlementOffered].contains(overview.stage)
        return group {
            element("h2") { context.text("debtorPortal.answers") }
            if !overview.answers.isEmpty {
                element("ul") {
                    for answer in overview.answers {
                        element("li") {
                            element("p") {
                                context.text(
                                    "debtorPortal.answered",
                                    [
                                        "date": Formatting.date(CalendarDate(answer.createdAt), language: language),
                                        "answer": context.text("debtorPortal.answer.\(answer.answer.rawValue)"),
                                    ])
                                if let promised = answer.promisedOn {
                                    " "
                                        + context.text(
                                            "debtorPortal.promised",
                                            ["date": Formatting.date(promised, language: language)])
                                }
                            }
                            if !answer.reason.isEmpty {
                                element("p") { context.text("debtorPortal.reason") + ": " + answer.reason }
                            }
                            if let documentID = answer.evidenceDocumentID {
                                element("p") {
                                    element("a", .href("/dluznik/dokumenty/\(documentID)")) {
                                        context.text("debtorPortal.evidence")
                                    }
                                }
                            }
                            if answer.answer == .notOwed {
                                if let resolution = answer.resolution {
                                    Forms.notice(
                                        context.text("debtorPortal.resolution.\(resolution)")
                                            + (answer.resolutionReason.map {
                                                " " + context.text("debtorPortal.reason") + ": " + $0
                                            } ?? ""),
                                        kind: resolution == "accepted" ? "success" : "warning")
                                } else {
                                    element("p", .class("hint")) { context.text("debtorPortal.resolution.pending") }
                                }
                            }
                        }
                    }
                }
            }
            if canAnswer {
                element(
                    "form", Attribute("method", "post"), Attribute("action", "/dluznik/odpoved/zaplatim"),
                    .class("stack")
                ) {
                    CSRF.field(session.session)
                    element("h3") { context.text("debtorPortal.answer.will_pay") }
                    Forms.field(
                        label: context.text("debtorPortal.answer.date"), name: "datum", type: "date", required: false,
                        hint: context.text("debtorPortal.answer.dateHint"))
                    element("button", .type("submit")) { context.text("debtorPortal.answer.payButton") }
                }
                element(
                    "form", Attribute("method", "post"), Attribute("action", "/dluznik/odpoved/odmitam"),
                    .class("stack")
                ) {
                    CSRF.field(session.session)
                    element("h3") { context.text("debtorPortal.answer.refuses") }
                    element("button", .type("submit"), .class("secondary")) {
                        context.text("debtorPortal.answer.refuseButton")
                    }
                }
                element(
                    "form", Attribute("method", "post"), Attribute("action", DebtorAnswers.notOwedPath),
                    Attribute("enctype", "multipart/form-data"), .class("stack")
                ) {
                    CSRF.field(session.session)
                    element("h3") { context.text("debtorPortal.answer.not_owed") }
                    element("label", Attribute("for", "pole-duvod")) { context.text("debtorPortal.answer.reasonLabel") }
                    element("textarea", .id("pole-duvod"), .name("duvod"), Attribute("rows", "4"), .flag("required")) {}
                    element("label", Attribute("for", "pole-doklad")) {
                        context.text("debtorPortal.answer.evidenceLabel")
                    }
                    element("p", .class("hint"), .id("napoveda-doklad")) {
                        context.text("debtorPortal.answer.evidenceHint")
                    }
                    voidElement(
                        "input", .id("pole-doklad"), .name("doklad"), .type("file"),
                        Attribute("accept", "application/pdf,image/png,image/jpeg"),
                        Attribute("aria-describedby", "napoveda-doklad"))
                    element("button", .type("submit"), .class("secondary")) {
                        context.text("debtorPortal.answer.notOwedButton")
                    }
                }
            } else if overview.answers.isEmpty {
                element("p") { context.text("debtorPortal.answer.notYet") }
            }
        }
    }
}
