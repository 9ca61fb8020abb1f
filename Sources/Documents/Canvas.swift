import CPangoCairo

/// A drawing surface measured in millimetres from the top-left corner, over a cairo context.
///
/// Owner: the `PDFDocument` or `Image` rendering call that created it. That call destroys the cairo context when
/// its closure returns, so a canvas must not be kept beyond the closure it was handed to. Thread-safety: not
/// thread-safe, like the cairo context beneath, so use it only on the thread that runs the closure.
public final class Canvas {
    /// The cairo context, borrowed from the rendering call; its user space is scaled to millimetres.
    let context: OpaquePointer
    /// Width and height of the drawable area in millimetres.
    public let width: Double
    public let height: Double
    /// Whether the surface is a raster image, where the canvas turns antialiasing off for QR modules.
    let isRaster: Bool

    init(context: OpaquePointer, width: Double, height: Double, unitsPerMillimetre: Double, isRaster: Bool) {
        self.context = context
        self.width = width
        self.height = height
        self.isRaster = isRaster
        cairo_scale(context, unitsPerMillimetre, unitsPerMillimetre)
        // Unhinted glyph metrics keep text widths the same at every scale, so a layout measured for PDF also fits
        // the PNG and SVG renderings of the same artwork.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// Fills a rectangle.
    public func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: Color) {
        setColor(color)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    /// Strokes the outline of a rectangle with rounded corners; `lineWidth` and `radius` are in millimetres.
    public func strokeRoundedRectangle(
        x: Double, y: Double, width: Double, height: Double, radius: Double, lineWidth: Double, color: Color
    ) {
        let r = min(radius, width / 2, height / 2)
        cairo_new_sub_path(context)
        cairo_arc(context, x + width - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(context, x + width - r, y + height - r, r, 0, Double.pi / 2)
        cairo_arc(context, x + r, y + height - r, r, Double.pi / 2, Double.pi)
        cairo_arc(context, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(context)
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_stroke(context)
    }

    /// Draws text wrapped to `width` with its top-left corner at `x`, `y` and returns the height it took.
    ///
    /// Lines break between words, or inside a word that is longer than a line. With `maxLines`, text beyond that
    /// many lines is cut and ends with an ellipsis.
    @discardableResult
    public func drawText(
        _ text: String, x: Double, y: Double, width: Double, font: Font, color: Color = .black,
        alignment: TextAlignment = .left, maxLines: Int? = nil
    ) -> Double {
        let layout = makeLayout(text, width: width, font: font, alignment: alignment, maxLines: maxLines)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        setColor(color)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout)
        return layoutHeight(layout)
    }

    /// Measures the height that `drawText` with the same arguments would take, without drawing.
    public func measureText(
        _ text: String, width: Double, font: Font, alignment: TextAlignment = .left, maxLines: Int? = nil
    ) -> Double {
        let layout = makeLayout(text, width: width, font: font, alignment: alignment, maxLines: maxLines)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return layoutHeight(layout)
    }

    /// Draws a QR code as a square of side `side` millimetres, quiet zone included, on a white background.
    public func draw(_ code: QRCode, x: Double, y: Double, side: Double) {
        let moduleSide = side / Double(code.size + 2 * QRCode.quietZone)
        fillRectangle(x: x, y: y, width: side, height: side, color: .white)
        cairo_save(context)
        if isRaster {
            // Antialiased module edges blur into grey on a pixel grid and make scanning less reliable.
            cairo_set_antialias(context, CAIRO_ANTIALIAS_NONE)
        }
        // One path of all dark modules, filled once, so that neighbouring modules leave no seams between them.
        cairo_new_path(context)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                cairo_rectangle(
                    context, x + Double(column + QRCode.quietZone) * moduleSide,
                    y + Double(row + QRCode.quietZone) * moduleSide, moduleSide, moduleSide)
            }
        }
        setColor(.black)
        cairo_fill(context)
        cairo_restore(context)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }

    /// Creates a pango layout for `text`. The caller releases it with `g_object_unref`.
    private func makeLayout(
        _ text: String, width: Double, font: Font, alignment: TextAlignment, maxLines: Int?
    ) -> OpaquePointer {
        let pangoContext = pango_cairo_create_context(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(pangoContext)) }
        // Pango rounds glyph positions to whole user units by default, and a user unit here is a whole millimetre.
        pango_context_set_round_glyph_positions(pangoContext, 0)
        let layout = pango_layout_new(pangoContext)!
        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        // An absolute size is in cairo user units, which are millimetres here.
        pango_font_description_set_absolute_size(description, font.sizeInMillimetres * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        pango_layout_set_width(layout, pango_units_from_double(width))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, alignment.pangoAlignment)
        if let maxLines {
            // A negative height limits the number of lines instead of the height in units.
            pango_layout_set_height(layout, -Int32(maxLines))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    private func layoutHeight(_ layout: OpaquePointer) -> Double {
        var width: Int32 = 0
        var height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        return pango_units_to_double(height)
    }
}

/// Horizontal alignment of wrapped text.
public enum TextAlignment: Sendable {
    case left
    case center
    case right

    var pangoAlignment: PangoAlignment {
        switch self {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
    }
}
