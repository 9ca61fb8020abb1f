import Synchronization

/// Log lines collected from a logger sink, which may be called from any thread.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }
}
