import Store
import Web

/// The public site at `/`: what Kolektor is, how the process works, FAQ, the sign-in index, stamp verification and
/// `/healthz`.
enum PublicSite {
    static let navigation: [Layout.NavigationLink] = [
        .init(titleKey: "public.nav.how", path: "/jak-system-funguje"),
        .init(titleKey: "public.nav.faq", path: "/caste-dotazy"),
        .init(titleKey: "public.nav.signIn", path: "/prihlaseni"),
    ]

    static func register(in router: inout Router<RequestContext>) {
        let cache = PageCache()
        let staticPages: [(String, @Sendable (RequestContext, String) -> Node)] = [
            ("/", PublicPages.home), ("/jak-system-funguje", PublicPages.howItWorks), ("/caste-dotazy", PublicPages.faq),
            ("/prihlaseni", PublicPages.signInIndex),
        ]
        for (path, build) in staticPages {
            router.get(path) { _, _, context in
                .html(cache.page(path, language: context.language) { build(context, path).renderDocument() })
            }
        }
        StampVerification.register(in: &router)
        router.get("/healthz") { _, _, context in
            health(context)
        }
    }

    /// 200 when the database answers a query, 503 when it does not; the body says which, for monitoring tools.
    ///
    /// A thread's connection learns that the server restarted only when a statement fails, so the check tries
    /// twice: the second attempt runs on a fresh connection.
    static func health(_ context: RequestContext) -> Response {
        do {
            let probe = { try context.database.withConnection { try $0.query("SELECT 1 AS ok") } }
            let result = try (try? probe()) ?? probe()
            guard result.first?["ok"] == "1" else { return .text("database returned no row\n", status: 503) }
            var response = Response.text("ok\n")
            response.addHeader("Cache-Control", "no-store")
            return response
        } catch {
            context.application.logger.warning("health check failed", ["error": "\(error)"])
            var response = Response.text("database unavailable\n", status: 503)
            response.addHeader("Cache-Control", "no-store")
            return response
        }
    }
}
