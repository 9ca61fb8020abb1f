import Foundation

/// Writes messages as files instead of sending them: the development stand-in for SMTP and the SMS gateway.
///
/// Each message gets one file named by its outbox id, written to a temporary name and renamed, so a reader never
/// sees half a file and a retry after a crash overwrites the same file instead of adding a second one.
public struct FileDrop: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func write(_ bytes: [UInt8], name: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let final = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let temporary = URL(fileURLWithPath: directory).appendingPathComponent(".\(name).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if FileManager.default.fileExists(atPath: final.path) {
                try FileManager.default.removeItem(at: final)
            }
            try FileManager.default.moveItem(at: temporary, to: final)
        } catch {
            throw DeliveryError(.temporary, "writing \(name) to \(directory) failed")
        }
    }
}
