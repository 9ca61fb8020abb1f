import CLibPQ
import Foundation

/// One PostgreSQL connection over libpq.
///
/// Owner: the `Connection` owns its `PGconn` and finishes it in `close()` or, failing that, in `deinit`.
/// Thread-safety: none. libpq connections must not be shared between threads, so each FastCGI worker thread
/// and each background job holds its own (see `Database`).
public final class Connection {
    private var handle: OpaquePointer?

    /// Connects with a libpq connection string (`host=/path dbname=kolektor` or a `postgresql://` URL).
    ///
    /// Every session runs in UTC with ISO dates, which `Row.instant` relies on.
    public init(conninfo: String) throws {
        handle = PQconnectdb(Connection.withConnectTimeout(conninfo))
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let handle { PQfinish(handle) }
            self.handle = nil
            throw StoreError(.unavailable, context: "PQconnectdb", serverMessage: message)
        }
        try executeScript("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET bytea_output = 'hex'; SET client_min_messages = warning")
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Closes the connection; further statements fail with `.unavailable`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Whether the connection is still usable; false after the server went away during a statement.
    public var isHealthy: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Calls `body` with the open libpq handle, for extensions in this module that need calls beyond statements.
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        guard let handle else { throw StoreError(.unavailable, context: "closed connection") }
        return try body(handle)
    }

    /// Runs one statement with its parameters bound by the server (`PQexecParams`), never spliced into the text.
    @discardableResult
    public func query(_ sql: SQL) throws -> QueryResult {
        guard let handle else { throw StoreError(.unavailable, context: "closed connection") }
        // libpq reads parameters as C strings and would cut a value at a NUL byte without telling anyone.
        if sql.parameters.contains(where: { $0?.utf8.contains(0) == true }) {
            throw StoreError(.statementFailed, context: "parameter contains a NUL byte")
        }
        let result = withParameterPointers(sql.parameters) { pointers in
            PQexecParams(handle, sql.text, Int32(pointers.count), nil, pointers, nil, nil, 0)
        }
        return try consume(result, context: "PQexecParams")
    }

    /// Runs trusted SQL that may hold several statements and no parameters, such as a migration file.
    public func executeScript(_ text: String) throws {
        guard let handle else { throw StoreError(.unavailable, context: "closed connection") }
        _ = try consume(PQexec(handle, text), context: "PQexec")
    }

    /// Runs `body` inside BEGIN … COMMIT; any thrown error rolls the whole transaction back and is rethrown.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try executeScript("BEGIN")
        do {
            let value = try body(self)
            try executeScript("COMMIT")
            return value
        } catch {
            if isHealthy { try? executeScript("ROLLBACK") }
            throw error
        }
    }

    /// Copies a libpq result into a `QueryResult` and clears it; the one place that checks libpq result status.
    private func consume(_ result: OpaquePointer?, context: String) throws -> QueryResult {
        guard let result else {
            throw StoreError(.unavailable, context: context, serverMessage: handle.map { String(cString: PQerrorMessage($0)) } ?? "")
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(result))
            let code: StoreError.Code = isHealthy ? .statementFailed : .unavailable
            throw StoreError(code, context: context, sqlState: sqlState, serverMessage: message)
        }
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        var index: [String: Int] = [:]
        for column in 0..<columnCount {
            let name = String(cString: PQfname(result, Int32(column)))
            columns.append(name)
            if index[name] == nil { index[name] = column }
        }
        let rowCount = Int(PQntuples(result))
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(Row(columnIndex: index, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? rowCount
        return QueryResult(columns: columns, rows: rows, affectedRows: affected)
    }

    /// Adds a connect timeout unless the caller set one, so an unreachable server fails fast instead of hanging a worker.
    static func withConnectTimeout(_ conninfo: String) -> String {
        if conninfo.contains("connect_timeout") { return conninfo }
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://") {
            return conninfo + (conninfo.contains("?") ? "&" : "?") + "connect_timeout=3"
        }
        return conninfo + " connect_timeout=3"
    }
}

/// Calls `body` with C strings for the parameters; the pointers live only for the duration of the call.
private func withParameterPointers<T>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let storage: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
    defer { storage.forEach { free($0) } }
    return body(storage.map { UnsafePointer($0) })
}
