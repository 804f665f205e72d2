import Foundation
public import ParityDiagnostics
import ParityYAML

/// The files on disk, as every command but `parity history` reads them.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    public func yamlFiles(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let entry = walker.nextObject() as? String {
            let name = (entry as NSString).lastPathComponent
            if name.hasPrefix(".") { walker.skipDescendants(); continue }
            if EnvironmentLoader.isYAML(name), !isDirectory(EnvironmentLoader.join(folder, entry)) {
                files.append(EnvironmentLoader.join(folder, entry))
            }
        }
        return files.sorted()
    }

    public func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        try YAMLLoader.read(path, limit: limit)
    }
}
