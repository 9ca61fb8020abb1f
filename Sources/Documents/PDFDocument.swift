import CPangoCairo

/// A PDF of one or more pages drawn with cairo and pango, measured in millimetres.
///
/// `PDFDocument.render` creates the document, hands it to a closure that adds pages, and returns the finished
/// file. Owner: that call owns the cairo surface and context and destroys them before it returns, also when the
/// closure throws. Thread-safety: not thread-safe; use a document only inside its closure on one thread.
public final class PDFDocument {
    /// A page size in millimetres.
    public struct PageSize: Sendable, Equatable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }

        /// ISO 216 A4 portrait, 210 × 297 mm.
        public static let a4 = PageSize(width: 210, height: 297)
    }

    /// Document information shown by PDF readers.
    public struct Metadata: Sendable {
        public var title: String
        public var author: String

        public init(title: String = "", author: String = "") {
            self.title = title
            self.author = author
        }
    }

    public let pageSize: PageSize
    private let context: OpaquePointer
    public private(set) var pageCount = 0

    private init(context: OpaquePointer, pageSize: PageSize) {
        self.context = context
        self.pageSize = pageSize
    }

    /// Renders a PDF whose pages `build` adds with `addPage`, and returns the file's bytes.
    public static func render(
        pageSize: PageSize = .a4, metadata: Metadata = Metadata(), _ build: (PDFDocument) throws -> Void
    ) throws -> [UInt8] {
        guard pageSize.width > 0, pageSize.height > 0 else { throw DocumentError.invalidSize("PDF page") }
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let surface = cairo_pdf_surface_create_for_stream(
                ByteSink.write, sink.closure, Length.points(millimetres: pageSize.width),
                Length.points(millimetres: pageSize.height))!
            defer { cairo_surface_destroy(surface) }
            try Cairo.check(surface: surface, "cairo_pdf_surface_create_for_stream")
            if !metadata.title.isEmpty {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
            }
            if !metadata.author.isEmpty {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
            }

            let context = cairo_create(surface)!
            defer { cairo_destroy(context) }
            let document = PDFDocument(context: context, pageSize: pageSize)
            try build(document)
            try Cairo.check(context: context, "cairo_show_page")

            cairo_surface_finish(surface)
            try Cairo.check(surface: surface, "cairo_surface_finish")
            return sink.bytes
        }
    }

    /// Adds a page and lets `draw` fill it; the canvas's origin is the page's top-left corner.
    public func addPage(_ draw: (Canvas) throws -> Void) throws {
        cairo_save(context)
        let canvas = Canvas(
            context: context, width: pageSize.width, height: pageSize.height,
            unitsPerMillimetre: 1 / Length.millimetresPerPoint, isRaster: false)
        try draw(canvas)
        cairo_restore(context)
        try Cairo.check(context: context, "drawing page \(pageCount + 1)")
        cairo_show_page(context)
        pageCount += 1
    }
}
