import Foundation

extension ParityBinary {
    /// The sample's environments and spec in a folder of their own, without its policies
    /// folder, so the built-in pack runs; `spec` replaces the spec's `policies:` line.
    static func sampleWithoutPolicies(spec: String = "") throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("environments"), to: folder.appendingPathComponent("environments")
        )
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("parity.yaml"), encoding: .utf8)
        precondition(text.contains("policies: policies\n"), "the sample's parity.yaml names its policies folder")
        try text.replacingOccurrences(of: "policies: policies\n", with: spec).write(
            to: folder.appendingPathComponent("parity.yaml"), atomically: true, encoding: .utf8)
        return folder
    }
}
