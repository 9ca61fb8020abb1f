import CPangoCairo

/// Single-picture renderings of a drawing: PNG for raster use and SVG for vector use.
///
/// Each function creates a cairo surface and context, lets `draw` paint on a `Canvas` of the given size in
/// millimetres, and destroys both before it returns. Thread-safety: the functions share no state of their own, and
/// pango's default cairo font map is per thread since pango 1.32.6, so different threads may render at the same time.
public enum Image {
    /// Renders a PNG of `width` × `height` millimetres at `dotsPerInch`, on an opaque `background`.
    ///
    /// The pixel size is the millimetre size at that resolution, rounded to whole pixels.
    public static func png(
        width: Double, height: Double, dotsPerInch: Double = 300, background: Color = .white,
        _ draw: (Canvas) throws -> Void
    ) throws -> [UInt8] {
        let pixelsPerMillimetre = dotsPerInch / Length.millimetresPerInch
        let image = try png(
            pixelWidth: Int((width * pixelsPerMillimetre).rounded()),
            pixelHeight: Int((height * pixelsPerMillimetre).rounded()), pixelsPerUnit: pixelsPerMillimetre,
            background: background, draw)
        return PNGResolution.adding(dotsPerInch: dotsPerInch, to: image)
    }

    /// Renders a PNG of exact pixel dimensions; the canvas's unit is `1 / pixelsPerUnit` of the width.
    static func png(
        pixelWidth: Int, pixelHeight: Int, pixelsPerUnit: Double, background: Color,
        _ draw: (Canvas) throws -> Void
    ) throws -> [UInt8] {
        guard pixelWidth > 0, pixelHeight > 0 else { throw DocumentError.invalidSize("PNG image") }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))!
        defer { cairo_surface_destroy(surface) }
        try Cairo.check(surface: surface, "cairo_image_surface_create")
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }

        let canvas = Canvas(
            context: context, width: Double(pixelWidth) / pixelsPerUnit, height: Double(pixelHeight) / pixelsPerUnit,
            unitsPerMillimetre: pixelsPerUnit, isRaster: true)
        canvas.fillRectangle(x: 0, y: 0, width: canvas.width, height: canvas.height, color: background)
        try draw(canvas)
        try Cairo.check(context: context, "drawing PNG image")
        cairo_surface_flush(surface)

        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            try Cairo.check(
                cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure),
                "cairo_surface_write_to_png_stream")
        }
        return sink.bytes
    }

    /// Renders an SVG of `width` × `height` millimetres, with text drawn as glyph outlines so that it looks the same
    /// without the font installed. The `width` and `height` attributes carry the size in points (`pt`).
    public static func svg(width: Double, height: Double, _ draw: (Canvas) throws -> Void) throws -> [UInt8] {
        guard width > 0, height > 0 else { throw DocumentError.invalidSize("SVG image") }
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            // The surface size is in points, so the attributes are labelled with the same unit.
            let surface = cairo_svg_surface_create_for_stream(
                ByteSink.write, sink.closure, Length.points(millimetres: width), Length.points(millimetres: height))!
            defer { cairo_surface_destroy(surface) }
            try Cairo.check(surface: surface, "cairo_svg_surface_create_for_stream")
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)

            let context = cairo_create(surface)!
            defer { cairo_destroy(context) }
            let canvas = Canvas(
                context: context, width: width, height: height, unitsPerMillimetre: 1 / Length.millimetresPerPoint,
                isRaster: false)
            try draw(canvas)
            try Cairo.check(context: context, "drawing SVG image")

            cairo_surface_finish(surface)
            try Cairo.check(surface: surface, "cairo_surface_finish")
            return sink.bytes
        }
    }
}
