public import ParityDiagnostics

/// Where the loaders read files: the disk (`DiskFileSystem`), or one commit of a git
/// repository (`GitTreeFileSystem`), read without checking it out.
///
/// Paths are as the loaders build them: relative to the working directory (or absolute on
/// disk), joined with `/`.
public protocol FileSystem: Sendable {
    /// Whether `path` is a folder.
    func isDirectory(_ path: String) -> Bool
    /// Whether anything (file or folder) is at `path`.
    func exists(_ path: String) -> Bool
    /// The names directly in `folder`, hidden ones skipped, sorted; none when it is no folder.
    func entries(of folder: String) -> [String]
    /// Why the names in `folder` cannot be listed (`permission denied`); nil when they can or
    /// when it is no folder. An unreadable folder is never an empty one.
    func listingProblem(of folder: String) -> String?
    /// The first folder at or below `folder` whose names cannot be listed, and why.
    func unlistableFolder(under folder: String) -> (path: String, reason: String)?
    /// The `.yaml` and `.yml` files under `folder` at any depth (hidden entries skipped), sorted.
    func yamlFiles(under folder: String) -> [String]
    /// The bytes of the file at `path`; a missing or unreadable file is a diagnostic, never empty.
    func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8]
    /// What `parse` makes of the file at `path`. A file system that can tell two files
    /// have the same content (a git blob id) may answer from an earlier parse of that path.
    func parsed<Parsed>(_ path: String, kind: String, _ parse: () -> Parsed) -> Parsed
}

extension FileSystem {
    /// Folders in memory or in a commit can always be listed.
    public func listingProblem(of folder: String) -> String? { nil }

    public func unlistableFolder(under folder: String) -> (path: String, reason: String)? {
        listingProblem(of: folder).map { (folder, $0) }
    }

    /// Parses afresh: files on disk may change between two reads.
    public func parsed<Parsed>(_ path: String, kind: String, _ parse: () -> Parsed) -> Parsed {
        parse()
    }
}
