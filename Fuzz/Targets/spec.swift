/// `parity check` with the fuzzer's bytes as parity.yaml of a repository whose environments hold
/// secrets: no crash, no hang, and the secrets never in any diagnostic or report format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard !plantsItself(data, size) else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    requireNoSecret(renderCheck(Sample.files(replacing: "parity.yaml", with: bytes)), "the check of a fuzzed parity.yaml")
    return 0
}
