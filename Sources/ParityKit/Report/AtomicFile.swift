import Foundation
public import ParityDiagnostics

/// Writes output files atomically: a temporary file beside the target, then a rename, so a
/// failure or an interrupted run leaves the old file whole.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .error(.ioUnwritable, "cannot write '\(path)': the folder '\(folder.path)' does not exist", at: .file(path))
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).parity-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw Diagnostic.error(.ioUnwritable, "cannot write '\(path)': \(String(cString: strerror(code)).lowercased())", at: .file(path))
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .error(.ioUnwritable, "cannot write '\(path)': \(error.localizedDescription.lowercased())", at: .file(path))
        }
    }
}

extension Diagnostic.Code {
    /// An output file could not be written.
    public static let ioUnwritable: Self = "io.unwritable"
}
