import Foundation
public import ParityDiagnostics

/// Loads YAML streams into nodes that know where they were written.
public struct YAMLLoader: Sendable {
    public var limits: LoaderLimits
    /// Whether a tag outside YAML's standard `!!` set is an error (as in Parity's own files)
    /// or kept on the node and otherwise ignored (as in `export --raw`).
    public var strictTags: Bool

    public init(limits: LoaderLimits = .default, strictTags: Bool = true) {
        self.limits = limits
        self.strictTags = strictTags
    }

    /// The documents of `bytes`, read from `file`. Throws every problem found.
    public func load(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> [YAMLDocument] {
        guard bytes.count <= limits.maxFileBytes else {
            throw DiagnosticList([Self.tooLarge(file, bytes.count, limit: limits.maxFileBytes)])
        }
        let result: Result<[YAMLDocument], DiagnosticList> = EventParser.reading(bytes, file: file) { events in
            var composer = Composer(events: events, limits: limits, strictTags: strictTags)
            do throws(Diagnostic) {
                let documents = try composer.documents()
                if composer.diagnostics.isEmpty { return .success(documents) }
                return .failure(DiagnosticList(composer.diagnostics))
            } catch {
                return .failure(DiagnosticList(composer.diagnostics + [error]))
            }
        }
        return try result.get()
    }

    /// The documents of the file at `path`, registering its text with `sources` for diagnostics.
    public func loadFile(_ path: String, sources: SourceStore? = nil) throws(DiagnosticList) -> [YAMLDocument] {
        let bytes = try Self.read(path, limit: limits.maxFileBytes)
        sources?.register(path, bytes: bytes)
        return try load(bytes, file: path)
    }

    /// The bytes of the file at `path`: never treats a missing or unreadable file as empty.
    public static func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        // Look before opening: opening a FIFO for reading would wait for a writer forever.
        var status = stat()
        guard FileName.withPath(path, { stat($0, &status) }) == 0 else { throw DiagnosticList([unreadable(path, errno)]) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': it is a directory", at: .file(path))])
        default:
            throw DiagnosticList([
                .error(.ioUnreadable, "cannot read '\(path)': it is not a regular file", at: .file(path))
            ])
        }
        let handle = FileName.withPath(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard handle >= 0 else { throw DiagnosticList([unreadable(path, errno)]) }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { throw DiagnosticList([unreadable(path, errno)]) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': it is a directory", at: .file(path))])
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw DiagnosticList([tooLarge(path, size, limit: limit)]) }
        var bytes: [UInt8] = []
        var chunk = max(size + 1, 4096)
        while true {
            // Read until end of file: the file may have grown since fstat, and a short
            // read is not the end. Whole-buffer copies keep this fast in debug builds too.
            var failure: Int32 = 0
            let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                initialized = 0
                while initialized < buffer.count {
                    let count = Foundation.read(handle, buffer.baseAddress! + initialized, buffer.count - initialized) // capacity > 0
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno; return }
                    if count == 0 { return }
                    initialized += count
                }
            }
            if failure != 0 { throw DiagnosticList([unreadable(path, failure)]) }
            bytes += part
            guard bytes.count <= limit else { throw DiagnosticList([tooLarge(path, bytes.count, limit: limit)]) }
            if part.count < chunk { return bytes }
            chunk = max(chunk, 1 << 20)
        }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> Diagnostic {
        .error(
            .ioUnreadable, "cannot read '\(path)': \(String(cString: strerror(code)).lowercased())", at: .file(path))
    }

    private static func tooLarge(_ file: String, _ size: Int, limit: Int) -> Diagnostic {
        .error(.yamlLimit, "the file is \(size) bytes, over the limit of \(limit) bytes", at: .file(file))
    }
}
