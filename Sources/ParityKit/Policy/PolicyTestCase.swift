import Foundation
public import ParityDiagnostics
public import ParityYAML

/// One case of a PolicyTest file, decoded once: the environment fragment (inline or a
/// file), an optional reference for pair rules, and what each rule is expected to say.
public struct PolicyTestCase: Sendable {
    /// Where the case's environment comes from.
    public enum Source: Sendable {
        /// Written inline; metadata is filled in.
        case inline(Node)
        /// An Environment file, as a path from the working directory.
        case file(String, at: SourceLocation?)
    }

    /// One rule's expected outcome, where it is written.
    public struct Expectation: Sendable {
        public var ruleID: String
        public var outcome: ExpectedOutcome
        public var location: SourceLocation
    }

    public var name: String
    public var tier: String
    public var environment: Source
    public var reference: Node?
    public var expectations: [Expectation]
    public var location: SourceLocation
    /// The day the case is judged on (`YYYY-MM-DD`), when it fixes one.
    public var today: String?
    /// The case's own `schedule:` settings, when it gives them.
    public var schedule: Value?

    /// The cases of a PolicyTest document at `file`, with every problem the schema and the
    /// cases' own rules find; `parity lint` and `parity policy test` both read them here.
    public static func decode(_ root: Node, file: String) -> ([PolicyTestCase], [Diagnostic]) {
        let decoded = SchemaDecoder().decode(root, as: PolicyTestSchema.root)
        var diagnostics = decoded.diagnostics
        guard !diagnostics.containsError else { return ([], diagnostics) }
        let nodes = root["cases"]?.sequence ?? []
        let values = decoded.value["cases"]?.list ?? []
        var cases: [PolicyTestCase] = []
        for (node, value) in zip(nodes, values) {
            if let testCase = decode(node, value, file: file, diagnostics: &diagnostics) { cases.append(testCase) }
        }
        return (cases, diagnostics)
    }

    private static func decode(_ node: Node, _ value: Value, file: String, diagnostics: inout [Diagnostic])
        -> PolicyTestCase?
    {
        let environment: Source
        switch (node["environment"], value["file"]?.string) {
        case (_?, _?):
            diagnostics.append(
                .error(
                    .policyTestInvalid, "a case takes an inline 'environment' or a 'file', not both",
                    at: value["file"]?.location))
            return nil
        case (let inline?, nil):
            environment = .inline(inline)
        case (nil, let path?):
            let folder = (file as NSString).deletingLastPathComponent
            let resolved =
                (path as NSString).isAbsolutePath || folder.isEmpty
                ? path : (folder as NSString).appendingPathComponent(path)
            environment = .file(resolved, at: value["file"]?.location)
        case (nil, nil):
            diagnostics.append(
                .error(.policyTestInvalid, "a case needs an 'environment' (inline) or a 'file'", at: node.location))
            return nil
        }
        var expectations: [Expectation] = []
        for pair in node["expect"]?.mapping ?? [] {
            guard let ruleID = pair.key.scalar?.text else { continue }
            guard let outcome = ExpectedOutcome(pair.value) else {
                diagnostics.append(
                    .error(
                        .policyTestInvalid, "expect pass, skip, fail, or {fail: [item paths]}", at: pair.value.location)
                )
                continue
            }
            expectations.append(Expectation(ruleID: ruleID, outcome: outcome, location: pair.key.location))
        }
        return PolicyTestCase(
            name: value["name"]?.string ?? "case", tier: value["tier"]?.string ?? Tier.production.rawValue,
            environment: environment, reference: node["reference"], expectations: expectations, location: node.location,
            today: value["today"]?.string, schedule: value["schedule"])
    }
}

/// What a case expects of a rule.
public enum ExpectedOutcome: Sendable, CustomStringConvertible {
    case pass
    case skip
    /// Findings, on exactly these items when given.
    case fail([String]?)

    init?(_ node: Node) {
        if let word = node.scalar?.text {
            switch word {
            case "pass": self = .pass
            case "skip": self = .skip
            case "fail": self = .fail(nil)
            default: return nil
            }
            return
        }
        guard let items = node["fail"]?.sequence else { return nil }
        self = .fail(items.compactMap { $0.scalar?.text }.map { ModelPath(parsing: $0)?.description ?? $0 })
    }

    var isPass: Bool { if case .pass = self { true } else { false } }
    var isSkip: Bool { if case .skip = self { true } else { false } }
    var isFail: Bool { if case .fail = self { true } else { false } }

    public var description: String {
        switch self {
        case .pass: "pass"
        case .skip: "skip"
        case .fail(nil): "fail"
        case .fail(let items?): "fail on [\(items.sorted().joined(separator: ", "))]"
        }
    }
}
