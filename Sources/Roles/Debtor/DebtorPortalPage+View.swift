import Domain
import Foundation
import Store
import Web

extension DebtorPortalPage {
    static func page(
        _ overview: Overview, session: DebtorSession, notice: String?, error: String? = nil, context: RequestContext
    ) -> Node {
        let language = context.language
        let today = CalendarDate(context.now)
        return Layout.page(
            title: context.text("debtorPortal.title"), site: .debtor, context: context, currentPath: "/dluznik/"
        ) {
            element("h1") { context.text("debtorPortal.title") }
            if let notice { Forms.notice(notice, kind: "success") }
            if let error { Forms.notice(error, kind: "error") }
            element("p") {
                context.text(
                    "debtorPortal.intro", ["debtor": overview.debtor.name, "creditor": overview.creditor.name])
            }
            if overview.stage == .misuseHold {
                Forms.notice(context.text("debtorPortal.misuse.onHold"), kind: "warning")
            }

            element("h2") { context.text("debtorPortal.documents") }
            element("ul") {
                if let demand = overview.demand {
                    element("li") {
                        let label = context.text(
                            "debtorPortal.demand",
                            ["date": Formatting.date(CalendarDate(demand.sentAt), language: language)])
                        if let documentID = demand.documentID {
                            element("a", .href("/dluznik/dokumenty/\(documentID)")) { label + " (PDF)" }
                        } else {
                            label
                        }
                    }
                } else {
                    element("li") { context.text("debtorPortal.noDemand") }
                }
                if let power = overview.power {
                    element("li") {
                        element("a", .href("/dluznik/dokumenty/\(power.documentID)")) {
                            context.text("debtorPortal.power", ["lawyer": power.lawyerName])
                                + (power.cakNumber.map { ", ČAK \($0)" } ?? "")
                        }
                    }
                }
            }

            element("h2") { context.text("debtorPortal.amounts", ["date": Formatting.date(today, language: language)]) }
            if overview.receivables.isEmpty {
                element("p") { context.text("debtorPortal.nothingOpen") }
            }
            for receivable in overview.receivables {
                receivableSection(receivable, overview: overview, today: today, context: context)
            }

            answersSection(overview, session: session, context: context)

            // A case already on hold for misuse, or closed, needs no further report.
            if overview.stage != .misuseHold && overview.stage != .closed {
                element("h2") { context.text("debtorPortal.misuse.title") }
                element("p") { context.text("debtorPortal.misuse.explain", ["creditor": overview.creditor.name]) }
                element("form", Attribute("method", "post"), Attribute("action", "/dluznik/zneuziti"), .class("stack"))
                {
                    CSRF.field(session.session)
                    element("label", Attribute("for", "pole-zprava")) { context.text("debtorPortal.misuse.message") }
                    element("textarea", .id("pole-zprava"), .name("zprava"), Attribute("rows", "3")) {}
                    element("button", .type("submit"), .class("secondary")) {
                        context.text("debtorPortal.misuse.button")
                    }
                }
            }

            Forms.postButton(
                action: "/dluznik/odhlaseni", label: context.text("layout.signOut"), session: session.session,
                style: "secondary")
        }
    }

    static func receivableSection(
        _ receivable: StoredReceivable, overview: Overview, today: CalendarDate, context: RequestContext
    ) -> Node {
        let language = context.language
        let money = { (value: Money) in Formatting.money(value, language: language) }
        let balance: ClaimLedger.Balance?
        var interestNote: String?
        do {
            balance = try DebtorPortalPage.balance(receivable, overview: overview)
        } catch let error as LateInterestRates.UnknownHalfYear {
            balance = nil
            interestNote = context.text("debtorPortal.unknownRate", ["halfYear": error.halfYear.description])
        } catch {
            balance = nil
            interestNote = context.text("debtorPortal.unknownRate", ["halfYear": ""])
        }
        let account = BankAccount(overview.creditor.bankAccount) ?? BankAccount(overview.creditor.iban)
        return element("section", .class("receivable")) {
            element("h3") {
                context.text(
                    "debtorPortal.invoice",
                    [
                        "number": receivable.invoiceNumber,
                        "due": Formatting.date(receivable.dueDate, language: language),
                    ])
            }
            element("dl") {
                element("dt") { context.text("debtorPortal.principal") }
                element("dd") { money(balance?.principal ?? receivable.remaining) }
                if let balance {
                    element("dt") { context.text("debtorPortal.interest") }
                    element("dd") { money(balance.interest) }
                    element("dt") { context.text("debtorPortal.costs") }
                    element("dd") { money(balance.costs) }
                    element("dt") { context.text("debtorPortal.total") }
                    element("dd") { element("strong") { money(balance.total) } }
                }
            }
            if let interestNote { Forms.notice(interestNote, kind: "warning") }
            element("h4") { context.text("debtorPortal.payment") }
            if let account {
                element("dl") {
                    element("dt") { context.text("debtorPortal.account") }
                    element("dd") { account.description }
                    element("dt") { "IBAN" }
                    element("dd") { account.iban }
                    element("dt") { context.text("debtorPortal.variableSymbol") }
                    element("dd") { receivable.variableSymbol.isEmpty ? "–" : receivable.variableSymbol }
                }
                voidElement(
                    "img", Attribute("src", "/dluznik/qr/\(receivable.id).png"),
                    Attribute("alt", context.text("debtorPortal.qrAlt", ["number": receivable.invoiceNumber])),
                    Attribute("width", "180"), Attribute("height", "180"))
            } else {
                element("p") { context.text("debtorPortal.noAccount") }
            }
        }
    }
}
