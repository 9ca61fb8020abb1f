import Foundation

/// Reads an import file on a background thread while the calling thread consumes its rows.
///
/// Parsing and the consumer's work (validation, sending rows to PostgreSQL) each took about half of the import's CPU
/// time in bench/import.sh, so on two cores both halves run at once. At most `ImportPipeline.queuedBatches` batches of rows
/// wait between the threads, so memory stays bounded whatever the file size.
public enum ImportPipeline {
    static let rowsPerBatch = 256
    static let queuedBatches = 16

    /// Reads `url` like `ImportReader.stream` and calls `consume` with every debtor and receivable, in file order,
    /// on the calling thread.
    ///
    /// When `consume` throws, reading stops and the error is rethrown. When reading fails, the rows read before the
    /// failure are consumed first, and then the reader's error is rethrown.
    public static func stream(
        _ url: URL, fileName: String? = nil, limits: ImportLimits = ImportLimits(),
        consume: (ImportedItem) throws -> Void
    ) throws -> ImportBatch {
        let channel = RowChannel(capacity: queuedBatches)
        let reader = Thread {
            let outcome: Result<ImportBatch, any Error>
            var pending: [ImportedItem] = []
            pending.reserveCapacity(rowsPerBatch)
            do {
                let batch = try ImportReader.stream(url, fileName: fileName, limits: limits) { row in
                    pending.append(row)
                    if pending.count == rowsPerBatch {
                        try channel.put(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                if !pending.isEmpty { try channel.put(pending) }
                outcome = .success(batch)
            } catch {
                // The rows read before a broken part of the file still reach the consumer, unless it gave up.
                if !(error is RowChannel.Cancelled) && !pending.isEmpty { try? channel.put(pending) }
                outcome = .failure(error)
            }
            channel.finish(outcome)
        }
        // libxml2 and the format handlers recurse per element; the default secondary stack is small.
        reader.stackSize = 8 * 1024 * 1024
        reader.start()
        do {
            while let rows = channel.take() {
                for row in rows { try consume(row) }
            }
        } catch {
            channel.cancel()
            _ = channel.waitForOutcome()
            throw error
        }
        return try channel.waitForOutcome().get()
    }
}

/// The bounded queue between the reading thread and the consuming one.
///
/// Thread-safety: every member takes `condition`; the class is shared by exactly two threads.
private final class RowChannel: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[ImportedItem]] = []
    private var outcome: Result<ImportBatch, any Error>?
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues rows, waiting while the queue is full; throws once the consumer has given up.
    func put(_ rows: [ImportedItem]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(rows)
        condition.broadcast()
    }

    /// Returns the next rows, waiting for them, or nil once the reader has finished and every row was taken.
    func take() -> [ImportedItem]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcome == nil { condition.wait() }
        if batches.isEmpty { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    func finish(_ result: Result<ImportBatch, any Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the reader has finished and returns how it ended.
    func waitForOutcome() -> Result<ImportBatch, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}
