import Foundation

/// The text of the files that were read, kept so diagnostics can quote the offending line.
///
/// The loaders register what they read; nothing is read twice from disk for a diagnostic.
public final class SourceStore: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: [UInt8]] = [:]
    private var masked: Set<String> = []
    /// Where each line of a file starts, computed when a region is first asked for.
    private var lineStarts: [String: [Int]] = [:]

    public init() {}

    /// Keys whose values are secrets: a quoted line shows `key: ****` in their place, even
    /// when the file is too broken to know which values are secrets any other way.
    public var maskedKeys: Set<String> {
        get {
            lock.lock()
            defer { lock.unlock() }
            return masked
        }
        set {
            lock.lock()
            masked = newValue
            lock.unlock()
        }
    }

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
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            return masked.isEmpty ? text : Self.mask(text, keys: masked)
        }
    }

    /// `line` with the value after each `key:` of `keys` replaced by stars, to the end of a
    /// block value or the next `,` or `}` of a flow one (quotes respected).
    static func mask(_ line: String, keys: Set<String>) -> String {
        var scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            // A key starts after the line's start, a space, `{`, `,` or `-`.
            let startsKey = index == 0 || " \t{,-".unicodeScalars.contains(scalars[index - 1])
            guard startsKey, let key = keys.first(where: { matches($0, in: scalars, at: index) }) else {
                index += 1
                continue
            }
            var cursor = index + key.unicodeScalars.count + 1
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            var quote: Unicode.Scalar?
            if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" { quote = scalars[cursor] }
            var end = cursor + (quote == nil ? 0 : 1)
            while end < scalars.count {
                let scalar = scalars[end]
                if let quote {
                    // '' inside single quotes and \" inside double quotes are escapes, not the end.
                    let next = end + 1 < scalars.count ? scalars[end + 1] : nil
                    if quote == "'", scalar == "'", next == "'" { end += 2; continue }
                    if quote == "\"", scalar == "\\" { end += 2; continue }
                    if scalar == quote { break }
                } else if scalar == "," || scalar == "}" || scalar == "#" {
                    break
                }
                end += 1
            }
            end = min(end, scalars.count)
            let from = cursor + (quote == nil ? 0 : 1)
            // Keep trailing spaces of a flow value, mask the value itself.
            var last = end
            while quote == nil, last > from, scalars[last - 1] == " " { last -= 1 }
            if from < last { for position in from..<last { scalars[position] = "*" } }
            index = max(end, index + 1)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func matches(_ key: String, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let keyScalars = Array(key.unicodeScalars)
        guard index + keyScalars.count < scalars.count, scalars[index + keyScalars.count] == ":" else { return false }
        return Array(scalars[index..<index + keyScalars.count]) == keyScalars
    }

    /// The raw bytes of 1-based `line` of `file`, without its line break (unmasked: callers
    /// measure it and never print it). Line starts are indexed once per file.
    func rawLine(_ line: Int, of file: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = texts[file], line >= 1 else { return nil }
        let starts: [Int]
        if let known = lineStarts[file] {
            starts = known
        } else {
            var found = [0]
            bytes.withUnsafeBufferPointer { buffer in
                let hasCR = buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
                var offset = 0
                while let next = Self.lineBreak(in: buffer, from: offset, hasCR: hasCR) {
                    found.append(next.end)
                    offset = next.end
                }
            }
            lineStarts[file] = found
            starts = found
        }
        guard line <= starts.count else { return nil }
        var end = line < starts.count ? starts[line] : bytes.count
        while end > starts[line - 1], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Array(bytes[starts[line - 1]..<end])
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
