import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads `parity.yaml`: YAML, the header, the ParitySpec schema, then what the schema cannot
/// see; each step once, through the same function `parity lint` uses for a spec file.
public enum SpecLoader {
    /// The spec at `path`, or the defaults when `path` is nil and the repository has none.
    public static func load(_ path: String?, root: String, sources: SourceStore) -> (ParitySpec, [Diagnostic]) {
        let file = path ?? EnvironmentLoader.join(root, "parity.yaml")
        guard path != nil || FileManager.default.fileExists(atPath: file) else { return (ParitySpec(), []) }
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader().loadFile(file, sources: sources)
        } catch {
            return (ParitySpec(), error.diagnostics)
        }
        guard let root = documents.first?.root else {
            let message = "'\(file)' is empty; a ParitySpec needs apiVersion: parity/v1 and kind: ParitySpec"
            return (ParitySpec(), [.error(.schemaMissingField, message, at: .file(file))])
        }
        var (kind, diagnostics) = DocumentHeader.kind(of: root)
        if let kind, kind.name != FileKind.paritySpec.name {
            diagnostics.append(.error(.schemaUnknownKind, "'\(file)' is a \(kind.name), not a ParitySpec", at: root["kind"]?.location))
        }
        guard kind?.name == FileKind.paritySpec.name else { return (ParitySpec(), diagnostics) }
        let (spec, problems) = decode(root, file: file)
        diagnostics += problems
        guard !diagnostics.containsError else { return (ParitySpec(), diagnostics) }
        return (spec, diagnostics)
    }

    /// A spec document decoded into its type: the schema's problems and the spec's own.
    static func decode(_ root: Node, file: String) -> (ParitySpec, [Diagnostic]) {
        let decoded = SchemaDecoder().decode(root, as: SpecSchema.spec)
        var (spec, problems) = ParitySpec.from(decoded.value, file: file, locator: ExpressionLocator(document: root))
        spec.file = file
        return (spec, decoded.diagnostics + problems)
    }
}
