import ParityDiagnostics

/// `parity check --format junit`: JUnit XML for CI test reports. A suite per pair (a case per
/// gap; allowed gaps pass, waived and baselined ones are skipped) and per environment (a case
/// per rule and target: passing rules pass, so the counts mean something). Class names carry
/// no `.` (Jenkins splits on it); properties hold no secret and no configuration.
public struct JUnitRenderer: Sendable {
    public var base: String
    /// How many cases of a suite one core writes at a time (a test sets it small, to have many runs).
    var casesPerRun = 1024

    public init(base: String) {
        self.base = base
    }

    private struct Case: Sendable {
        enum Outcome { case passed, failure(ReportItem), error(ReportItem), skipped(String) }
        var name: String
        var file: String?
        var line: Int?
        var outcome: Outcome
    }

    private struct Suite {
        var name: String
        var classname: String
        var properties: [(String, String)] = []
        var cases: [Case] = []
    }

    public func render(_ report: CheckReport) -> String {
        let items = ReportItem.items(of: report, base: base)
        var gapItems: [Int: [Int: ReportItem]] = [:]
        var findingItems: [Int: ReportItem] = [:]
        for item in items {
            if let pair = item.pair {
                gapItems[pair, default: [:]][item.index] = item
            } else if item.isFinding {
                findingItems[item.index] = item
            }
        }
        var suites: [Suite] = []
        let inputErrors = report.diagnostics.filter { $0.severity == .error }
        if !inputErrors.isEmpty {
            var suite = Suite(name: "input", classname: "parity input")
            for diagnostic in inputErrors {
                let location = diagnostic.location.map { ReportItem.relative($0, to: base) }
                var item = ReportItem(
                    ruleID: diagnostic.code.rawValue, level: .error, message: diagnostic.message, subject: "input",
                    path: "",
                    location: location, identity: diagnostic.code.rawValue, index: 0)
                item.isEvaluationError = true
                suite.cases.append(
                    Case(
                        name: diagnostic.code.rawValue, file: location?.file, line: location?.line,
                        outcome: .error(item)))
            }
            suites.append(suite)
        }
        for (pairIndex, pair) in report.pairs.enumerated() {
            let name = "\(pair.reference) -> \(pair.mirror)"
            var suite = Suite(
                name: name, classname: Self.classname("parity gaps \(name)"),
                properties: [("score", pair.score.percentText)])
            // A case per gap, made in runs on every core (each names its path and file).
            let failing = gapItems[pairIndex] ?? [:]
            let runs = Parallel.map(runsOf: casesPerRun, in: pair.gaps.count) { range in
                range.map { gapCase(pair.gaps[$0], failing: failing[$0]) }
            }
            for run in runs { suite.cases += run }
            // A section that matches entirely is a passing case of its own.
            let sectionsWithGaps = Set(pair.gaps.map(\.section))
            for section in pair.sections where !sectionsWithGaps.contains(section.section) {
                suite.cases.append(Case(name: "\(section.section) match", outcome: .passed))
            }
            suites.append(suite)
            let scope = Finding.Scope.pair(reference: pair.reference, mirror: pair.mirror)
            suites.append(policySuite(report, scope: scope, tier: report.tiers[pair.mirror] ?? nil, findingItems))
        }
        for environment in report.environments {
            guard let tier = report.tiers[environment] else { continue }  // not judged: its input has errors
            suites.append(policySuite(report, scope: .environment(environment), tier: tier, findingItems))
        }
        for (index, readiness) in report.readiness.enumerated() {
            suites.append(readinessSuite(readiness, items: items.filter { $0.readiness == index }))
        }
        // Every case names a file; what has no place of its own points at the spec.
        let anchor = ReportItem.anchorFile(of: report, base: base)
        for suite in suites.indices {
            for index in suites[suite].cases.indices where suites[suite].cases[index].file == nil {
                suites[suite].cases[index].file = anchor
            }
        }
        let rules = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return document(suites.filter { !$0.cases.isEmpty }, rules: rules)
    }

    /// A gap's case: its failure when it fails, passing when allowed, skipped when waived or known.
    private func gapCase(_ gap: Gap, failing item: ReportItem?) -> Case {
        let location = (gap.mirrorLocation ?? gap.referenceLocation).map { ReportItem.relative($0, to: base) }
        let outcome: Case.Outcome
        switch gap.status {
        case .failing: outcome = item.map { .failure($0) } ?? .passed
        case .allowed: outcome = .passed
        case .waived(let waiver):
            outcome = .skipped("waived until \(waiver.expires) by \(waiver.owner): \(waiver.reason)".oneLine)
        case .baselined: outcome = .skipped("in the baseline")
        }
        return Case(name: gap.path.description, file: location?.file, line: location?.line, outcome: outcome)
    }

    /// The rules that applied in `scope` (an environment, or a pair for pair rules), a case
    /// per finding and one passing case per rule that found nothing.
    /// A suite per migration phase the gate judges: a case per criterion and item, held ones
    /// passing, the ones that hold the phase back failing with the criterion's reason.
    private func readinessSuite(_ report: ReadinessReport, items: [ReportItem]) -> Suite {
        let name = "\(report.plan): \(report.phase)"
        var suite = Suite(
            name: name, classname: Self.classname("parity readiness \(name)"),
            properties: [("verdict", report.verdict.word)])
        let failing = Dictionary(items.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, criterion) in report.criteria.enumerated() {
            let location = ReportItem.relative(criterion.location ?? .file(report.file), to: base)
            let outcome: Case.Outcome = failing[index].map { .failure($0) } ?? .passed
            suite.cases.append(
                Case(
                    name: "\(criterion.role.rawValue) \(criterion.title)", file: location.file, line: location.line,
                    outcome: outcome))
        }
        return suite
    }

    private func policySuite(_ report: CheckReport, scope: Finding.Scope, tier: String?, _ items: [Int: ReportItem])
        -> Suite
    {
        let pairRules = if case .pair = scope { true } else { false }
        var suite = Suite(
            name: pairRules ? "\(scope) policies" : scope.description,
            classname: Self.classname("parity policies \(scope)"))
        let applicable = report.rules.filter { ($0.target == .pair) == pairRules && $0.applies(toTier: tier) }
        let mine = report.findings.enumerated().filter { $0.element.scope == scope }
        var ruleIDs = applicable.map(\.id)
        for (_, finding) in mine where !ruleIDs.contains(finding.ruleID) { ruleIDs.append(finding.ruleID) }
        let rules = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ruleIDs {
            let found = mine.filter { $0.element.ruleID == id }
            if found.isEmpty {
                let location = rules[id]?.location.map { ReportItem.relative($0, to: base) }
                suite.cases.append(Case(name: id, file: location?.file, line: location?.line, outcome: .passed))
            }
            for (index, finding) in found {
                let location = finding.location.map { ReportItem.relative($0, to: base) }
                let name = finding.item.components.isEmpty ? id : "\(id) \(finding.item)"
                let outcome: Case.Outcome
                switch finding.status {
                case .active: outcome = items[index].map { $0.isEvaluationError ? .error($0) : .failure($0) } ?? .passed
                case .waived(let waiver):
                    outcome = .skipped("waived until \(waiver.expires) by \(waiver.owner): \(waiver.reason)".oneLine)
                case .baselined: outcome = .skipped("in the baseline")
                }
                suite.cases.append(Case(name: name, file: location?.file, line: location?.line, outcome: outcome))
            }
        }
        return suite
    }

    private func document(_ suites: [Suite], rules: [String: PolicyRule]) -> String {
        func count(_ cases: [Case], _ matches: (Case.Outcome) -> Bool) -> Int {
            cases.filter { matches($0.outcome) }.count
        }
        func failures(_ cases: [Case]) -> Int { count(cases) { if case .failure = $0 { true } else { false } } }
        func errors(_ cases: [Case]) -> Int { count(cases) { if case .error = $0 { true } else { false } } }
        func skipped(_ cases: [Case]) -> Int { count(cases) { if case .skipped = $0 { true } else { false } } }
        let all = suites.flatMap(\.cases)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        func counts(_ cases: [Case]) -> String {
            "tests=\"\(cases.count)\" failures=\"\(failures(cases))\" errors=\"\(errors(cases))\" skipped=\"\(skipped(cases))\""
        }
        out += "<testsuites name=\"parity check\" \(counts(all))>\n"
        for (index, suite) in suites.enumerated() {
            out += "  <testsuite name=\(Self.attribute(suite.name)) id=\"\(index)\" \(counts(suite.cases))>\n"
            if !suite.properties.isEmpty {
                out += "    <properties>\n"
                for (name, value) in suite.properties {
                    out += "      <property name=\(Self.attribute(name)) value=\(Self.attribute(value))/>\n"
                }
                out += "    </properties>\n"
            }
            // Names are unique within a class name, as reports that key on them need: made in
            // order, then the cases (a drifted pair has a hundred thousand) written in runs on
            // every core and joined.
            var seen: [String: Int] = [:]
            let names = suite.cases.map { testCase in
                let count = seen[testCase.name, default: 0] + 1
                seen[testCase.name] = count
                return count == 1 ? testCase.name : "\(testCase.name) (\(count))"
            }
            let classname = Self.attribute(suite.classname)  // once a suite, not once a case
            let runs = Parallel.map(runsOf: casesPerRun, in: suite.cases.count) { range in
                range.reduce(into: "") { text, index in
                    text += testCase(suite.cases[index], name: names[index], classname: classname, rules: rules)
                }
            }
            for run in runs { out += run }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// One `<testcase>` element, under the name it is known by in its suite.
    private func testCase(_ testCase: Case, name: String, classname: String, rules: [String: PolicyRule]) -> String {
        var attributes = "classname=\(classname) name=\(Self.attribute(name))"
        if let file = testCase.file { attributes += " file=\(Self.attribute(file))" }
        if let line = testCase.line, line > 0 { attributes += " line=\"\(line)\"" }
        switch testCase.outcome {
        case .passed:
            return "    <testcase \(attributes)/>\n"
        case .skipped(let why):
            return "    <testcase \(attributes)>\n      <skipped message=\(Self.attribute(why))/>\n    </testcase>\n"
        case .failure(let item), .error(let item):
            let element = if case .error = testCase.outcome { "error" } else { "failure" }
            return "    <testcase \(attributes)>\n"
                + "      <\(element) message=\(Self.attribute(item.message)) type=\(Self.attribute(item.ruleID))>"
                + Self.text(body(item, item.isGap ? nil : rules[item.ruleID])) + "</\(element)>\n    </testcase>\n"
        }
    }

    /// Both locations and the reason, one fact a line; for a finding, its rule's why and fix.
    private func body(_ item: ReportItem, _ rule: PolicyRule?) -> String {
        var lines: [String] = []
        let side = item.isGap ? (item.subject.components(separatedBy: " -> ").last ?? item.subject) : item.subject
        if let location = item.location { lines.append("\(side): \(location)") }
        if let related = item.related { lines.append("\(related.label): \(related.location)") }
        lines.append(item.message)
        if let explanation = item.explanation { lines.append(explanation) }
        if let rationale = rule?.rationale { lines.append("why: " + rationale.oneLine) }
        if let fix = rule?.fix { lines.append("fix: " + fix.oneLine) }
        return lines.joined(separator: "\n")
    }

    /// A class name without dots: Jenkins reads `a.b` as package `a`, class `b`.
    static func classname(_ text: String) -> String {
        text.replacingOccurrences(of: ".", with: "_")
    }

    /// A quoted XML attribute value.
    static func attribute(_ value: String) -> String {
        "\"" + escape(value, attribute: true) + "\""
    }

    static func text(_ value: String) -> String { escape(value, attribute: false) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        // Most names and messages need nothing: a scalar at a time, each of a report's
        // hundred thousand attributes cost thousands of instructions.
        guard value.utf8.contains(where: { needsEscape[Int($0)] }) else { return value }
        // Byte by byte: every character `escape` changes is ASCII, or U+FFFE and U+FFFF
        // (EF BF BE, EF BF BF); any other byte is copied as it is.
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "\n") where attribute: out.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(byte)
            // XML 1.0 has no way to write other control characters: they are left out.
            case 0..<0x20: continue
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] & 0xFE == 0xBE:
                index += 2
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes that can start what `escape` changes: the markup characters, control
    /// characters, and the lead byte of U+FFFE and U+FFFF.
    private static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || Array("&<>\"".utf8).contains(UInt8(byte)) || byte == 0xEF
    }
}
