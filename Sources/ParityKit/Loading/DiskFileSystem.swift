import Foundation
public import ParityDiagnostics
import ParityYAML

/// The files on disk, as every command but `parity history` reads them. Names are listed and
/// opened by their bytes (`FileName`), so a file whose name is not UTF-8 is read like any other.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func isDirectory(_ path: String) -> Bool {
        FileName.kind(of: path).isDirectory
    }

    public func exists(_ path: String) -> Bool {
        FileName.kind(of: path).exists
    }

    public func entries(of folder: String) -> [String] {
        ((try? Self.names(in: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    public func listingProblem(of folder: String) -> String? {
        guard isDirectory(folder) else { return nil }
        do {
            _ = try Self.names(in: folder)
            return nil
        } catch {
            return String(cString: strerror(error.code)).lowercased()
        }
    }

    public func unlistableFolder(under folder: String) -> (path: String, reason: String)? {
        var folders = isDirectory(folder) ? [folder] : []
        while let next = folders.popLast() {
            let names: [String]
            do {
                names = try Self.names(in: next)
            } catch {
                return (next, String(cString: strerror(error.code)).lowercased())
            }
            for name in names where !name.hasPrefix(".") {
                let path = EnvironmentLoader.join(next, name)
                if FileName.kind(of: path, followingLinks: false).isDirectory { folders.append(path) }
            }
        }
        return nil
    }

    public func yamlFiles(under folder: String) -> [String] {
        var files: [String] = []
        var folders = [folder]
        while let next = folders.popLast() {
            for name in (try? Self.names(in: next)) ?? [] where !name.hasPrefix(".") {
                let path = EnvironmentLoader.join(next, name)
                // Links to folders are not followed: a link back up the tree would never end.
                if FileName.kind(of: path, followingLinks: false).isDirectory {
                    folders.append(path)
                } else if EnvironmentLoader.isYAML(name), !isDirectory(path) {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }

    public func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        try YAMLLoader.read(path, limit: limit)
    }

    /// A failed `opendir` or `readdir`, by its `errno`.
    struct ListingError: Error {
        var code: Int32
    }

    /// The names in `folder` (without `.` and `..`), as `FileName` holds them, unsorted.
    static func names(in folder: String) throws(ListingError) -> [String] {
        guard let directory = FileName.withPath(folder, { opendir($0) }) else { throw ListingError(code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw ListingError(code: errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileName.string(bytes: raw.prefix { $0 != 0 })
            }
            if name != ".", name != ".." { names.append(name) }
        }
    }
}
