import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// Every kind of diagnostic, rendered in full (headline, source line, caret, notes) and
/// compared with the golden file beside its fixture.
@Suite struct DiagnosticGoldenTests {
    static let folder = Golden.fixtures.appendingPathComponent("Diagnostics")

    @Test(arguments: Golden.cases(in: folder))
    func rendersAsRecorded(_ name: String) throws {
        let sources = SourceStore()
        let path = Self.folder.appendingPathComponent(name).path
        let diagnostics = Linter(sources: sources).lint(paths: [path], root: Self.folder.path)
        // Paths relative to the fixtures, so the golden files hold no machine's folders.
        let text = DiagnosticRenderer(sources: sources).render(diagnostics)
            .replacingOccurrences(of: Self.folder.path + "/", with: "")
        let golden = Self.folder.appendingPathComponent((name as NSString).deletingPathExtension + ".golden")
        try Golden.check(text, against: golden)
        #expect(diagnostics.containsError == (name != "clean.yaml" && name != "duplicate-item.yaml"))
    }

    /// Each kind of diagnostic the model reports has at least one golden.
    @Test func everyCodeHasAGolden() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".golden")
        }
        let text = try goldens.map { try String(contentsOf: Self.folder.appendingPathComponent($0), encoding: .utf8) }
            .joined()
        let codes: [Diagnostic.Code] = [
            .schemaUnknownField, .schemaTypeMismatch, .schemaMissingField, .schemaYAML11Boolean, .schemaInvalidValue,
            .schemaDuplicateName, .schemaDuplicateItem, .schemaUnknownAPIVersion, .schemaUnknownKind,
            .modelUnknownReference, .modelConflict, .modelExtendsCycle,
            .specUnknownPath, .specInvalidPath, .specInvalidVariance, .specInvalidWaiver, .specInvalidGate,
            .policyTypeError, .policyUnknownTarget, "cel.no-such-field",
        ]
        for code in codes {
            #expect(text.contains("[\(code)]"), "no golden shows \(code)")
        }
    }
}
