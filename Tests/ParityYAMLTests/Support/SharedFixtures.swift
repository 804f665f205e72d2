import Foundation

/// The shared conformance data, found relative to the repository root.
enum SharedFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let yamlSuite = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/conformance/yaml-test-suite")

    static var yamlSuiteAvailable: Bool {
        FileManager.default.fileExists(atPath: yamlSuite.appendingPathComponent("libyaml.tsv").path)
    }

    struct YAMLCase: CustomTestStringConvertible, Sendable {
        var id: String
        var libyamlOK: Bool
        var expectsError: Bool
        var testDescription: String { "\(id) (\(libyamlOK ? "ok" : "wrong"), \(expectsError ? "error" : "valid"))" }
        var folder: URL { SharedFixtures.yamlSuite.appendingPathComponent("cases/\(id)") }
    }

    /// The cases libyaml.tsv lists; none when the shared folder is absent.
    static var yamlCases: [YAMLCase] {
        guard let table = try? String(contentsOf: yamlSuite.appendingPathComponent("libyaml.tsv"), encoding: .utf8)
        else { return [] }
        return table.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count >= 3 else { return nil }
            return YAMLCase(id: columns[0], libyamlOK: columns[1] == "ok", expectsError: columns[2] == "error")
        }
    }
}

import Testing
