import Foundation

/// The text of the files that were read, kept so diagnostics can quote the offending line.
///
/// The loaders register what they read; nothing is read twice from disk for a diagnostic.
public final class SourceStore: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: [UInt8]] = [:]
    /// Where each line of a file starts, computed when a region is first asked for.
    private var lineStarts: [String: [Int]] = [:]

    public init() {}

    /// Finds where a file's secrets are written (from its parsed events); what it finds is
    /// never quoted: an excerpt shows `****` in its place, whatever the secret's length.
    public var secretFinder: (@Sendable ([UInt8]) -> [SourceRegion])? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return finder
        }
        set {
            lock.lock()
            finder = newValue
            hidden.removeAll()
            lock.unlock()
        }
    }

    private var finder: (@Sendable ([UInt8]) -> [SourceRegion])?
    /// Files whose secrets another finder knows (an import's compose file, not one of Parity's).
    private var finders: [String: @Sendable ([UInt8]) -> [SourceRegion]] = [:]
    /// The secrets of each file, found when one of its lines is first quoted.
    private var hidden: [String: [SourceRegion]] = [:]

    /// Remembers the bytes of `file`, whose secrets `secrets` finds instead of `secretFinder`.
    public func register(_ file: String, bytes: [UInt8], secrets: @escaping @Sendable ([UInt8]) -> [SourceRegion]) {
        register(file, bytes: bytes)
        lock.lock()
        finders[file] = secrets
        lock.unlock()
    }

    /// Remembers the bytes of `file`.
    public func register(_ file: String, bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        forget(file)
        texts[file] = bytes
    }

    /// Forgets what was known of `file`: its bytes or how to read them again, and what was
    /// worked out from them. The caller holds the lock.
    private func forget(_ file: String) {
        texts[file] = nil
        rereadable[file] = nil
        lineStarts[file] = nil
        columnCheckpoints = columnCheckpoints.filter { !$0.key.hasSuffix(":" + file) }
        hidden[file] = nil
    }

    /// Registers a file whose bytes can be read again, keeping only what tells them apart: a
    /// large repository's files are as large as its model, and their lines are quoted only for
    /// the few diagnostics that point into them. The first quote reads the file again; bytes
    /// that are no longer the same are not quoted at all (the store answers as for a file it
    /// never read), so no line of another version is shown at this version's line numbers.
    public func register(_ file: String, bytes: [UInt8], rereading reread: @escaping @Sendable () -> [UInt8]?) {
        register(file, fingerprint: Fingerprint(bytes), rereading: reread)
    }

    /// As `register(_:bytes:rereading:)`, with the bytes' fingerprint taken where they were read.
    public func register(_ file: String, fingerprint: Fingerprint, rereading reread: @escaping @Sendable () -> [UInt8]?) {
        lock.lock()
        defer { lock.unlock() }
        forget(file)
        rereadable[file] = (fingerprint, reread)
    }

    /// What tells one file's bytes from another version's: their length and a 64-bit hash.
    public struct Fingerprint: Hashable, Sendable {
        public let count: Int
        public let hash: UInt64

        public init(_ bytes: [UInt8]) {
            count = bytes.count
            hash = bytes.withUnsafeBytes(ByteHash.hash)
        }
    }

    private var rereadable: [String: (fingerprint: Fingerprint, reread: @Sendable () -> [UInt8]?)] = [:]

    /// The file's bytes, read again if it was registered to be; the caller holds the lock.
    private func text(of file: String) -> [UInt8]? {
        if let bytes = texts[file] { return bytes }
        guard let (fingerprint, reread) = rereadable.removeValue(forKey: file) else { return nil }
        guard let bytes = reread(), Fingerprint(bytes) == fingerprint else { return nil }
        texts[file] = bytes
        return bytes
    }

    /// The names of every file registered, in no particular order: the inputs of a run. A file
    /// is in `texts` or in `rereadable`, never both.
    public var files: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(texts.keys) + rereadable.keys
    }

    /// Where the secrets of `file` are written, found when first asked for.
    public func hiddenRegions(of file: String) -> [SourceRegion] {
        lock.lock()
        defer { lock.unlock() }
        if let known = hidden[file] { return known }
        let regions = text(of: file).flatMap { bytes in (finders[file] ?? finder)?(bytes) } ?? []
        hidden[file] = regions
        return regions
    }

    /// The columns of 1-based `line` of `file` that hold secrets, as 1-based half-open ranges.
    public func hiddenColumns(onLine line: Int, of file: String) -> [Range<Int>] {
        let regions = hiddenRegions(of: file)
        return regions.compactMap { region -> Range<Int>? in
            guard region.startLine <= line, region.endLine >= line else { return nil }
            let from = region.startLine == line ? region.startColumn : 1
            let to = region.endLine == line ? region.endColumn : Int.max
            return from < to ? from..<to : nil
        }
    }

    /// The text of 1-based `line` of `file`, without its line break, if it was registered
    /// (secrets included: print lines through `DiagnosticRenderer`, which hides them).
    public func line(_ line: Int, of file: String) -> String? {
        lock.lock()
        let bytes = text(of: file)
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

    /// The raw bytes of 1-based `line` of `file`, without its line break (secrets included:
    /// callers measure it or print it through `DiagnosticRenderer`). Line starts are indexed once per file.
    public func rawLine(_ line: Int, of file: String) -> [UInt8]? {
        lineBytes(line, of: file).map(Array.init)
    }

    /// `rawLine` as a slice of the text kept, copying nothing: quoting a place on a 60 MB line
    /// costs the window shown, not the line.
    public func lineBytes(_ line: Int, of file: String) -> ArraySlice<UInt8>? {
        lock.lock()
        defer { lock.unlock() }
        return lineSlice(line, of: file)
    }

    /// The index in `lineBytes(line, of: file)` where 1-based `column` (counted in Unicode
    /// scalars) starts; the slice's end past the line. A long line keeps where every 4,096th
    /// scalar starts, found once, so each place asked costs at most 4,096 steps.
    public func index(ofColumn column: Int, onLine line: Int, of file: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = lineSlice(line, of: file) else { return nil }
        let wanted = max(column, 1) - 1
        guard bytes.count > Self.checkpointEvery else { return Self.index(advancing: wanted, from: bytes.startIndex, in: bytes) }
        let key = "\(line):" + file
        let checkpoints: [Int]
        if let known = columnCheckpoints[key] {
            checkpoints = known
        } else {
            var found: [Int] = []
            var scalars = 0
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
                if scalars % Self.checkpointEvery == 0 { found.append(index) }
                scalars += 1
            }
            columnCheckpoints[key] = found
            checkpoints = found
        }
        let checkpoint = wanted / Self.checkpointEvery
        guard checkpoint < checkpoints.count else { return bytes.endIndex }
        return Self.index(advancing: wanted % Self.checkpointEvery, from: checkpoints[checkpoint], in: bytes)
    }

    private static let checkpointEvery = 4_096
    /// Where every `checkpointEvery`th scalar of a long line starts, by "line:file".
    private var columnCheckpoints: [String: [Int]] = [:]

    private static func index(advancing scalars: Int, from start: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var index = start
        var remaining = scalars
        while remaining > 0, index < bytes.endIndex {
            index += 1
            while index < bytes.endIndex, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The line's bytes; the caller holds the lock.
    private func lineSlice(_ line: Int, of file: String) -> ArraySlice<UInt8>? {
        guard line >= 1, let bytes = text(of: file) else { return nil }
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
        return bytes[starts[line - 1]..<end]
    }

    /// The next line break at or after `offset`: where it starts and where the next line starts.
    private static func lineBreak(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int, hasCR: Bool) -> (
        start: Int, end: Int
    )? {
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
