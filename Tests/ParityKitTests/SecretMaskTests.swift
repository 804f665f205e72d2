import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

@Suite struct SecretMaskTests {
    /// The text a diagnostic would quote, after the decoder found the secrets.
    func masked(_ text: String) throws -> String {
        let bytes = Array(text.utf8)
        let root = try YAMLLoader().load(bytes, file: "t.yaml")[0].root
        let secrets = SchemaDecoder(checksRequiredFields: false).decode(root, as: EnvironmentSchema.root).secrets
        return String(decoding: SecretMask.mask(bytes, secrets: secrets), as: UTF8.self)
    }

    @Test func blockScalarsAreHiddenLineByLine() throws {
        let text = "access:\n  credentials:\n    - name: d\n      value: |\n        line one\n        two\n      kind: token\n"
        #expect(try masked(text) == "access:\n  credentials:\n    - name: d\n      value: |\n        ********\n        ***\n      kind: token\n")
    }

    @Test func onlySecretsAreHidden() throws {
        let text = "externals:\r\n  - {name: sk_live_1, apiKey: sk_live_1, endpoint: x}\r\n"
        #expect(try masked(text) == "externals:\r\n  - {name: sk_live_1, apiKey: *********, endpoint: x}\r\n")
    }

    @Test func aFileWithoutSecretsIsUntouched() throws {
        let text = "metadata: {name: a}\n"
        #expect(try masked(text) == text)
    }
}
