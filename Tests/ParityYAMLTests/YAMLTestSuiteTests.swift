import Foundation
import Testing
import ParityDiagnostics
@testable import ParityYAML

/// The YAML test suite: every case libyaml handles must load to exactly the expected JSON
/// (or be rejected), and no case may crash the loader.
@Suite(.enabled(if: SharedFixtures.yamlSuiteAvailable, "skipped: ../shared/conformance/yaml-test-suite is absent"))
struct YAMLTestSuiteTests {
    @Test(arguments: SharedFixtures.yamlCases)
    func conformance(_ testCase: SharedFixtures.YAMLCase) throws {
        let input = try [UInt8](Data(contentsOf: testCase.folder.appendingPathComponent("in.yaml")))
        let loader = YAMLLoader(strictTags: false)
        let result = Result { () throws(DiagnosticList) in try loader.load(input, file: "in.yaml") }
        guard testCase.libyamlOK else { return }  // libyaml's own limits: only "no crash" is asked.
        if testCase.expectsError {
            guard case .failure(let list) = result else {
                Issue.record("accepted a stream the suite marks invalid")
                return
            }
            #expect(!list.diagnostics.isEmpty)
            #expect(list.diagnostics.allSatisfy { $0.location?.line ?? 0 >= 1 })
            return
        }
        let documents = try result.get()
        let expectedFile = testCase.folder.appendingPathComponent("in.json")
        guard FileManager.default.fileExists(atPath: expectedFile.path) else { return }
        let expected = try JSONValue.stream(String(contentsOf: expectedFile, encoding: .utf8))
        let actual = try documents.map { try JSONValue.stream($0.root.json)[0] }
        #expect(actual == expected)
    }

    @Test func casesAreListed() {
        #expect(SharedFixtures.yamlCases.count > 100)
    }
}
