import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

@Suite struct SecretMaskTests {
    /// Each line of `text` as a diagnostic on it quotes it, secrets found from the parse.
    func masked(_ text: String) -> String {
        let sources = SourceStore().maskingSecrets()
        sources.register("t.yaml", bytes: Array(text.utf8))
        let renderer = DiagnosticRenderer(sources: sources)
        let count = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
        return (1...count).compactMap { line -> String? in
            let rendered = renderer.render(
                .error("x.y", "m", at: SourceLocation(file: "t.yaml", line: line, column: 1)))
            let quoted = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            return quoted.count > 2 ? String(quoted[1].dropFirst(4)) : nil
        }.joined(separator: "\n")
    }

    @Test func blockScalarsAreHiddenLineByLine() {
        let text =
            "access:\n  credentials:\n    - name: d\n      value: |\n        line one\n        two\n      kind: token"
        #expect(
            masked(text) == "access:\n  credentials:\n    - name: d\n      value: ****\n****\n****\n      kind: token")
    }

    @Test func onlySecretsAreHidden() {
        let text = "externals:\r\n  - {name: sk_live_1, apiKey: sk_live_1, endpoint: x}"
        #expect(masked(text) == "externals:\n  - {name: sk_live_1, apiKey: ****, endpoint: x}")
    }

    @Test func aFileWithoutSecretsIsUntouched() {
        #expect(masked("metadata: {name: a}") == "metadata: {name: a}")
    }

    @Test(arguments: [
        ("      value: \"SUPERSECRET\"", "      value: ****"),
        ("  - {name: m, apiKey: abc123, value: x}", "  - {name: m, apiKey: ****, value: ****}"),
        ("value: [SECRET, {a: b}]", "value: ****"),
        ("novalue: keep, myvalue: keep", "novalue: keep, myvalue: keep"),
        ("value: 'it''s' # comment", "value: **** # comment"),
        (#"{value: "a\"b", x: 1}"#, #"{value: ****, x: 1}"#),
        // A verbatim tag with a comma is part of the value, not a flow separator.
        ("value: !<x,y> SECRET", "value: ****"),
        ("{value: !<x,y> SECRET, b: 1}", "{value: ****, b: 1}"),
    ])
    func secretsAreHiddenWhateverTheirStyleAndTheLengthIsNotKept(_ line: String, _ expected: String) {
        #expect(masked(line) == expected)
    }

    @Test func anAliasedSecretIsHiddenWhereItsAnchorIsWritten() {
        let text = "x: &token SECRET-TOKEN\ncredentials:\n  - {name: a, value: *token}"
        #expect(masked(text) == "x: ****\ncredentials:\n  - {name: a, value: *token}")
    }

    @Test func aSecretWhoseValueDoesNotParseHidesTheRestOfTheFile() {
        let text = "credentials:\n  - name: a\n    value: \"SECRET\n    kind: token"
        #expect(masked(text) == "credentials:\n  - name: a\n    value****\n****")
    }
}

extension SecretMaskTests {
    @Test func aContinuationLineThatFallsOutOfItsBlockIsHidden() {
        let text =
            "credentials:\n  - name: b\n    value: |\n      SECRET-1\n     SECRET-2: out of its block\n    kind: token"
        #expect(masked(text) == "credentials:\n  - name: b\n    value: ****\n****\n****\n****")
    }
}

/// A multi-line secret whose next line falls out of its block at the indentation of a key
/// parses as a key: the events say it is no field of the schema right after the secret, so it
/// and its value are hidden too, however many such lines follow and wherever they land.
extension SecretMaskTests {
    @Test func aContinuationLineThatParsesAsAKeyIsHidden() {
        let text = "credentials:\n  - name: b\n    value: |\n      SECRET-1\n    SECRET-2: x\n    kind: token"
        #expect(masked(text) == "credentials:\n  - name: b\n    value: ****\n****\n    ****: ****\n    kind: token")
    }

    @Test func continuationLinesAreHiddenUpToTheNextField() {
        let text = """
            access:
              credentials:
                - name: b
                  value: >
                    SECRET-1
              SECRET-2: x
              SECRET-3: [y, z]
            externals: []
            """
        #expect(
            masked(text) == "access:\n  credentials:\n    - name: b\n      value: ****\n****\n  ****: ****\n  ****: ****\nexternals: []")
    }

    @Test func aPlainSecretOverSeveralLinesIsFollowedToo() {
        let text = "credentials:\n  - name: b\n    value: SECRET-1\n      SECRET-2\n    SECRET-3:\n    kind: token"
        #expect(masked(text) == "credentials:\n  - name: b\n    value: ****\n****\n    ****:\n    kind: token")
    }

    @Test func aFieldAfterAOneLineSecretStaysVisible() {
        // Nothing fell out of a secret written on one line: a misspelt field after it is quoted.
        let text = "credentials:\n  - name: b\n    value: SECRET\n    rotaton: 30d"
        #expect(masked(text) == "credentials:\n  - name: b\n    value: ****\n    rotaton: 30d")
    }

    @Test func theUnknownFieldItBecomesIsNotNamed() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write(
            "staging.yaml",
            """
            apiVersion: parity/v1
            kind: Environment
            metadata: {name: staging, tier: staging, owner: ops}
            access:
              credentials:
                - name: tls
                  kind: certificate
                  value: |
                    SECRET-1
                  SECRET-2: x
                  rotation: 30d
                  lastRotaed: 2026-01-01

            """)
        let sources = SourceStore()
        let found = Linter(sources: sources).lint(paths: [file], root: scratch.path)
        let rendered = DiagnosticRenderer(sources: sources).render(found)
        #expect(!rendered.contains("SECRET"), "\(rendered)")
        #expect(found.filter { $0.code == .schemaUnknownField }.count == 2, "\(rendered)")
        // Past the next real field, a misspelt one is named as ever.
        #expect(rendered.contains("unknown field 'lastRotaed'"), "\(rendered)")
    }
}

extension SecretMaskTests {
    @Test func aDocumentPastTheNodeLimitIsHiddenFromWhereTheScanStopped() {
        let bytes = Array("a: 1\nb: [x, x, x, x, x, x, x, x]\nc: SECRET\n".utf8)
        let regions = SecretRegions.find(in: bytes, keys: ["value"], maxNodes: 8)
        // Past eight events the scan reads no more: the rest of the file is hidden.
        #expect(regions.count == 1)
        #expect(regions.first?.startLine == 2)
        #expect(regions.first?.endLine == Int.max)
    }
}

/// Files libyaml cannot read as UTF-8 text (found by the YAML fuzzer: a UTF-16 byte-order mark
/// before a credential quoted its line in clear).
extension SecretMaskTests {
    @Test func aFileReadAsUTF16IsHiddenWhole() {
        // The fuzzer's input and the secret it planted (its length decides where UTF-16 breaks).
        let planted = "\naccess:\n  credentials:\n    - {name: x, kind: token, value: SECRETS-c4n4ry-9f2e}\n"
        let bytes: [UInt8] = [0xFE, 0xFF, 0x52, 0xFF, 0xFF, 0xD4, 0x55, 0x45, 0x64, 0x3A] + Array(planted.utf8)
        let sources = SourceStore()
        let diagnostics = DocumentChecker().check(bytes, file: "fuzz.yaml", sources: sources)
        #expect(!diagnostics.isEmpty)
        let rendered = DiagnosticRenderer(sources: sources).render(diagnostics)
        #expect(!rendered.contains("SECRET"), "\(rendered)")
    }

    @Test func whatFollowsBytesThatAreNotTextIsHidden() {
        #expect(masked("a: 1\nb: [x\u{0}y]\ncredentials: [{name: c, value: SECRET}]") == "a: 1\nb: [x****\n****")
    }
}
