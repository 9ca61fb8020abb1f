import CCurl
import CCurlShim
import Foundation

/// One libcurl easy handle.
///
/// Owner: the `CurlHandle` owns its `CURL*` and cleans it up in `deinit`; header lists passed to options are kept
/// alive until the next `reset` or until the handle goes away, because libcurl only borrows them.
/// Thread-safety: none; use a handle on one thread at a time (each delivery worker holds its own).
/// libcurl keeps the connection open between transfers, so one handle reuses its SMTP or HTTP connection.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private var strings: [UnsafeMutablePointer<CChar>] = []

    init() throws {
        CurlHandle.initializeOnce
        guard let handle = curl_easy_init() else { throw DeliveryError(.temporary, "curl_easy_init failed") }
        self.handle = handle
    }

    deinit {
        releaseOptions()
        curl_easy_cleanup(handle)
    }

    /// Clears options from the previous transfer but keeps open connections for reuse.
    func reset() {
        curl_easy_reset(handle)
        releaseOptions()
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(kolektor_curl_setopt_long(handle, option, value), "curl_easy_setopt(\(option.rawValue))")
    }

    func set(_ option: CURLoption, _ value: String) throws {
        // libcurl copies most strings, but not all (CURLOPT_POSTFIELDS), so copies live as long as the options.
        let copy = strdup(value)!
        strings.append(copy)
        try check(kolektor_curl_setopt_string(handle, option, copy), "curl_easy_setopt(\(option.rawValue))")
    }

    func set(_ option: CURLoption, list values: [String]) throws {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values {
            list = curl_slist_append(list, value)
        }
        if let list { lists.append(list) }
        try check(kolektor_curl_setopt_slist(handle, option, list), "curl_easy_setopt(\(option.rawValue))")
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(kolektor_curl_setopt_pointer(handle, option, pointer), "curl_easy_setopt(\(option.rawValue))")
    }

    func setReadFunction(_ function: @convention(c) (UnsafeMutablePointer<CChar>, Int, Int, UnsafeMutableRawPointer?) -> Int) throws {
        try check(kolektor_curl_setopt_read_function(handle, function), "curl_easy_setopt(READFUNCTION)")
    }

    func setWriteFunction(_ function: @convention(c) (UnsafeMutablePointer<CChar>, Int, Int, UnsafeMutableRawPointer?) -> Int) throws {
        try check(kolektor_curl_setopt_write_function(handle, function), "curl_easy_setopt(WRITEFUNCTION)")
    }

    /// Runs the transfer; returns libcurl's result code rather than throwing, so callers classify failures.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    /// The last response code of the transfer: the SMTP reply code or the HTTP status.
    var responseCode: Int {
        var code = 0
        _ = kolektor_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    static func message(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    /// The one place that turns a failing libcurl status into an error naming the function.
    private func check(_ code: CURLcode, _ function: String) throws {
        guard code == CURLE_OK else {
            throw DeliveryError(.temporary, "\(function) failed: \(CurlHandle.message(code))")
        }
    }

    private func releaseOptions() {
        lists.forEach { curl_slist_free_all($0) }
        lists.removeAll()
        strings.forEach { free($0) }
        strings.removeAll()
    }

    /// curl_global_init is not thread-safe; a lazy static runs it exactly once, before the first handle.
    private static let initializeOnce: Void = {
        _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()
}

/// A byte buffer handed to libcurl's read callback through an opaque pointer.
final class UploadBuffer {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// libcurl's read callback: copies the next chunk into `destination`.
    static let readCallback: @convention(c) (UnsafeMutablePointer<CChar>, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        destination, size, count, context in
        guard let context else { return 0 }
        let buffer = Unmanaged<UploadBuffer>.fromOpaque(context).takeUnretainedValue()
        let length = min(size * count, buffer.bytes.count - buffer.offset)
        guard length > 0 else { return 0 }
        buffer.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(destination).copyMemory(from: source.baseAddress! + buffer.offset, byteCount: length)
        }
        buffer.offset += length
        return length
    }
}

/// Response bytes collected by libcurl's write callback.
final class DownloadBuffer {
    var bytes: [UInt8] = []
    /// Responses larger than this are cut, so a misbehaving gateway cannot fill memory.
    let limit = 64 * 1024

    static let writeCallback: @convention(c) (UnsafeMutablePointer<CChar>, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        source, size, count, context in
        guard let context else { return 0 }
        let buffer = Unmanaged<DownloadBuffer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let room = max(0, buffer.limit - buffer.bytes.count)
        if room > 0 {
            source.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: min(length, room)))
            }
        }
        return length
    }
}
