import Foundation
import Testing
import ParityDiagnostics
import ParityTestSupport
import ParityYAML
@testable import ParityKit

/// The model as people write it, and the messages that fell short.
@Suite struct FirstDayModelTests {
    @Test func extensionKeysAreIgnoredAtAnyLevel() throws {
        let text = Decoding.environment(
            "x-defaults: &d {replicas: 2}\nregions: [eu-west-1]\nservices:\n  - {name: a, image: i, replicas: 2, x-note: hi}\n"
        )
        let result = try Decoding.decode(MarkedText(text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aFolderMayRepeatItsNameAndAConflictNamesTheFiles() throws {
        let scratch = try ScratchFolder()
        let header = "apiVersion: parity/v1\nkind: Environment\n"
        try scratch.write(
            "environments/prod/a.yaml",
            header + "metadata: {name: prod, tier: production, owner: sre}\nregions: [eu-west-1]\n")
        try scratch.write(
            "environments/prod/b.yaml",
            header + "metadata: {name: prod, owner: ops}\nservices: [{name: a, image: i, replicas: 2}]\n")
        let workspace = Workspace(root: scratch.path, sources: SourceStore())
        let diagnostics = workspace.environments.flatMap(\.diagnostics)
        #expect(
            diagnostics.map(\.message) == [
                "'metadata.owner' is defined in both a.yaml and b.yaml; define it in one file only"
            ])
    }

    @Test func wrongIndentationSaysWhatUsuallyCausesIt() {
        do {
            _ = try YAMLLoader().load(Array("metadata:\n  name: a\n    tier: b\n".utf8), file: "t.yaml")
            Issue.record("a key indented under a value must not parse")
        } catch {
            let message = error.diagnostics.first?.message ?? ""
            #expect(
                message.hasPrefix(
                    "mapping values are not allowed in this context; this usually means a missing space after a colon"),
                "\(message)")
        }
    }

    @Test func aTabGetsNoNotePointingElsewhere() {
        do {
            _ = try YAMLLoader().load(Array("services:\n\t- name: a\n".utf8), file: "t.yaml")
            Issue.record("a tab must not parse")
        } catch {
            #expect(error.diagnostics.first?.message.contains("not tabs") == true)
            #expect(error.diagnostics.first?.notes.isEmpty == true)
        }
    }

    @Test func nounsTakeTheirArticle() {
        #expect(DecodingRun.article("environment") == "an")
        #expect(DecodingRun.article("service") == "a")
    }

    @Test func colourFollowsTheRule() {
        #expect(ColorMode.auto.enabled(terminal: true, environment: [:]))
        #expect(!ColorMode.auto.enabled(terminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.auto.enabled(terminal: true, environment: ["TERM": "dumb"]))
        #expect(ColorMode.auto.enabled(terminal: false, environment: ["FORCE_COLOR": "1"]))
        #expect(ColorMode.auto.enabled(terminal: false, environment: ["CLICOLOR_FORCE": "1"]))
        #expect(!ColorMode.auto.enabled(terminal: false, environment: ["FORCE_COLOR": "0"]))
        #expect(!ColorMode.auto.enabled(terminal: false, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"]))
        #expect(ColorMode.always.enabled(terminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.never.enabled(terminal: true, environment: ["FORCE_COLOR": "1"]))
    }

    @Test func failingGapsWithOneCauseCollapse() {
        let gaps = ["a", "b", "c", "d"].map { name in
            Gap(
                .missing, at: ModelPath([.field("services"), .item(name), .field("regions"), .item("eu-west-1")]),
                reference: Value(.string("eu-west-1"), at: nil), mirror: nil, sensitive: false, mirrorLocation: nil,
                referenceLocation: nil)
        }
        let report = PairReport(
            reference: "production", mirror: "staging", gaps: gaps,
            sections: [.init(section: "services", attributes: 10, failing: 4)], diagnostics: [])
        let text = DiffTextRenderer(style: TextStyle(enabled: false)).render(report)
        #expect(
            text.contains(
                "  x services[*].regions[eu-west-1]  4 gaps, missing in staging\n      e.g. services[a].regions[eu-west-1]\n"
            ), "\(text)")
        #expect(!text.contains("services[b]"))
    }

    @Test func aMalformedPathNamesTheBracket() {
        let diagnostic = ModelPath.invalid("networks[*.segments[*].cidr", at: nil, example: "x")
        #expect(
            diagnostic.message
                == "'networks[*.segments[*].cidr' is not a path: the '[' at column 9 is never closed; write it as x")
        #expect(ModelPath.invalid("a]b", at: nil, example: "x").message.contains("the ']' at column 2 closes no '['"))
    }
}

/// The JSON Schema as strict as lint where a pattern can be, and saying the rest.
@Suite struct FirstDaySchemaTests {
    @Test(arguments: [
        ("10.0.0.0/16", true), ("10.400.0.0/16", false), ("10.0.0.0/33", false), ("2001:db8::/32", true),
        ("2001:db8::/129", false),
    ])
    func theCIDRPatternIsAsStrictAsLint(_ text: String, _ valid: Bool) throws {
        let regex = try NSRegularExpression(pattern: StringFormat.cidr.pattern)
        let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        #expect(matched == valid)
        #expect(StringFormat.cidr.isValid(text) == valid)
    }

    @Test func descriptionsSayWhatLintRequiresAfterComposition() {
        let text = JSONSchemaGenerator.schema().pretty
        #expect(text.contains("Required once the files are composed"))
        #expect(text.contains("Lint requires an address range such as 10.0.0.0/16."))
        #expect(text.contains("\"^x-\""))
    }
}
