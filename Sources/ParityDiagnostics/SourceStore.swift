import Foundation

/// The text of the files that were read, kept so diagnostics can quote the offending line.
///
/// The loaders register what they read; nothing is read twice from disk for a diagnostic.
public final class SourceStore: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: [UInt8]] = [:]

    public init() {}

    /// Remembers the bytes of `file`.
    public func register(_ file: String, bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        texts[file] = bytes
    }

    /// The text of 1-based `line` of `file`, without its line break, if it was registered.
    public func line(_ line: Int, of file: String) -> String? {
        lock.lock()
        let bytes = texts[file]
        lock.unlock()
        guard let bytes, line >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count, current < line {
            let byte = bytes[index]
            if byte == 0x0A {
                current += 1
                start = index + 1
            } else if byte == 0x0D {
                current += 1
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        guard current == line, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
