import Testing
import ParityTestSupport
import ParityDiagnostics
@testable import ParityYAML

@Suite struct LoaderTests {
    func load(_ text: String, strictTags: Bool = true, limits: LoaderLimits = .default) throws(DiagnosticList)
        -> [YAMLDocument]
    {
        try YAMLLoader(limits: limits, strictTags: strictTags).load(Array(text.utf8), file: "test.yaml")
    }

    func diagnostics(_ text: String, strictTags: Bool = true, limits: LoaderLimits = .default) -> [Diagnostic] {
        do {
            _ = try load(text, strictTags: strictTags, limits: limits)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test(arguments: [
        ("~", Scalar.Value.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        ("yes", .string), ("no", .string), ("on", .string), ("off", .string), ("nULL", .string),
        ("0", .int(0)), ("-12", .int(-12)), ("+7", .int(7)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0x", .string),
        ("0o8", .string),
        ("1.10", .float(1.1)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("1e3", .float(1000)),
        ("6.02E+23", .float(6.02e23)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("1_000", .string), ("1.2.3", .string),
        (".", .string),
        ("+", .string), ("e3", .string), ("0b101", .string), ("12:30", .string), ("9223372036854775807", .int(.max)),
    ])
    func coreSchema(_ text: String, _ expected: Scalar.Value) throws {
        let root = try load("v: \(text)")[0].root
        #expect(root["v"]?.scalar?.value == expected)
        #expect(root["v"]?.scalar?.text == text)
    }

    @Test func nanIsAFloat() throws {
        guard case .float(let value)? = try load(".nan")[0].root.scalar?.value else {
            Issue.record("not a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        let root = try load("a: '1'\nb: \"true\"\nc: |\n  12\nd: >-\n  x\n  y\n")[0].root
        #expect(root["a"]?.scalar == Scalar(text: "1", style: .singleQuoted, value: .string))
        #expect(root["b"]?.scalar == Scalar(text: "true", style: .doubleQuoted, value: .string))
        #expect(root["c"]?.scalar == Scalar(text: "12\n", style: .literal, value: .string))
        #expect(root["d"]?.scalar == Scalar(text: "x y", style: .folded, value: .string))
    }

    @Test func standardTagsAreHonoured() throws {
        let root = try load("a: !!str 123\nb: !!int \"42\"\nc: !!float 1\nd: !!binary aGk=\ne: !!set {x, y}\n")[0].root
        #expect(root["a"]?.scalar?.value == .string)
        #expect(root["b"]?.scalar?.value == .int(42))
        #expect(root["c"]?.scalar?.value == .float(1))
        #expect(root["d"]?.scalar?.value == .string)
        #expect(root.json == #"{"a":"123","b":42,"c":1.0,"d":"aGk=","e":{"x":null,"y":null}}"#)
    }

    @Test func tagThatDoesNotFitIsAnError() {
        let marked = MarkedText("a: ⟨v⟩!!int abc\n")
        let found = diagnostics(marked.text)
        #expect(found.map(\.code) == [.yamlTagMismatch])
        #expect(found.first?.location == marked.location("v"))
    }

    @Test func applicationTagsAreErrorsWhenStrictAndDroppedOtherwise() throws {
        let marked = MarkedText("bucket: ⟨tag⟩!Ref Bucket\n")
        let found = diagnostics(marked.text)
        #expect(found.map(\.code) == [.yamlUnknownTag])
        #expect(found.first?.location == marked.location("tag"))
        #expect(found.first?.message.contains("'!Ref'") == true)
        let root = try load(marked.text, strictTags: false)[0].root
        #expect(root.json == #"{"bucket":"Bucket"}"#)
        #expect(root["bucket"]?.tag == "!Ref")
    }

    @Test func positionsAreOneBased() throws {
        let marked = MarkedText("⟨root⟩services:\n  - ⟨item⟩name: ⟨name⟩api\n    ⟨key⟩replicas: ⟨value⟩3\n")
        let root = try load(marked.text)[0].root
        #expect(root.location == marked.location("root"))
        let item = try #require(root["services"]?.sequence?.first)
        #expect(item.location == marked.location("item"))
        #expect(item["name"]?.location == marked.location("name"))
        #expect(item.mapping?[1].key.location == marked.location("key"))
        #expect(item["replicas"]?.location == marked.location("value"))
    }

    @Test func multipleDocumentsInOrder() throws {
        let documents = try load("a: 1\n---\nb: 2\n--- 3\n")
        #expect(documents.map(\.root.json) == [#"{"a":1}"#, #"{"b":2}"#, "3"])
    }

    @Test func emptyStreamHasNoDocuments() throws {
        #expect(try load("").isEmpty)
        #expect(try load("# only a comment\n").isEmpty)
    }

    @Test func mergeKeysExplicitKeysWinAndEarlierSourcesWin() throws {
        let text = """
            base: &base {a: 1, b: 2}
            other: &other {b: 20, c: 30}
            one: {<<: *base, b: 3}
            many: {<<: [*base, *other], c: 4}
            """
        let root = try load(text)[0].root
        #expect(try JSONValue.stream(root["one"]!.json) == JSONValue.stream(#"{"a":1,"b":3}"#))
        #expect(try JSONValue.stream(root["many"]!.json) == JSONValue.stream(#"{"a":1,"b":2,"c":4}"#))
    }

    @Test func mergeOfAScalarIsAnError() {
        let marked = MarkedText("a: &x 1\nb: {⟨v⟩<<: *x}\n")
        let found = diagnostics(marked.text)
        #expect(found.map(\.code) == [.yamlBadMerge])
        #expect(found.first?.location == marked.location("v"))
    }

    @Test func duplicateKeysNameBothPlaces() {
        let marked = MarkedText("⟨first⟩name: a\nport: 1\n⟨second⟩name: b\n")
        let found = diagnostics(marked.text)
        #expect(found.count == 1)
        #expect(found.first?.code == .yamlDuplicateKey)
        #expect(found.first?.location == marked.location("second"))
        #expect(found.first?.notes.first?.location == marked.location("first"))
    }

    @Test func duplicateKeysCompareValuesNotSpelling() {
        #expect(diagnostics("1: a\n0x1: b\n").map(\.code) == [.yamlDuplicateKey])
        #expect(diagnostics("1: a\n'1': b\n").isEmpty)
        #expect(diagnostics("null: a\n~: b\n").map(\.code) == [.yamlDuplicateKey])
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = (0..<40).map { "k\($0): \($0)\n" }.joined()
        text += "k7: again\n"
        #expect(diagnostics(text).map(\.code) == [.yamlDuplicateKey])
    }

    @Test func allDuplicatesReportedAtOnce() {
        #expect(diagnostics("a: 1\na: 2\nb: {x: 1, x: 2}\n").count == 2)
    }

    @Test func anchorMayBeRedefined() throws {
        let root = try load("- &a 1\n- *a\n- &a 2\n- *a\n")[0].root
        #expect(root.json == "[1,1,2,2]")
    }

    @Test func aTabIndentSaysSo() {
        let marked = MarkedText("a:\n⟨tab⟩\tb: 1\n")
        let found = diagnostics(marked.text)
        #expect(found.first?.location == marked.location("tab"))
        #expect(
            found.first?.message.hasSuffix("YAML indents with spaces, not tabs: replace the tab with spaces") == true)
    }

    @Test func syntaxErrorsCarryLibyamlPositions() {
        let marked = MarkedText("a: [1, 2\nb: ⟨here⟩3\n")
        let found = diagnostics(marked.text)
        #expect(found.map(\.code) == [.yamlSyntax])
        #expect(found.first?.location?.line == 2)
    }
}

/// Hostile inputs end in a diagnostic, never a hang or a crash.
@Suite struct HostileInputTests {
    func diagnostics(_ bytes: [UInt8], limits: LoaderLimits = .default) -> [Diagnostic] {
        do {
            _ = try YAMLLoader(limits: limits).load(bytes, file: "hostile.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let found = diagnostics(Array(text.utf8))
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.message.contains("alias") == true)
    }

    @Test func aliasBombOfManyReferencesToOneLargeNode() {
        let big = "[" + Array(repeating: "x", count: 10_000).joined(separator: ",") + "]"
        let text = "a: &a \(big)\nb: [" + Array(repeating: "*a", count: 200).joined(separator: ",") + "]\n"
        #expect(diagnostics(Array(text.utf8)).map(\.code) == [.yamlLimit])
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func deepNesting(_ opener: String) {
        let text = String(repeating: opener, count: 100_000)
        let found = diagnostics(Array(text.utf8))
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.message.contains("deeper than 512") == true)
    }

    @Test func nestingJustUnderTheLimitLoads() {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(diagnostics(Array(text.utf8)).isEmpty)
    }

    @Test func hugeScalar() {
        var bytes = Array("key: ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50_000_000)
        let found = diagnostics(bytes, limits: LoaderLimits(maxFileBytes: 100 << 20))
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.message.contains("scalar") == true)
    }

    @Test func fileOverTheSizeLimit() {
        let found = diagnostics([UInt8](repeating: 0x20, count: 2048), limits: LoaderLimits(maxFileBytes: 1024))
        #expect(found.map(\.code) == [.yamlLimit])
    }

    @Test func invalidUTF8IsReportedWithItsPlace() {
        let marked = MarkedText("a: 1\nb: x⟨bad⟩")
        let found = diagnostics(marked.bytes + [0xFF, 0x0A])
        #expect(found.map(\.code) == [.yamlEncoding])
        #expect(found.first?.location?.line == marked.location("bad").line)
        #expect(found.first?.location?.column == marked.location("bad").column)
    }

    @Test func nulByteIsReportedWithItsPlace() {
        let found = diagnostics(Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8))
        #expect(found.map(\.code) == [.yamlEncoding])
        #expect(found.first?.message.contains("NUL") == true)
        #expect(found.first?.location == SourceLocation(file: "hostile.yaml", line: 2, column: 5))
    }

    @Test func selfAlias() {
        let found = diagnostics(Array("a: &a [*a]\n".utf8))
        #expect(found.map(\.code) == [.yamlBadAlias])
        #expect(found.first?.message.contains("contains it") == true)
    }

    @Test func undefinedAlias() {
        #expect(diagnostics(Array("a: *nowhere\n".utf8)).map(\.code) == [.yamlBadAlias])
    }

    @Test func unreadableFileIsNeverEmpty() {
        #expect(throws: DiagnosticList.self) { try YAMLLoader().loadFile("/nonexistent/parity/file.yaml") }
        #expect(throws: DiagnosticList.self) { try YAMLLoader().loadFile("/tmp") }
    }
}

@Suite struct LoaderHardeningTests {
    func diagnostics(_ text: String, limits: LoaderLimits = .default) -> [Diagnostic] {
        do {
            _ = try YAMLLoader(limits: limits).load(Array(text.utf8), file: "t.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aTagMismatchNeverQuotesTheValue() {
        let found = diagnostics("value: !!int SECRET\n")
        #expect(
            found.map(\.message) == [
                "this value is not an integer, as its tag says; write an integer or remove the tag"
            ])
    }

    @Test(arguments: ["a: !!seq x\n", "a: !!map x\n", "a: !!timestamp hello\n"])
    func standardTagsOnTheWrongKindOfScalarAreErrors(_ text: String) {
        #expect(diagnostics(text).map(\.code) == [.yamlTagMismatch])
    }

    @Test func aValidTimestampIsAccepted() {
        #expect(diagnostics("a: !!timestamp 2026-11-30T12:00:00Z\nb: !!timestamp 2026-11-30\n").isEmpty)
    }

    @Test func aHugeTagIsClippedInTheMessage() {
        let found = diagnostics("a: !" + String(repeating: "x", count: 100_000) + " v\n")
        #expect(found.count == 1)
        #expect((found.first?.message.count ?? .max) < 400)
    }

    @Test func aliasesAreCountedInBytesAsWellAsNodes() {
        let big = String(repeating: "x", count: 1 << 20)
        let text = "a: &big \(big)\nb: [" + Array(repeating: "*big", count: 20).joined(separator: ", ") + "]\n"
        let found = diagnostics(text)
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.message.contains("bytes of text") == true)
        #expect(found.first?.location?.line == 2)
    }

    @Test func aDocumentWithTooManyNodesIsRefusedWhereTheLimitIsCrossed() {
        var limits = LoaderLimits.default
        limits.maxNodes = 100
        let found = diagnostics("a: [" + (1...200).map(String.init).joined(separator: ", ") + "]\n", limits: limits)
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.location?.line == 1)
    }

    /// The limit bounds a file: documents each under it add up (a file of many documents at
    /// the limit would cost their number times what the limit bounds).
    @Test func theNodeLimitCountsEveryDocumentOfTheFile() {
        var limits = LoaderLimits.default
        limits.maxNodes = 100
        let document = "a: [" + (1...40).map(String.init).joined(separator: ", ") + "]\n"
        #expect(diagnostics(document + "---\n" + document, limits: limits).isEmpty)
        let found = diagnostics(document + "---\n" + document + "---\n" + document, limits: limits)
        #expect(found.map(\.code) == [.yamlLimit])
        #expect(found.first?.location?.line == 5)
        #expect(found.first?.message.contains("this file holds more than 100 nodes") == true)
    }
}

extension LoaderHardeningTests {
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func onlyLFAndCRBreakLinesAsInEditors(_ separator: String) {
        let found = diagnostics("a: \"ü\(separator)x\"\nb: !!int z\n")
        #expect(found.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
        // Other characters with the same lead bytes (¢ is C2 A2, € E2 82 AC) come first.
        let later = diagnostics("a: \"¢ € ü\(separator)x\"\nb: !!int z\n")
        #expect(later.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
    }
}
