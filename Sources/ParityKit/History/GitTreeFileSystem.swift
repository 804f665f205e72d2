public import ParityDiagnostics
import ParityYAML

/// The files of one commit, read from git's object store: a `FileSystem` for the loaders
/// that never touches the working tree.
public struct GitTreeFileSystem: FileSystem {
    /// Every file of the commit under the environment repository: path (relative to the
    /// repository's folder) to blob id.
    public let files: [String: String]
    private let folders: [String: [String]]
    private let reader: GitObjectReader
    private let cache: ParseCache

    public init(files: [String: String], reader: GitObjectReader, cache: ParseCache) {
        self.files = files
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

    /// `path` as a key of `files`: no `./`, no trailing `/`, the repository itself "".
    static func key(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        while let dots = parts.firstIndex(of: ".."), dots > 0 { parts.removeSubrange(dots - 1...dots) }
        return parts.joined(separator: "/")
    }

    public func isDirectory(_ path: String) -> Bool {
        !path.hasPrefix("/") && folders[Self.key(path)] != nil
    }

    public func exists(_ path: String) -> Bool {
        !path.hasPrefix("/") && (files[Self.key(path)] != nil || folders[Self.key(path)] != nil)
    }

    public func entries(of folder: String) -> [String] {
        folder.hasPrefix("/") ? [] : folders[Self.key(folder)] ?? []
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
        if isDirectory(path) { throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': it is a directory", at: .file(path))]) }
        guard !path.hasPrefix("/"), let id = files[Self.key(path)] else {
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': no such file in this commit", at: .file(path))])
        }
        guard let bytes = reader.blob(id) else {
            throw DiagnosticList([.error(.ioUnreadable, "cannot read '\(path)': git has no blob \(id)", at: .file(path))])
        }
        guard bytes.count <= limit else {
            throw DiagnosticList([.error(.yamlLimit, "the file is \(bytes.count) bytes, over the limit of \(limit) bytes", at: .file(path))])
        }
        return bytes
    }

    public func parsed<Parsed>(_ path: String, kind: String, _ parse: () -> Parsed) -> Parsed {
        guard let id = files[Self.key(path)] else { return parse() }
        return cache.value(kind + "\u{0}" + path + "\u{0}" + id, parse)
    }
}
