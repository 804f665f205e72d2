public import ParityDiagnostics
import ParityYAML

/// `parity export --raw`: every YAML document of every file as one line of JSON, in order.
///
/// Plain YAML-to-JSON: tags outside YAML's standard set are dropped, as the YAML test
/// suite's JSON does, rather than refused as they are in Parity's own files. Secrets still
/// never appear: in a document of a kind Parity reads, the values of sensitive fields
/// (a credential's `value`, an external's `apiKey`) are written as "<redacted>".
public struct RawExport {
    public var limits: LoaderLimits

    public init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    /// Writes the JSON lines of each readable file through `write`, and returns the
    /// diagnostics of the files that could not be loaded (those contribute no lines).
    public func run(files: [String], sources: SourceStore, write: ([UInt8]) -> Void) -> [Diagnostic] {
        let loader = YAMLLoader(limits: limits, strictTags: false)
        sources.maskingSecrets()
        var diagnostics: [Diagnostic] = []
        for file in files {
            do {
                let documents = try loader.loadFile(file, sources: sources)
                var out: [UInt8] = []
                for document in documents {
                    document.root.appendJSON(
                        to: &out, redacting: SecretMask.secretNodes(of: document.root, sources: sources),
                        redaction: ModelExport.redacted)
                    out.append(0x0A)
                }
                write(out)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return diagnostics
    }
}
