import ParityCEL
import ParityDiagnostics
import ParityKit

/// The CEL parser, checker and evaluator on the fuzzer's text, as a policy's expression
/// over an environment holding a secret: no crash, no hang (cost is bounded), and the secret
/// never in the value or the error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard !plantsItself(data, size) else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CEL.compile(source)
    let declarations = CELBinding.declarations(for: EnvironmentSchema.root)
        .declaring(variable: "env", .object(CELBinding.typeName(EnvironmentSchema.root)))
    do {
        let program = try CEL.compile(source, declarations: declarations)
        let value = try program.evaluate(["env": Environment.value])
        requireNoSecret(value.celLiteral, "the value of '\(source)'")
    } catch {
        requireNoSecret("\(error)", "the error of '\(source)'")
    }
    return 0
}

/// The sample's staging environment as rules see it.
enum Environment {
    static let value: CELValue = {
        let sources = SourceStore()
        let outcome = Workspace(root: ".", sources: sources, loader: EnvironmentLoader(fileSystem: MemoryFileSystem(files: Sample.files())))
        let source = outcome.environments.first { $0.name == "staging" }!  // the sample has one
        let resolved = outcome.resolve(source)
        return CELBinding.celValue(resolved.value, type: .object(EnvironmentSchema.root))
    }()
}
