import Foundation
public import ParityDiagnostics
import ParityYAML

/// `parity policy test`: runs each case's environment through the rules and compares each
/// rule's outcome (pass, fail on which items, or skip) with what the case expects.
public struct PolicyTestRunner: Sendable {
    public var rules: [CompiledRule]
    public var schema: ObjectSchema

    public init(rules: [CompiledRule], schema: ObjectSchema = EnvironmentSchema.root) {
        self.rules = rules
        self.schema = schema
    }

    /// One expectation's verdict.
    public struct Outcome: Sendable {
        public var file: String
        public var testCase: String
        public var ruleID: String
        public var passed: Bool
        public var expected: String
        public var got: String
        public var location: SourceLocation?
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome] = []
        public var diagnostics: [Diagnostic] = []
        public var failed: Int { outcomes.filter { !$0.passed }.count }
        /// Rules that no case exercises.
        public var untested: [String] = []
    }

    public func run(files: [String], sources: SourceStore) -> Report {
        var report = Report()
        var exercised = Set<String>()
        let byID = Dictionary(rules.map { ($0.rule.id, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            let documents: [YAMLDocument]
            do {
                documents = try YAMLLoader().loadFile(file, sources: sources)
            } catch {
                report.diagnostics += error.diagnostics
                continue
            }
            for document in documents {
                let decoded = SchemaDecoder().decode(document.root, as: PolicyTestSchema.root)
                report.diagnostics += decoded.diagnostics
                guard !decoded.diagnostics.containsError else { continue }
                for caseNode in document.root["cases"]?.sequence ?? [] {
                    run(caseNode, file: file, rules: byID, sources: sources, report: &report, exercised: &exercised)
                }
            }
        }
        report.untested = rules.map(\.rule.id).filter { !exercised.contains($0) }
        return report
    }

    private func run(_ node: Node, file: String, rules: [String: CompiledRule], sources: SourceStore, report: inout Report, exercised: inout Set<String>) {
        let name = node["name"]?.scalar?.text ?? "case"
        let tier = node["tier"]?.scalar?.text ?? "production"
        guard let mirror = environment(node, field: "environment", name: "test", tier: tier, file: file, sources: sources, report: &report) else { return }
        let reference = node["reference"] == nil ? nil
            : environment(node, field: "reference", name: "reference", tier: "production", file: file, sources: sources, report: &report)
        for pair in node["expect"]?.mapping ?? [] {
            guard let ruleID = pair.key.scalar?.text else { continue }
            guard let rule = rules[ruleID] else {
                report.diagnostics.append(.error(.policyTestUnknownRule, "no policy has a rule '\(ruleID)'\(Suggestion.didYouMean(ruleID, in: rules.keys))", at: pair.key.location))
                continue
            }
            exercised.insert(ruleID)
            guard let expectation = Expectation(pair.value) else {
                report.diagnostics.append(.error(.policyTestInvalid, "expect pass, skip, fail, or {fail: [item paths]}", at: pair.value.location))
                continue
            }
            var checked: [String: Int] = [:]
            let engine = PolicyEngine(rules: [rule], schema: schema)
            let pairs = reference.map { [(reference: $0, mirror: mirror)] } ?? []
            let findings = engine.evaluate(environments: [mirror], pairs: pairs, checked: &checked)
            let got: String
            var passed: Bool
            if let error = findings.first(where: \.isEvaluationError) {
                got = "an evaluation error: \(error.message)"
                passed = false
            } else if !findings.isEmpty {
                let items = findings.map(\.item.description).sorted()
                got = "fail on [\(items.joined(separator: ", "))]"
                if case .fail(let expected?) = expectation { passed = expected.sorted() == items } else { passed = expectation.isFail }
            } else if (checked[ruleID] ?? 0) > 0 {
                got = "pass"
                passed = expectation.isPass
            } else {
                got = "skip"
                passed = expectation.isSkip
            }
            report.outcomes.append(Outcome(file: file, testCase: name, ruleID: ruleID, passed: passed, expected: expectation.description, got: got, location: pair.key.location))
        }
    }

    private func environment(_ node: Node, field: String, name: String, tier: String, file: String, sources: SourceStore, report: inout Report) -> PolicySubject? {
        var source = node[field]
        if field == "environment", let file = node["file"], node["environment"] != nil {
            report.diagnostics.append(.error(.policyTestInvalid, "a case takes an inline 'environment' or a 'file', not both", at: file.location))
            return nil
        }
        if field == "environment", let path = node["file"]?.scalar?.text {
            let resolved = (path as NSString).isAbsolutePath ? path : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
            do {
                source = try YAMLLoader().loadFile(resolved, sources: sources).first?.root
            } catch {
                report.diagnostics += error.diagnostics
                return nil
            }
        }
        guard let source else {
            report.diagnostics.append(.error(.policyTestInvalid, "a case needs an 'environment' (inline) or a 'file'", at: node.location))
            return nil
        }
        let decoded = SchemaDecoder(checksRequiredFields: false).decode(source, as: schema)
        report.diagnostics += decoded.diagnostics
        guard !decoded.diagnostics.containsError else { return nil }
        var fields = decoded.value.object ?? Fields()
        var metadata = fields["metadata"]?.object ?? Fields()
        if metadata["name"] == nil { metadata["name"] = Value(.string(name), at: nil) }
        if metadata["tier"] == nil { metadata["tier"] = Value(.string(tier), at: nil) }
        fields["metadata"] = Value(.object(metadata), at: fields["metadata"]?.location)
        let environment = Value(.object(fields), at: decoded.value.location)
        return PolicySubject(name: metadata["name"]?.string ?? name, tier: metadata["tier"]?.string, value: environment)
    }
}

/// What a case expects of a rule.
enum Expectation: CustomStringConvertible {
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

    var description: String {
        switch self {
        case .pass: "pass"
        case .skip: "skip"
        case .fail(nil): "fail"
        case .fail(let items?): "fail on [\(items.sorted().joined(separator: ", "))]"
        }
    }
}

extension Diagnostic.Code {
    public static let policyTestUnknownRule: Self = "policy-test.unknown-rule"
    public static let policyTestInvalid: Self = "policy-test.invalid"
}
