import ParityDiagnostics
import ParityKit
import ParityYAML

/// The YAML loader and the lint of one file, on the fuzzer's bytes with a secret written
/// after them: no crash, no hang, and the secret never in a rendered diagnostic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard !plantsItself(data, size) else { return 0 }
    let planted = "\naccess:\n  credentials:\n    - {name: x, kind: token, value: \(canary)}\n"
    let bytes = Array(UnsafeBufferPointer(start: data, count: size)) + Array(planted.utf8)
    _ = try? YAMLLoader(strictTags: false).load(bytes, file: "fuzz.yaml")
    let sources = SourceStore()
    let diagnostics = DocumentChecker().check(bytes, file: "fuzz.yaml", sources: sources)
    requireNoSecret(DiagnosticRenderer(sources: sources).render(diagnostics), "the diagnostics of a fuzzed file")
    return 0
}
