import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads `parity.yaml`: YAML, the header, the ParitySpec schema, then what the schema cannot
/// see; each step once, through the same function `parity lint` uses for a spec file.
public enum SpecLoader {
    /// The spec at `path`, or the defaults when `path` is nil and the repository has none.
    public static func load(
        _ path: String?, root: String, sources: SourceStore, fileSystem: any FileSystem = DiskFileSystem()
    ) -> (ParitySpec, [Diagnostic]) {
        let file = path ?? EnvironmentLoader.join(root, "parity.yaml")
        guard path != nil || fileSystem.exists(file) else { return (ParitySpec(), []) }
        let (bytes, spec, diagnostics) = fileSystem.parsed(file, kind: "spec") { parse(file, fileSystem: fileSystem) }
        if let bytes { sources.register(file, bytes: bytes) }
        return (spec, diagnostics)
    }

    /// The spec file read and decoded: its bytes (nil when unreadable), the spec, its problems.
    private static func parse(_ file: String, fileSystem: any FileSystem) -> ([UInt8]?, ParitySpec, [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(file, limit: LoaderLimits.default.maxFileBytes)
        } catch {
            return (nil, ParitySpec(), error.diagnostics)
        }
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader().load(bytes, file: file)
        } catch {
            return (bytes, ParitySpec(), error.diagnostics)
        }
        guard let root = documents.first?.root else {
            let message = "'\(file)' is empty; a ParitySpec needs apiVersion: parity/v1 and kind: ParitySpec"
            return (bytes, ParitySpec(), [.error(.schemaMissingField, message, at: .file(file))])
        }
        var (kind, diagnostics) = DocumentHeader.kind(of: root)
        if let kind, kind.name != FileKind.paritySpec.name {
            diagnostics.append(
                .error(.schemaUnknownKind, "'\(file)' is a \(kind.name), not a ParitySpec", at: root["kind"]?.location))
        }
        guard kind?.name == FileKind.paritySpec.name else { return (bytes, ParitySpec(), diagnostics) }
        let (spec, problems) = decode(root, file: file)
        diagnostics += problems
        guard !diagnostics.containsError else { return (bytes, ParitySpec(), diagnostics) }
        return (bytes, spec, diagnostics)
    }

    /// A spec document decoded into its type: the schema's problems and the spec's own.
    static func decode(_ root: Node, file: String) -> (ParitySpec, [Diagnostic]) {
        let decoded = SchemaDecoder().decode(root, as: SpecSchema.spec)
        var (spec, problems) = ParitySpec.from(decoded.value, file: file, locator: ExpressionLocator(document: root))
        spec.file = file
        return (spec, decoded.diagnostics + problems)
    }
}
