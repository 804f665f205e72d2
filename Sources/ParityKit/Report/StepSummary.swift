import Foundation
public import ParityDiagnostics

/// GitHub Actions' job summary: Markdown appended to the file `GITHUB_STEP_SUMMARY` names.
public enum StepSummary {
    /// GitHub refuses a step's summary over 1 MiB.
    public static let limit = 1 << 20

    /// Appends `markdown` (cut to stay under the limit with what the file already holds).
    public static func append(_ markdown: String, to path: String) throws(Diagnostic) {
        let existing = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        var bytes = Array(markdown.utf8)
        let room = limit - 1 - existing
        guard room > 0 else {
            throw .error(
                .ioUnwritable,
                "cannot add the report to the job summary '\(path)': it already holds 1 MiB, GitHub's limit",
                at: .file(path))
        }
        if bytes.count > room {
            bytes = Array(String(decoding: bytes.prefix(room - 200), as: UTF8.self).utf8)
            bytes += Array("\n\n*The job summary is full (GitHub keeps 1 MiB a step); the report is cut here.*\n".utf8)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw .error(
                    .ioUnwritable, "cannot write the job summary '\(path)' (GITHUB_STEP_SUMMARY)", at: .file(path))
            }
            return
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw .error(
                .ioUnwritable, "cannot append to the job summary '\(path)': \(error.localizedDescription.lowercased())",
                at: .file(path))
        }
    }
}
