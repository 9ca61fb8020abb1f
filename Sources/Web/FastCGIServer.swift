import CFastCGI
import Foundation
import Synchronization

/// A FastCGI server on libfcgi's reentrant API with a fixed number of worker threads.
///
/// Each thread accepts one connection at a time (`FCGX_Accept_r`), decodes it into a `Request`, calls the handler
/// with its own per-thread worker value (for the portal: its own PostgreSQL connection) and writes the `Response`.
/// On SIGTERM or SIGINT the listening socket is shut down, requests in flight finish, and `run` returns.
public final class FastCGIServer: Sendable {
    public struct Configuration: Sendable {
        /// A unix socket path (`/srv/kolektor/portal.sock`) or `:port` / `host:port` for TCP.
        public var listenAddress: String
        public var threads: Int
        public var backlog: Int
        /// Largest request body read into memory; larger requests get 413 without their body being read.
        public var maxBodyBytes: Int
        /// Permissions of a unix socket, so that nginx running as another user can connect.
        public var socketMode: mode_t
        /// Largest body of a request to one of `uploadPaths`, such as an import file.
        public var maxUploadBytes: Int
        /// Exact paths that accept uploads up to `maxUploadBytes`.
        public var uploadPaths: Set<String>

        public init(listenAddress: String, threads: Int = 4, backlog: Int = 256, maxBodyBytes: Int = 1 << 20,
                    socketMode: mode_t = 0o660, maxUploadBytes: Int = 1 << 20, uploadPaths: Set<String> = [])
        {
            self.listenAddress = listenAddress
            self.threads = threads
            self.backlog = backlog
            self.maxBodyBytes = maxBodyBytes
            self.socketMode = socketMode
            self.maxUploadBytes = maxUploadBytes
            self.uploadPaths = uploadPaths
        }

        /// Returns the body limit for a request target: the upload limit for upload paths, the general one otherwise.
        public func bodyLimit(target: String) -> Int {
            let path = Request.splitTarget(target).0
            return uploadPaths.contains(path) ? max(maxUploadBytes, maxBodyBytes) : maxBodyBytes
        }
    }

    public let configuration: Configuration
    let logger: Logger
    private let listenDescriptor: Int32
    private let stopping = Atomic<Bool>(false)

    /// Opens the listening socket; throws when the address cannot be bound.
    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        guard FCGX_Init() == 0 else { throw ServerError(function: "FCGX_Init", code: -1) }
        let isUnixSocket = configuration.listenAddress.hasPrefix("/")
        if isUnixSocket {
            // A socket file left by a killed process would make bind fail.
            unlink(configuration.listenAddress)
        }
        let descriptor = FCGX_OpenSocket(configuration.listenAddress, Int32(configuration.backlog))
        guard descriptor >= 0 else { throw ServerError(function: "FCGX_OpenSocket", code: descriptor) }
        if isUnixSocket {
            chmod(configuration.listenAddress, configuration.socketMode)
        }
        listenDescriptor = descriptor
    }

    /// Serves requests until SIGTERM or SIGINT, then waits for requests in flight and returns.
    ///
    /// `makeWorker` runs once on each thread; its value is used only on that thread, so it needs no locking.
    public func run<Worker>(
        makeWorker: @escaping @Sendable (_ threadIndex: Int) -> Worker,
        handle: @escaping @Sendable (Worker, Request) -> Response,
        reject: @escaping @Sendable (_ status: Int) -> Response
    ) {
        // A client that went away makes writes fail with EPIPE; without this, SIGPIPE would kill the process.
        signal(SIGPIPE, SIG_IGN)
        let signalSources = installStopSignals()
        let finished = DispatchSemaphore(value: 0)
        for index in 0..<configuration.threads {
            let thread = Thread { [self] in
                let worker = makeWorker(index)
                serveLoop(worker: worker, handle: handle, reject: reject)
                finished.signal()
            }
            thread.name = "fcgi-\(index)"
            thread.start()
        }
        logger.info("server started", ["listen": configuration.listenAddress, "threads": "\(configuration.threads)"])
        for _ in 0..<configuration.threads { finished.wait() }
        signalSources.forEach { $0.cancel() }
        if configuration.listenAddress.hasPrefix("/") { unlink(configuration.listenAddress) }
        logger.info("server stopped")
    }

    /// Stops accepting connections; threads finish their current request and leave `run`.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        FCGX_ShutdownPending()
        // Wakes every thread blocked in accept(): on Linux a shut-down listening socket fails accept with EINVAL.
        shutdown(listenDescriptor, Int32(SHUT_RDWR))
    }

    private func installStopSignals() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                logger.info("stop signal received", ["signal": "\(number)"])
                stop()
            }
            source.resume()
            return source
        }
    }

    private func serveLoop<Worker>(
        worker: Worker, handle: (Worker, Request) -> Response, reject: (Int) -> Response
    ) {
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        defer { request.deallocate() }
        guard FCGX_InitRequest(request, listenDescriptor, 0) == 0 else {
            logger.error("FCGX_InitRequest failed")
            return
        }
        while !stopping.load(ordering: .relaxed) {
            let accepted = FCGX_Accept_r(request)
            if accepted < 0 {
                if stopping.load(ordering: .relaxed) { break }
                logger.warning("FCGX_Accept_r failed", ["code": "\(accepted)"])
                usleep(10_000)
                continue
            }
            let response: Response
            switch decode(request) {
            case .success(let decoded):
                response = handle(worker, decoded)
                write(response, omitBody: decoded.method == "HEAD", to: request.pointee.out)
            case .failure(let rejection):
                response = reject(rejection.status)
                write(response, omitBody: false, to: request.pointee.out)
            }
            FCGX_Finish_r(request)
        }
        FCGX_Free(request, 1)
    }

    private func decode(_ request: UnsafeMutablePointer<FCGX_Request>) -> Result<Request, ResponseRejection> {
        var parameters: [String: String] = [:]
        if var cursor = request.pointee.envp {
            while let entry = cursor.pointee {
                // Split NAME=value on the bytes: Character-wise search showed up in request profiles.
                let bytes = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
                if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                    let name = String(decoding: bytes[..<equals], as: UTF8.self)
                    parameters[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                }
                cursor += 1
            }
        }
        let contentLength = Int(parameters["CONTENT_LENGTH"] ?? "") ?? 0
        guard contentLength >= 0 else { return .failure(ResponseRejection(status: 400)) }
        // NOTE: an accepted body is held in memory whole, so each worker thread may hold one upload of up to
        // maxUploadBytes at a time. Streaming uploads to a file would remove that cost.
        guard contentLength <= configuration.bodyLimit(target: parameters["REQUEST_URI"] ?? "/") else {
            return .failure(ResponseRejection(status: 413))
        }
        var body = [UInt8](repeating: 0, count: contentLength)
        if contentLength > 0 {
            let read = body.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: contentLength) { pointer in
                    FCGX_GetStr(pointer, Int32(contentLength), request.pointee.in)
                }
            }
            // A client that disconnected sends less than it announced; never act on half a form.
            guard read == contentLength else { return .failure(ResponseRejection(status: 400)) }
        }
        return .success(FastCGIServer.makeRequest(parameters: parameters, body: body))
    }

    /// Builds a `Request` from FastCGI parameters (`REQUEST_METHOD`, `REQUEST_URI`, `HTTP_*` headers, …).
    static func makeRequest(parameters: [String: String], body: [UInt8]) -> Request {
        var headers: [String: String] = [:]
        for (name, value) in parameters where name.hasPrefix("HTTP_") {
            // HTTP_USER_AGENT -> user-agent, byte by byte: this runs for every header of every request.
            let bytes = name.utf8.dropFirst(5).map { byte -> UInt8 in
                if byte == UInt8(ascii: "_") { return UInt8(ascii: "-") }
                return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            }
            headers[String(decoding: bytes, as: UTF8.self)] = value
        }
        if let contentType = parameters["CONTENT_TYPE"], !contentType.isEmpty {
            headers["content-type"] = contentType
        }
        let target = parameters["REQUEST_URI"] ?? "/"
        let (path, query) = Request.splitTarget(target)
        return Request(
            method: parameters["REQUEST_METHOD"] ?? "GET", path: path, query: query, headers: headers, body: body,
            remoteAddress: parameters["REMOTE_ADDR"] ?? "", isHTTPS: (parameters["HTTPS"] ?? "").lowercased() == "on",
            requestID: parameters["REQUEST_ID"] ?? "")
    }

    private func write(_ response: Response, omitBody: Bool, to stream: UnsafeMutablePointer<FCGX_Stream>?) {
        // Write failures mean the client or nginx went away; there is nobody left to tell, so they are ignored.
        let head = Array(response.head.utf8)
        head.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                _ = FCGX_PutStr(pointer, Int32(buffer.count), stream)
            }
        }
        guard !omitBody, !response.body.isEmpty else { return }
        response.body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                _ = FCGX_PutStr(pointer, Int32(buffer.count), stream)
            }
        }
    }
}

/// A request refused before it reached the application (body too large, body cut short).
struct ResponseRejection: Error {
    let status: Int
}

/// A libfcgi call that failed, named with its return code.
public struct ServerError: Error, CustomStringConvertible {
    public let function: String
    public let code: Int32

    public var description: String { "\(function) failed with \(code)" }
}
