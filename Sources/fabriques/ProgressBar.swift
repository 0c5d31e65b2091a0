import Foundation

/// A progress bar on standard error, drawn only when it is a terminal (logs and pipes stay clean).
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = max(total, 1) }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.withLock {
            let width = 30
            let filled = min(width, done * width / total)
            let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
}
