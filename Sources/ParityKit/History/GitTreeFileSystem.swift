public import ParityDiagnostics
import ParityYAML

/// The files of one commit, read from git's object store: a `FileSystem` for the loaders
/// that never touches the working tree.
public struct GitTreeFileSystem: FileSystem {
    /// Every file of the commit: path from the top of the git repository to blob id.
    public let files: [String: String]
    /// The folder paths are relative to (the environment repository's), from the top: `examples/x/` or "".
    public let prefix: String
    private let folders: [String: [String]]
    private let reader: GitObjectReader
    private let cache: ParseCache

    public init(files: [String: String], prefix: String = "", reader: GitObjectReader, cache: ParseCache) {
        self.files = files
        self.prefix = prefix
        self.reader = reader
        self.cache = cache
        var children: [String: Set<String>] = ["": []]
        for path in files.keys {
            var parts = path.split(separator: "/").map(String.init)
            while let name = parts.popLast() {
                children[parts.joined(separator: "/"), default: []].insert(name)
            }
        }
        folders = children.mapValues { $0.filter { !$0.hasPrefix(".") }.sorted() }
    }

    /// `path` (relative to `prefix`) as a key of `files`: from the top, no `.` or `..`, no
    /// trailing `/`, the top itself ""; nil for a path outside the repository or absolute.
    func key(_ path: String) -> String? {
        Self.key(path, in: prefix)
    }

    static func key(_ path: String, in prefix: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts: [Substring] = []
        for part in (prefix + "/" + path).split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    public func isDirectory(_ path: String) -> Bool {
        key(path).map { folders[$0] != nil } ?? false
    }

    public func exists(_ path: String) -> Bool {
        key(path).map { files[$0] != nil || folders[$0] != nil } ?? false
    }

    public func entries(of folder: String) -> [String] {
        key(folder).flatMap { folders[$0] } ?? []
    }

    public func yamlFiles(under folder: String) -> [String] {
        var found: [String] = []
        func walk(_ folder: String) {
            for name in entries(of: folder) {
                let path = EnvironmentLoader.join(folder, name)
                if isDirectory(path) { walk(path) } else if EnvironmentLoader.isYAML(name) { found.append(path) }
            }
        }
        walk(folder)
        return found.sorted()
    }

    public func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        if isDirectory(path) {
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': it is a directory", at: .file(path))])
        }
        guard let id = key(path).flatMap({ files[$0] }) else {
            throw DiagnosticList([
                .error(.ioUnreadable, "cannot read '\(path)': no such file in this commit", at: .file(path))
            ])
        }
        guard let bytes = reader.blob(id) else {
            throw DiagnosticList([
                .error(.ioUnreadable, "cannot read '\(path)': git has no blob \(id)", at: .file(path))
            ])
        }
        guard bytes.count <= limit else {
            throw DiagnosticList([
                .error(
                    .yamlLimit, "the file is \(bytes.count) bytes, over the limit of \(limit) bytes", at: .file(path))
            ])
        }
        return bytes
    }

    public func parsed<Parsed>(_ path: String, kind: String, _ parse: () -> Parsed) -> Parsed {
        guard let id = key(path).flatMap({ files[$0] }) else { return parse() }
        return cache.value(kind + "\u{0}" + path + "\u{0}" + id, parse)
    }
}
