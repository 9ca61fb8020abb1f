import CLibPQ
import Foundation

/// Writes rows into a running `COPY … FROM STDIN` in PostgreSQL's text format.
///
/// Rows are encoded into one buffer and handed to libpq every 256 KiB, so memory stays constant however many rows go
/// through. The server parses them while the caller produces the next ones, which is what makes bulk loads fast.
public final class CopyRowWriter {
    private let handle: OpaquePointer
    private var buffer: [UInt8] = []
    private var fieldsInRow = 0
    public private(set) var rowCount = 0

    static let flushThreshold = 256 * 1024

    init(handle: OpaquePointer) {
        self.handle = handle
        buffer.reserveCapacity(CopyRowWriter.flushThreshold + 4096)
    }

    /// Appends a text field; tabs, line breaks and backslashes are escaped as COPY's text format requires.
    public func field(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                buffer.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(byte)
                case 0x09: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
                case 0x0A: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
                // A NUL cannot be stored in a text column; COPY would reject the whole load, so it is dropped.
                case 0x00: break
                default: buffer.append(byte)
                }
            }
        }
    }

    public func field(_ value: Int64) {
        separate()
        appendDecimal(value)
    }

    public func field(_ value: Int) {
        field(Int64(value))
    }

    public func field(_ value: Bool) {
        separate()
        buffer.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// Appends SQL NULL.
    public func null() {
        separate()
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "N"))
    }

    /// Ends the current row and sends the buffer to the server when it is full.
    public func endRow() throws {
        buffer.append(0x0A)
        fieldsInRow = 0
        rowCount += 1
        if buffer.count >= CopyRowWriter.flushThreshold { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                PQputCopyData(handle, $0, Int32(bytes.count))
            }
        }
        guard sent == 1 else {
            throw StoreError(
                .unavailable, context: "PQputCopyData", serverMessage: String(cString: PQerrorMessage(handle)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func separate() {
        if fieldsInRow > 0 { buffer.append(0x09) }
        fieldsInRow += 1
    }

    private func appendDecimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }
}

extension Connection {
    /// Runs `statement` (a `COPY table (columns) FROM STDIN`) and lets `body` write its rows.
    ///
    /// When `body` throws, the copy is abandoned and the server discards every row of it; the error is rethrown.
    /// Returns the number of rows written.
    @discardableResult
    public func copyIn(_ statement: String, _ body: (CopyRowWriter) throws -> Void) throws -> Int {
        try withHandle { handle in
            let start = PQexec(handle, statement)
            let status = PQresultStatus(start)
            let startMessage = String(cString: PQresultErrorMessage(start))
            PQclear(start)
            guard status == PGRES_COPY_IN else {
                throw StoreError(.statementFailed, context: "COPY FROM STDIN", serverMessage: startMessage)
            }
            let writer = CopyRowWriter(handle: handle)
            do {
                try body(writer)
                try writer.flush()
            } catch {
                _ = PQputCopyEnd(handle, "abandoned by the client")
                drainResults(handle)
                throw error
            }
            guard PQputCopyEnd(handle, nil) == 1 else {
                throw StoreError(
                    .unavailable, context: "PQputCopyEnd", serverMessage: String(cString: PQerrorMessage(handle)))
            }
            var failure: StoreError?
            while let result = PQgetResult(handle) {
                if PQresultStatus(result) != PGRES_COMMAND_OK && failure == nil {
                    let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
                    failure = StoreError(
                        .statementFailed, context: "COPY FROM STDIN", sqlState: sqlState,
                        serverMessage: String(cString: PQresultErrorMessage(result)))
                }
                PQclear(result)
            }
            if let failure { throw failure }
            return writer.rowCount
        }
    }

    /// Reads and clears the results of an ended copy, so the connection is ready for the next statement.
    private func drainResults(_ handle: OpaquePointer) {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}
