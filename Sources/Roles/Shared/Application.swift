import Domain
import Foundation
import Store
import Web

/// The whole portal as one request handler: routes of every role site, error pages and the request log.
public final class Application: Sendable {
    public let settings: Settings
    public let catalog: Catalog
    public let logger: Logger
    public let authenticator: Authenticator
    let router: Router<RequestContext>
    let clock: @Sendable () -> Date

    public init(
        settings: Settings, logger: Logger, authenticator: Authenticator = Authenticator(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.logger = logger
        self.authenticator = authenticator
        self.clock = clock
        catalog = Catalog.merging([
            SharedTexts.catalog, PublicTexts.catalog, AccountTexts.catalog, ClientTexts.catalog, ImportTexts.catalog,
            PartnerTexts.catalog, StampTexts.catalog, CollectionTexts.catalog, DebtorTexts.catalog,
        ])
        var router = Router<RequestContext>()
        LanguageSwitch.register(in: &router)
        PublicSite.register(in: &router)
        ClientSite.register(in: &router)
        PartnerSites.register(in: &router)
        OperatorSite.register(in: &router)
        OperatorMisuse.register(in: &router)
        DebtorSite.register(in: &router)
        APISite.register(in: &router)
        if settings.mode == .development {
            DevelopmentMailbox.register(in: &router)
        }
        self.router = router
    }

    /// Every registered route, for tests that walk all of them.
    public var routes: [(method: String, pattern: String)] { router.patterns }

    /// Answers one request; never throws, because every failure becomes an error page and a log line.
    public func respond(to request: Request, database: Database) -> Response {
        let started = DispatchTime.now()
        let language = Application.language(of: request)
        let context = RequestContext(database: database, now: clock(), language: language, application: self)
        var routeName = "unmatched"
        var response: Response
        switch router.match(method: request.method, path: request.path) {
        case .found(let handler, let parameters, let pattern):
            routeName = pattern
            do {
                response = try handler(request, parameters, context)
            } catch {
                response = errorResponse(for: error, request: request, route: pattern, context: context)
            }
        case .methodNotAllowed(let allowed):
            response = ErrorPage.response(status: 405, context: context, path: request.path)
            response.addHeader("Allow", allowed.joined(separator: ", "))
        case .notFound:
            if let site = Site.allCases.first(where: { $0 != .publicSite && $0.prefix == request.path + "/" }) {
                // `/klient` without the slash is the site's home, not a missing page.
                response = .redirect(to: site.prefix, status: 301)
            } else {
                response = ErrorPage.response(status: 404, context: context, path: request.path)
            }
        }
        if response.header("Cache-Control") == nil {
            // Pages of role sites show personal data: no shared or browser cache may keep them.
            let site = Site.of(path: request.path)
            response.addHeader("Cache-Control", site == .publicSite ? "no-cache" : "no-store")
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        logger.log(
            response.status >= 500 ? .error : .info, "request",
            [
                "request_id": request.requestID, "method": request.method, "route": routeName,
                "status": "\(response.status)", "duration_ms": Application.milliseconds(elapsed),
            ])
        return response
    }

    /// `12.34` for the log: two decimals without Foundation's formatter, which is slow on every request.
    static func milliseconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The response for a request refused before routing: 413 for a body over the limit, 400 for a cut-off body.
    public func rejection(status: Int) -> Response {
        // No database is needed for an error page, but the context type carries one; this one never connects.
        let context = RequestContext(
            database: Database(conninfo: ""), now: clock(), language: .cs, application: self)
        logger.warning("request rejected", ["status": "\(status)"])
        return ErrorPage.response(status: status, context: context)
    }

    private func errorResponse(for error: any Error, request: Request, route: String, context: RequestContext)
        -> Response
    {
        // Accounting systems calling the API read JSON, not an HTML error page.
        let isAPI = request.path.hasPrefix("/api/")
        func failure(_ status: Int) -> Response {
            guard isAPI else { return ErrorPage.response(status: status, context: context, path: request.path) }
            var object = JSONObject()
            object.add(
                "error",
                .string(
                    status == 503
                        ? "Databáze je dočasně nedostupná. Zkuste požadavek za chvíli znovu."
                        : "Požadavek se nepodařilo zpracovat kvůli chybě na straně Kolektoru. Zkuste ho znovu; "
                            + "když chyba trvá, kontaktujte podporu a uveďte čas požadavku."))
            return APISite.json(object, status: status)
        }
        if let signIn = error as? SignInRequired, let path = signIn.site.signInPath {
            return .redirect(to: path)
        }
        if let httpError = error as? HTTPError {
            return failure(httpError.status)
        }
        if let storeError = error as? StoreError, storeError.code == .unavailable {
            logger.error("database unavailable", ["request_id": request.requestID, "route": route,
                                                  "error": storeError.description])
            return failure(503)
        }
        // `description` of our error types is safe to log; other errors are logged by type only, since their text
        // could carry values from the request.
        let summary = (error as? StoreError)?.description ?? String(describing: type(of: error))
        logger.error("request failed", ["request_id": request.requestID, "route": route, "error": summary])
        return failure(500)
    }

    /// The reader's language from the `lang` cookie, Czech when absent or unknown.
    static func language(of request: Request) -> Language {
        request.cookies[LanguageSwitch.cookieName].flatMap(Language.init(code:)) ?? .cs
    }
}
