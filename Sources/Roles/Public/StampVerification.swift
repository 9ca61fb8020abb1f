import Domain
import Foundation
import Store
import Web

/// The public page `/overeni/{code}` that confirms a creditor's Kolektor stamp: 200 for an active client, 410 when
/// the creditor no longer uses Kolektor, 404 for an unknown code, 429 above the rate limit.
///
/// It needs no sign-in and writes no audit entry. The request log shows the route pattern only, never the code.
enum StampVerification {
    static let pattern = "/overeni/:code"

    /// At most 30 requests per client address and minute: enough for people who scan a few stamps, while a script
    /// that walks through codes is slowed down (with 2^100 possible codes it would not find one anyway).
    static let rateLimit = RateLimit(maximumRequests: 30, window: 60)

    static func path(code: String) -> String {
        "/overeni/" + code
    }

    static func register(in router: inout Router<RequestContext>) {
        router.get(pattern) { request, parameters, context in
            // Codes are lower case; one copied from print or typed in capitals works all the same.
            try respond(request, code: (parameters["code"] ?? "").lowercased(), context: context)
        }
    }

    static func respond(_ request: Request, code: String, context: RequestContext) throws -> Response {
        let outcome = try context.database.withConnection { connection -> Outcome in
            guard try admit(request, on: connection, context: context) else { return .limited }
            guard isWellFormed(code),
                let organization = try OrganizationRepository.find(verificationCode: code, on: connection)
            else { return .unknown }
            return organization.active ? .active(organization) : .inactive(organization)
        }

        var response: Response
        switch outcome {
        case .limited:
            response = ErrorPage.response(status: 429, context: context)
            response.addHeader("Retry-After", "\(rateLimit.secondsUntilReset(from: context.now))")
        case .unknown:
            response = .html(StampVerificationPage.unknown(request, context: context).renderDocument(), status: 404)
        case .inactive(let organization):
            response = .html(
                StampVerificationPage.inactive(organization, request, context: context).renderDocument(), status: 410)
        case .active(let organization):
            response = .html(StampVerificationPage.active(organization, request, context: context).renderDocument())
        }
        // Search engines need not list every creditor's verification page.
        response.addHeader("X-Robots-Tag", "noindex")
        return response
    }

    enum Outcome {
        case limited
        case unknown
        case inactive(Organization)
        case active(Organization)
    }

    /// Counts the request against the client address and returns whether it is within the rate limit.
    ///
    /// The first request of an address in a new window also deletes counters older than the previous window. So
    /// while requests keep coming, no client address stays in the table for more than about two minutes.
    static func admit(_ request: Request, on connection: Connection, context: RequestContext) throws -> Bool {
        // NOTE: the key is the address nginx saw. Behind another proxy every client shares that proxy's address
        // unless nginx is configured to take the client's address from the proxy's header.
        let windowStart = rateLimit.windowStart(for: context.now)
        let count = try RequestCounterRepository.increment(
            key: "verification:" + request.remoteAddress, windowStart: windowStart, on: connection)
        if count == 1 {
            try RequestCounterRepository.deleteExpired(
                before: windowStart.addingTimeInterval(-rateLimit.window), on: connection)
        }
        return rateLimit.allows(count: count)
    }

    /// Whether `code` has the form the database gives codes: 20 characters from `a`–`z` and `2`–`7`.
    static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 20
            && code.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "2")...UInt8(ascii: "7")).contains($0)
            }
    }
}

/// The HTML of the three verification outcomes.
enum StampVerificationPage {
    static func active(_ organization: Organization, _ request: Request, context: RequestContext) -> Node {
        frame(request, context: context) {
            Forms.notice(context.text("verification.valid", ["name": organization.name]), kind: "success")
            element("dl", .class("facts")) {
                element("dt") { context.text("verification.creditor") }
                element("dd") { organization.name }
                element("dt") { context.text("verification.ico") }
                element("dd") { organization.ico }
                element("dt") { context.text("verification.since") }
                element("dd") {
                    Formatting.date(CalendarDate(organization.createdAt), language: context.language)
                }
            }
            element("p") { context.text("verification.explanation") }
            element("p") { element("a", .href("/jak-system-funguje")) { context.text("verification.howLink") } }
        }
    }

    static func inactive(_ organization: Organization, _ request: Request, context: RequestContext) -> Node {
        frame(request, context: context) {
            element("h2") { context.text("verification.inactive.title") }
            Forms.notice(
                context.text("verification.inactive.text", ["name": organization.name, "ico": organization.ico]),
                kind: "error")
        }
    }

    static func unknown(_ request: Request, context: RequestContext) -> Node {
        frame(request, context: context) {
            element("h2") { context.text("verification.unknown.title") }
            Forms.notice(context.text("verification.unknown.text"), kind: "error")
        }
    }

    private static func frame(_ request: Request, context: RequestContext, @HTMLBuilder content: () -> [Node]) -> Node {
        Layout.page(
            title: context.text("verification.title"), site: .publicSite, context: context, currentPath: request.path,
            navigation: PublicSite.navigation
        ) {
            element("h1") { context.text("verification.title") }
            content()
        }
    }
}
