import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads `parity.yaml`: YAML, the header, the ParitySpec schema, then what the schema cannot see.
public enum SpecLoader {
    /// The spec at `path`, or the defaults when `path` is nil and the repository has none.
    public static func load(_ path: String?, root: String, sources: SourceStore, fileSystem: any FileSystem = DiskFileSystem()) -> (ParitySpec, [Diagnostic]) {
        let file = path ?? EnvironmentLoader.join(root, "parity.yaml")
        guard path != nil || fileSystem.exists(file) else { return (ParitySpec(), []) }
        let documents: [YAMLDocument]
        do {
            let bytes = try fileSystem.read(file, limit: LoaderLimits.default.maxFileBytes)
            sources.register(file, bytes: bytes)
            documents = try YAMLLoader().load(bytes, file: file)
        } catch {
            return (ParitySpec(), error.diagnostics)
        }
        guard let root = documents.first?.root else {
            return (ParitySpec(), [.error(.schemaMissingField, "'\(file)' is empty; a ParitySpec needs apiVersion: parity/v1 and kind: ParitySpec", at: .file(file))])
        }
        var diagnostics = DocumentChecker().check(root, sources: sources).diagnostics
        if case (let kind?, _) = DocumentHeader.kind(of: root), kind.name != FileKind.paritySpec.name {
            diagnostics.append(.error(.schemaUnknownKind, "'\(file)' is a \(kind.name), not a ParitySpec", at: root["kind"]?.location))
        }
        guard !diagnostics.containsError else { return (ParitySpec(), diagnostics) }
        let decoded = SchemaDecoder().decode(root, as: SpecSchema.spec)
        var (spec, _) = ParitySpec.from(decoded.value, file: file)
        spec.file = file
        return (spec, diagnostics)
    }
}
