import Testing
import Web

@Suite struct RequestDecodingTests {
    @Test func queryIsDecoded() {
        let request = Request(method: "get", target: "/hledat?q=Nov%C3%A1k+a+syn&strana=2&q=druh%C3%BD")
        #expect(request.method == "GET")
        #expect(request.path == "/hledat")
        #expect(request.query["q"] == "Novák a syn")
        #expect(request.query.all("q") == ["Novák a syn", "druhý"])
        #expect(request.query["strana"] == "2")
        #expect(request.query["chybi"] == nil)
    }

    @Test func formIsDecodedOnlyForFormContentType() {
        let body = Array("email=jana%40example.cz&heslo=a%26b%3Dc".utf8)
        let form = Request(
            method: "POST", target: "/klient/prihlaseni",
            headers: ["content-type": "application/x-www-form-urlencoded; charset=utf-8"], body: body
        ).form
        #expect(form["email"] == "jana@example.cz")
        #expect(form["heslo"] == "a&b=c")
        let json = Request(method: "POST", target: "/x", headers: ["content-type": "application/json"], body: body)
        #expect(json.form["email"] == nil)
    }

    @Test func cookiesAreParsed() {
        let request = Request(method: "GET", target: "/", headers: ["cookie": "lang=en; kolektor_klient=abc=def; x"])
        #expect(request.cookies["lang"] == "en")
        #expect(request.cookies["kolektor_klient"] == "abc=def")
        #expect(request.cookies["x"] == nil)
    }

    @Test func firstCookieOfANameWins() {
        let request = Request(method: "GET", target: "/", headers: ["cookie": "s=specific; s=general"])
        #expect(request.cookies["s"] == "specific")
    }

    @Test func percentEncodedPathIsDecoded() {
        #expect(Request(method: "GET", target: "/overeni/k%C3%B3d").path == "/overeni/kód")
    }
}

@Suite struct ResponseTests {
    @Test func headHasStatusLineAndLength() {
        let response = Response.text("ok", status: 503)
        #expect(response.head == "Status: 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\n")
    }

    @Test func headerValuesCannotSplitTheResponse() {
        let response = Response.redirect(to: "/x\r\nSet-Cookie: evil=1")
        #expect(response.head.contains("Location: /xSet-Cookie: evil=1\r\n"))
        #expect(!response.head.contains("\r\nSet-Cookie"))
    }
}

@Suite struct LoggerTests {
    @Test func writesLogfmt() {
        let lines = LockedLines()
        let logger = Logger(sink: { lines.append($0) })
        logger.info("request", ["route": "/klient/", "note": "two words"])
        let line = lines.all.first ?? ""
        #expect(line.contains(" level=info msg=request route=/klient/ note=\"two words\"\n"))
        #expect(line.hasPrefix("time="))
    }

    @Test func belowMinimumIsDropped() {
        let lines = LockedLines()
        Logger(minimumLevel: .warning, sink: { lines.append($0) }).info("hidden")
        #expect(lines.all.isEmpty)
    }
}

@Suite struct FormDecodingLimitsTests {
    @Test func manyTinyFieldsAreCapped() {
        let body = Array(String(repeating: "a=b&", count: 90_000).utf8)
        let form = FormValues(urlEncoded: body)
        #expect(form.pairs.count == 1_000)
    }

    @Test func percentAndPlusDecodeInOnePass() {
        let form = FormValues(urlEncoded: Array("jm%C3%A9no=Jana+Nov%C3%A1&bad=%ZZ%4&plus=%2B".utf8))
        #expect(form["jméno"] == "Jana Nová")
        #expect(form["bad"] == "%ZZ%4")
        #expect(form["plus"] == "+")
    }

    @Test func invalidUTF8BecomesReplacement() {
        let form = FormValues(urlEncoded: Array("x=%FF%FE".utf8))
        #expect(form["x"] == "\u{FFFD}\u{FFFD}")
    }

    @Test func formIsDecodedOnce() {
        let request = Request(
            method: "POST", target: "/", headers: ["content-type": "application/x-www-form-urlencoded"],
            body: Array("a=1".utf8))
        #expect(request.form["a"] == "1")
        #expect(request.multipart == nil)
    }
}

@Suite struct NulByteTests {
    @Test func encodedNulBecomesReplacementCharacter() {
        let form = FormValues(urlEncoded: Array("text=a%00b&plain=ok".utf8))
        #expect(form["text"] == "a\u{FFFD}b")
        #expect(form["plain"] == "ok")
    }
}
