import CPangoCairo

/// Bytes that a cairo surface writes through its stream callback.
///
/// Owner: the rendering call that creates the surface; it keeps the sink alive until the surface is finished.
/// Thread-safety: none needed, because cairo calls the callback on the thread that draws.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The pointer to pass as the callback's closure argument; valid while the sink is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The callback for `cairo_*_create_for_stream` and `cairo_surface_write_to_png_stream`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
