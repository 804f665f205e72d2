import Foundation
public import ParityDiagnostics

/// Finds an output path that names a file the run read, so a report never overwrites the
/// environment, spec or policy it checked (`--output parity.yaml`).
public enum OutputCollision {
    /// The first of `outputs` that is the same file on disk as one `sources` holds, except
    /// `allowed` (a baseline rewritten in place), or nil.
    public static func input(among outputs: [String], read sources: SourceStore, except allowed: [String] = [])
        -> String?
    {
        let kept = Set(allowed.compactMap(identity))
        let inputs = Set(sources.files.compactMap(identity)).subtracting(kept)
        return outputs.first { identity($0).map(inputs.contains) ?? false }
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
