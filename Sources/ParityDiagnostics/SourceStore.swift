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
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return line == 1 ? "" : nil }
            // memchr keeps this fast on huge single-line files, even in debug builds.
            let hasCR = memchr(base, 0x0D, buffer.count) != nil
            var start = 0
            var current = 1
            while current < line {
                guard let next = Self.lineBreak(in: buffer, from: start, hasCR: hasCR) else { return nil }
                start = next.end
                current += 1
            }
            let end = Self.lineBreak(in: buffer, from: start, hasCR: hasCR)?.start ?? buffer.count
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// The next line break at or after `offset`: where it starts and where the next line starts.
    private static func lineBreak(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int, hasCR: Bool) -> (start: Int, end: Int)? {
        guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
        if !hasCR {
            guard let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            return (index, index + 1)
        }
        var index = offset
        while index < buffer.count {
            if buffer[index] == 0x0A { return (index, index + 1) }
            if buffer[index] == 0x0D {
                let crlf = index + 1 < buffer.count && buffer[index + 1] == 0x0A
                return (index, index + (crlf ? 2 : 1))
            }
            index += 1
        }
        return nil
    }
}
