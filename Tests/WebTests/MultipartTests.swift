import Foundation
import Testing
import Web

@Suite struct MultipartTests {
    let contentType = "multipart/form-data; boundary=XyZ"

    func body(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test func decodesFieldsAndFile() throws {
        let form = try #require(
            MultipartForm(
                body: body(
                    """
                    --XyZ
                    Content-Disposition: form-data; name="csrf_token"

                    abc
                    --XyZ
                    Content-Disposition: form-data; name="soubor"; filename="faktury.csv"
                    Content-Type: text/csv

                    a;b
                    1;2
                    --XyZ--

                    """), contentType: contentType))
        #expect(form.fields["csrf_token"] == "abc")
        let file = try #require(form.file("soubor"))
        #expect(file.fileName == "faktury.csv")
        #expect(file.contentType == "text/csv")
        #expect(String(decoding: file.data, as: UTF8.self) == "a;b\r\n1;2")
    }

    @Test func missingClosingBoundaryIsRejected() {
        let text = "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\n1\n--XyZ\n"
        #expect(MultipartForm(body: body(text), contentType: contentType) == nil)
    }

    @Test func otherContentTypeIsRejected() {
        #expect(MultipartForm(body: [], contentType: "application/x-www-form-urlencoded") == nil)
    }

    @Test func requestFormReadsMultipartFields() {
        let text = "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nž\n--XyZ--\n"
        let request = Request(method: "POST", target: "/", headers: ["content-type": contentType], body: body(text))
        #expect(request.form["a"] == "ž")
    }

    @Test func uploadPathGetsLargerBodyLimit() {
        let configuration = FastCGIServer.Configuration(
            listenAddress: ":0", maxBodyBytes: 1_000, maxUploadBytes: 5_000, uploadPaths: ["/klient/importy"])
        #expect(configuration.bodyLimit(target: "/klient/importy") == 5_000)
        #expect(configuration.bodyLimit(target: "/klient/importy?x=1") == 5_000)
        #expect(configuration.bodyLimit(target: "/klient/uzivatele") == 1_000)
    }
}
