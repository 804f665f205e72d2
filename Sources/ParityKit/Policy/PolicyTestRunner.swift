import Foundation
public import ParityDiagnostics
import ParityYAML

/// `parity policy test`: runs each case's environment through the rules and compares each
/// rule's outcome (pass, fail on which items, or skip) with what the case expects.
public struct PolicyTestRunner: Sendable {
    public var rules: [CompiledRule]
    public var schema: ObjectSchema
    /// The run's date, for cases that do not pin their own `today`.
    public var date: RunDate

    public init(rules: [CompiledRule], schema: ObjectSchema = EnvironmentSchema.root, date: RunDate = .current()) {
        self.rules = rules
        self.schema = schema
        self.date = date
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

    /// The error for a case expecting something of a rule no policy has, with the closest id.
    static func unknownRule(_ expectation: PolicyTestCase.Expectation, known: some Collection<String>) -> Diagnostic {
        .error(
            .policyTestUnknownRule,
            "no policy has a rule '\(expectation.ruleID)'\(Suggestion.didYouMean(expectation.ruleID, in: known))",
            at: expectation.location)
    }

    /// The expectations of the PolicyTest `files` that name no rule of `ruleIDs`, as `run` reports
    /// them: `parity lint` finds them without running a case.
    public static func unknownRules(files: [String], ruleIDs: Set<String>, sources: SourceStore) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for file in files {
            // A file that does not read or decode is the document checker's to report.
            guard let documents = try? YAMLLoader().loadFile(file, sources: sources) else { continue }
            for document in documents {
                let (cases, problems) = PolicyTestCase.decode(document.root, file: file)
                guard !problems.containsError else { continue }
                for expectation in cases.flatMap(\.expectations) where !ruleIDs.contains(expectation.ruleID) {
                    diagnostics.append(unknownRule(expectation, known: ruleIDs.sorted()))
                }
            }
        }
        return diagnostics
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
                let (cases, problems) = PolicyTestCase.decode(document.root, file: file)
                report.diagnostics += problems
                guard !problems.containsError else { continue }
                for testCase in cases {
                    run(testCase, file: file, rules: byID, sources: sources, report: &report, exercised: &exercised)
                }
            }
        }
        report.untested = rules.map(\.rule.id).filter { !exercised.contains($0) }
        return report
    }

    private func run(
        _ testCase: PolicyTestCase, file: String, rules: [String: CompiledRule], sources: SourceStore,
        report: inout Report, exercised: inout Set<String>
    ) {
        guard
            let mirror = environment(
                testCase.environment, name: "test", tier: testCase.tier, sources: sources, report: &report)
        else { return }
        let reference = testCase.reference.flatMap {
            environment(
                .inline($0), name: "reference", tier: Tier.production.rawValue, sources: sources, report: &report)
        }
        let date = testCase.today.flatMap { RunDate(day: $0) } ?? self.date
        var scheduleProblems: [Diagnostic] = []
        let schedule = Schedule.from(testCase.schedule, diagnostics: &scheduleProblems)
        report.diagnostics += scheduleProblems
        for expectation in testCase.expectations {
            let ruleID = expectation.ruleID
            guard let rule = rules[ruleID] else {
                report.diagnostics.append(Self.unknownRule(expectation, known: rules.keys))
                continue
            }
            exercised.insert(ruleID)
            var checked: [String: Int] = [:]
            let engine = PolicyEngine(rules: [rule], schema: schema, date: date, schedule: schedule)
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
                if case .fail(let expected?) = expectation.outcome {
                    passed = expected.sorted() == items
                } else {
                    passed = expectation.outcome.isFail
                }
            } else if (checked[ruleID] ?? 0) > 0 {
                got = "pass"
                passed = expectation.outcome.isPass
            } else {
                got = "skip"
                passed = expectation.outcome.isSkip
            }
            report.outcomes.append(
                Outcome(
                    file: file, testCase: testCase.name, ruleID: ruleID, passed: passed,
                    expected: expectation.outcome.description,
                    got: got, location: expectation.location))
        }
    }

    private func environment(
        _ source: PolicyTestCase.Source, name: String, tier: String, sources: SourceStore, report: inout Report
    ) -> PolicySubject? {
        let node: Node
        switch source {
        case .inline(let inline):
            node = inline
        case .file(let path, _):
            do {
                guard let root = try YAMLLoader().loadFile(path, sources: sources).first?.root else { return nil }
                node = root
            } catch {
                report.diagnostics += error.diagnostics
                return nil
            }
        }
        let decoded = SchemaDecoder(checksRequiredFields: false).decode(node, as: schema)
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

extension Diagnostic.Code {
    public static let policyTestUnknownRule: Self = "policy-test.unknown-rule"
    public static let policyTestInvalid: Self = "policy-test.invalid"
}
