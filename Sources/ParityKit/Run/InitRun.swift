import Foundation
public import ParityDiagnostics

/// `parity init`: scaffolds an environment repository (`InitScaffold`) in a folder without
/// one. It writes nothing at all when any file it would write exists.
public struct InitRun {
    public struct Options: Sendable {
        /// The folder to scaffold.
        public var root = "."

        public init() {}
    }

    /// What was written, relative to the root, in order.
    public struct Report: Sendable {
        public var written: [String]
    }

    public init() {}

    public func run(_ options: Options) -> Outcome<Report> {
        let targets = InitScaffold.files.map {
            (path: $0.path, full: EnvironmentLoader.join(options.root, $0.path), text: $0.text)
        }
        let existing = targets.filter { FileManager.default.fileExists(atPath: $0.full) }
        if !existing.isEmpty {
            return .invalid(
                existing.map { target in
                    .error(
                        .initFileExists,
                        "'\(target.full)' exists; parity init overwrites nothing and wrote no file: move it away, or run parity init in another folder",
                        at: .file(target.full))
                })
        }
        var written: [String] = []
        for target in targets {
            do {
                let folder = (target.full as NSString).deletingLastPathComponent
                if !folder.isEmpty {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try AtomicFile.write(target.text, to: target.full)
                written.append(target.path)
            } catch let diagnostic as Diagnostic {
                return Outcome(report: Report(written: written), diagnostics: [diagnostic], failing: false)
            } catch {
                let diagnostic = Diagnostic.error(
                    .ioUnwritable, "cannot write '\(target.full)': \(error.localizedDescription.lowercased())",
                    at: .file(target.full))
                return Outcome(report: Report(written: written), diagnostics: [diagnostic], failing: false)
            }
        }
        return Outcome(report: Report(written: written), diagnostics: [], failing: false)
    }
}

extension Diagnostic.Code {
    /// `parity init` found a file where it would write one.
    public static let initFileExists: Self = "init.file-exists"
}
