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
            throw DiagnosticList([tooLarge(file, bytes.count)])
        }
        // libyaml needs an address even for no bytes.
        let storage = bytes.isEmpty ? [0] : bytes
        let result: Result<[YAMLDocument], DiagnosticList> = storage.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[0..<bytes.count])
            let events = EventParser(bytes: buffer, file: file)
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
        let handle = open(path, O_RDONLY)
        guard handle >= 0 else { throw DiagnosticList([unreadable(path, errno)]) }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { throw DiagnosticList([unreadable(path, errno)]) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': it is a directory", at: .file(path))])
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw DiagnosticList([YAMLLoader(limits: .init(maxFileBytes: limit)).tooLarge(path, size)]) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat; read on until end of file, within the limit.
                guard bytes.count <= limit else { throw DiagnosticList([YAMLLoader(limits: .init(maxFileBytes: limit)).tooLarge(path, bytes.count)]) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(handle, buffer.baseAddress! + filled, buffer.count - filled)  // non-empty: grown above
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw DiagnosticList([unreadable(path, errno)])
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func unreadable(_ path: String, _ code: Int32) -> Diagnostic {
        .error(.ioUnreadable, "cannot read '\(path)': \(String(cString: strerror(code)).lowercased())", at: .file(path))
    }

    private func tooLarge(_ file: String, _ size: Int) -> Diagnostic {
        .error(.yamlLimit, "the file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes", at: .file(file))
    }
}
