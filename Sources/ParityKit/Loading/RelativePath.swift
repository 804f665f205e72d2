import Foundation

/// Paths as short as they can be from the working directory: a repository found upward
/// (`../..`) gives `services.yaml` for its file here, never `../../environments/production/services.yaml`.
enum RelativePath {
    /// The working directory's components, read once: a run never changes directory.
    private static let here: [String] = components(FileManager.default.currentDirectoryPath)

    /// `path` (relative to the working directory) with every `..` that climbs out of the
    /// working directory and back in again removed; `.` when it names the working directory.
    static func shortest(_ path: String) -> String {
        let target = resolved(here + path.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
        let common = zip(here, target).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: here.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func components(_ path: String) -> [String] {
        resolved(path.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
    }

    private static func resolved(_ parts: [String]) -> [String] {
        parts.reduce(into: [String]()) { out, part in
            switch part {
            case ".": break
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(part)
            }
        }
    }
}
