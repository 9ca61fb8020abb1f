import Testing
import Web

@Suite struct RouterTests {
    func makeRouter() -> Router<Void> {
        var router = Router<Void>()
        router.get("/") { _, _, _ in .text("home") }
        router.get("/klient/dluznici/:id") { _, parameters, _ in .text("debtor \(parameters["id"] ?? "")") }
        router.post("/klient/odhlaseni") { _, _, _ in .text("signed out") }
        router.get("/klient/") { _, _, _ in .text("client home") }
        return router
    }

    func body(_ match: Router<Void>.Match, _ request: Request) throws -> String? {
        guard case .found(let handler, let parameters, _) = match else { return nil }
        return String(decoding: try handler(request, parameters, ()).body, as: UTF8.self)
    }

    @Test func matchesParameters() throws {
        let router = makeRouter()
        let request = Request(method: "GET", target: "/klient/dluznici/42")
        #expect(try body(router.match(method: "GET", path: request.path), request) == "debtor 42")
    }

    @Test func trailingSlashMatters() throws {
        let router = makeRouter()
        let request = Request(method: "GET", target: "/klient/")
        #expect(try body(router.match(method: "GET", path: "/klient/"), request) == "client home")
        guard case .notFound = router.match(method: "GET", path: "/klient") else {
            Issue.record("/klient without a slash must not match /klient/")
            return
        }
    }

    @Test func rootMatchesOnlyRoot() {
        guard case .notFound = makeRouter().match(method: "GET", path: "/neznamo") else {
            Issue.record("unknown path must be notFound")
            return
        }
    }

    @Test func wrongMethodListsAllowed() {
        guard case .methodNotAllowed(let allowed) = makeRouter().match(method: "GET", path: "/klient/odhlaseni") else {
            Issue.record("GET on a POST route must be methodNotAllowed")
            return
        }
        #expect(allowed == ["POST"])
    }

    @Test func headUsesGet() throws {
        let request = Request(method: "HEAD", target: "/")
        #expect(try body(makeRouter().match(method: "HEAD", path: "/"), request) == "home")
    }

    @Test func idParameterRejectsNonNumbers() {
        #expect(RouteParameters(values: ["id": "42"]).id("id") == 42)
        #expect(RouteParameters(values: ["id": "0"]).id("id") == nil)
        #expect(RouteParameters(values: ["id": "-3"]).id("id") == nil)
        #expect(RouteParameters(values: ["id": "1 OR 1=1"]).id("id") == nil)
    }
}
