import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads an environment from a file or a folder of files: loads the YAML, checks each
/// document's header, decodes it, and combines the documents into one value.
public struct EnvironmentLoader: Sendable {
    /// Bounds on every file read.
    public var limits: LoaderLimits

    public init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    /// The environment at `path` (a `.yaml` file, or a folder of them), registering every
    /// file read with `sources`.
    public func load(_ path: String, sources: SourceStore) -> EnvironmentSource {
        let files = Self.isDirectory(path) ? Self.yamlFiles(in: path) : [path]
        var diagnostics: [Diagnostic] = []
        var declared: Value?
        let loader = YAMLLoader(limits: limits, strictTags: true)
        let decoder = SchemaDecoder(checksRequiredFields: false)
        for file in files {
            let bytes: [UInt8]
            let documents: [YAMLDocument]
            do {
                bytes = try YAMLLoader.read(file, limit: limits.maxFileBytes)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            var secrets: [Node] = []
            // Registered once the secrets are known, so that no diagnostic quotes one.
            defer { sources.register(file, bytes: SecretMask.mask(bytes, secrets: secrets)) }
            do {
                documents = try loader.load(bytes, file: file)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            for document in documents {
                let (kind, header) = DocumentHeader.kind(of: document.root)
                diagnostics += header
                guard let kind else { continue }
                guard kind.name == FileKind.environment.name else {
                    diagnostics.append(.error(
                        .schemaUnknownKind, "expected an Environment in an environment file, found a \(kind.name); move it out of the environments folder",
                        at: document.root["kind"]?.location ?? document.root.location))
                    continue
                }
                let decoded = decoder.decode(document.root, as: EnvironmentSchema.root)
                diagnostics += decoded.diagnostics
                secrets += decoded.secrets
                if var combined = declared {
                    Composition.combine(&combined, with: decoded.value, schema: EnvironmentSchema.root, diagnostics: &diagnostics)
                    declared = combined
                } else {
                    declared = decoded.value
                }
            }
        }
        if files.isEmpty {
            diagnostics.append(.error(.ioUnreadable, "no .yaml files in the environment folder '\(path)'", at: .file(path)))
        } else if declared == nil, diagnostics.isEmpty {
            diagnostics.append(.error(
                .schemaMissingField, "no document in '\(path)'; write an environment, starting apiVersion: parity/v1 and kind: Environment",
                at: .file(path)))
        }
        return EnvironmentSource(path: path, files: files, declared: declared, diagnostics: diagnostics)
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The `.yaml` and `.yml` files directly in `folder`, sorted by name, hidden files skipped.
    static func yamlFiles(in folder: String) -> [String] {
        entries(of: folder).filter { isYAML($0) && !isDirectory(join(folder, $0)) }.map { join(folder, $0) }
    }

    static func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func isYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// `folder/name`, without a leading `./` so paths read as people type them.
    static func join(_ folder: String, _ name: String) -> String {
        if folder == "." || folder.isEmpty || name.hasPrefix("/") { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
