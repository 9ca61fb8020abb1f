import Domain
import Interchange
import Store
import Web

/// The client admin's stamp page at `/klient/razitko` and its downloads: the electronic stamp as PNG and SVG and
/// the A4 sticker sheet as PDF. Subordinates get 403 (see `CreditorAction.downloadStamp`).
enum ClientStamp {
    static let pagePath = "/klient/razitko"
    static let pngPath = "/klient/razitko/razitko.png"
    static let svgPath = "/klient/razitko/razitko.svg"
    static let sheetPath = "/klient/razitko/samolepky.pdf"

    static func register(in router: inout Router<RequestContext>) {
        router.get(pagePath) { request, _, context in
            let (viewer, organization) = try load(request, context: context)
            return .html(
                ClientStampPage.page(viewer: viewer, organization: organization, context: context).renderDocument())
        }
        router.get(pngPath) { request, _, context in
            let (_, organization) = try load(request, context: context)
            return download(
                try artwork(for: organization, context: context).png(), type: "image/png",
                filename: "kolektor-razitko.png")
        }
        router.get(svgPath) { request, _, context in
            let (_, organization) = try load(request, context: context)
            return download(
                try artwork(for: organization, context: context).svg(), type: "image/svg+xml",
                filename: "kolektor-razitko.svg")
        }
        router.get(sheetPath) { request, _, context in
            let (_, organization) = try load(request, context: context)
            let pdf = try StickerSheet.pdf(
                try artwork(for: organization, context: context),
                title: context.application.catalog.text("stamp.sheet.title", .cs))
            return download(pdf, type: "application/pdf", filename: "kolektor-samolepky.pdf")
        }
    }

    /// Loads the signed-in client admin and its creditor. Throws 403 for subordinates and redirects anyone else to
    /// the sign-in page.
    static func load(_ request: Request, context: RequestContext) throws -> (Viewer, Organization) {
        let viewer = try ClientSite.require(.downloadStamp, request, context: context)
        let organizationID = try viewer.organizationID
        guard
            let organization = try context.database.withConnection({
                try OrganizationRepository.find(id: organizationID, on: $0)
            })
        else { throw HTTPError.notFound }
        return (viewer, organization)
    }

    /// Builds the address of the creditor's public verification page.
    static func verificationURL(for organization: Organization, context: RequestContext) -> String {
        context.application.settings.baseURL + StampVerification.path(code: organization.verificationCode)
    }

    static func artwork(for organization: Organization, context: RequestContext) throws -> StampArtwork {
        try StampArtwork(
            creditorName: organization.name, verificationURL: verificationURL(for: organization, context: context),
            catalog: context.application.catalog)
    }

    /// Wraps a generated file in a response that browsers show inline and save under `filename`.
    static func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        var response = Response(status: 200, headers: [("Content-Type", type)], body: bytes)
        response.addHeader("Content-Disposition", "inline; filename=\"\(filename)\"")
        response.addHeader("X-Content-Type-Options", "nosniff")
        // An SVG opened on its own is a document of our origin: it may not run scripts or load anything.
        response.addHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        return response
    }
}

/// The HTML of the stamp page: preview, downloads, the verification address and the ISDOC extension.
enum ClientStampPage {
    static func page(viewer: Viewer, organization: Organization, context: RequestContext) -> Node {
        let url = ClientStamp.verificationURL(for: organization, context: context)
        return Layout.page(
            title: context.text("client.stamp.title"), site: .client, context: context,
            currentPath: ClientStamp.pagePath, navigation: SiteNavigation.links(for: viewer), viewer: viewer
        ) {
            element("h1") { context.text("client.stamp.title") }
            element("p", .class("lead")) { context.text("client.stamp.lead") }
            if !organization.active {
                Forms.notice(context.text("client.stamp.inactive"), kind: "error")
            }
            element("p") {
                voidElement(
                    "img", Attribute("src", ClientStamp.pngPath),
                    Attribute("alt", context.text("client.stamp.preview")),
                    Attribute("width", "413"), Attribute("height", "207"))
            }

            element("h2") { context.text("client.stamp.electronic.title") }
            element("p") { context.text("client.stamp.electronic.text") }
            element("ul") {
                element("li") {
                    element("a", .href(ClientStamp.pngPath), Attribute("download", "kolektor-razitko.png")) {
                        context.text("client.stamp.downloadPNG")
                    }
                }
                element("li") {
                    element("a", .href(ClientStamp.svgPath), Attribute("download", "kolektor-razitko.svg")) {
                        context.text("client.stamp.downloadSVG")
                    }
                }
            }

            element("h2") { context.text("client.stamp.paper.title") }
            element("p") { context.text("client.stamp.paper.text") }
            element("p") {
                element(
                    "a", .class("button"), .href(ClientStamp.sheetPath), Attribute("download", "kolektor-samolepky.pdf")
                ) {
                    context.text("client.stamp.downloadPDF")
                }
            }

            element("h2") { context.text("client.stamp.address.title") }
            element("p") { context.text("client.stamp.address.text") }
            element("p") { element("a", .href(url)) { url } }

            element("h2") { context.text("client.stamp.isdoc.title") }
            element("p") { context.text("client.stamp.isdoc.text") }
            element("pre") {
                ISDOCStampExtension.element(code: organization.verificationCode, verificationURL: url)
            }
        }
    }
}
