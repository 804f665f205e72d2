public import ParityDiagnostics
import ParityCEL

/// A decoded `parity.yaml`, or the defaults when a repository has none.
public struct ParitySpec: Sendable {
    public struct Pair: Sendable {
        public var reference: String
        public var mirror: String
        public var variances: [Variance]
        public var location: SourceLocation?
        public var referenceLocation: SourceLocation?
        public var mirrorLocation: SourceLocation?
    }

    public struct Gate: Sendable {
        public var failOn: GateDecision.Level = .error
        public var minimumScore: Double?
        public var maxWarnings: Int?
        /// What a dependency cycle in an environment does to the run (`cycles:`).
        public var cycles: CyclePolicy = .warn
        /// Migration plans whose phase joins the gate.
        public var readiness: [ReadinessGate] = []
    }

    /// What the gate makes of a dependency cycle: a warning (the default), a reason the run
    /// fails, or nothing at all.
    public enum CyclePolicy: String, Sendable, CaseIterable {
        case warn, fail, ignore
    }

    /// A plan's phase judged as part of the gate, where the spec names it.
    public struct ReadinessGate: Sendable {
        /// The plan file, relative to the spec's folder.
        public var plan: String
        public var phase: String?
        /// Sources of the plan replaced by name: a URL, or a file relative to the spec's folder.
        public var sources: [(name: String, value: String)] = []
        public var location: SourceLocation?
    }

    public var environmentsFolder = "environments"
    /// Where `environments:` was written, if it was.
    public var environmentsLocation: SourceLocation?
    public var policiesFolder = "policies"
    /// Whether `policies:` was written (a missing folder is then an error, not a default).
    public var policiesFolderWritten = false
    public var policiesLocation: SourceLocation?
    /// Nil when the spec names no pairs: every staging environment then mirrors production.
    public var pairs: [Pair]?
    public var waivers: [Waiver] = []
    public var gate = Gate()
    /// The fields identifying the items of unnamed lists (`identities:`), over the schema's.
    public var identities = ItemIdentities()
    /// Whether the built-in pack runs beside the repository's own policies (`builtin:`).
    public var builtinPack = true
    public var builtinLocation: SourceLocation?
    /// Rules turned off by id (`rules: {disable: [...]}`), each with its reason.
    public var disabledRules: [DisabledRule] = []
    /// Rehearsal cadence and warning horizon (`schedule:`).
    public var schedule = Schedule()
    /// Where the spec was read from, if anywhere.
    public var file: String?

    public init() {}

    /// The spec a decoded `ParitySpec` value describes, and the problems the schema cannot
    /// see (path syntax, a variance with no rule, a rule missing its argument).
    public static func from(_ value: Value, file: String, locator: ExpressionLocator = .plain) -> (
        ParitySpec, [Diagnostic]
    ) {
        var spec = ParitySpec()
        var diagnostics: [Diagnostic] = []
        spec.file = file
        if let folder = value["environments"]?.string {
            spec.environmentsFolder = folder
            spec.environmentsLocation = value["environments"]?.location
            if Self.leavesRepository(folder) {
                diagnostics.append(
                    .warning(
                        .specOutsideRepository,
                        "'environments: \(TerminalText.clipped(folder))' points outside the repository; keep environments inside it, where reviews see them",
                        at: value["environments"]?.location))
            }
        }
        if let folder = value["policies"]?.string {
            spec.policiesFolder = folder
            spec.policiesFolderWritten = true
            spec.policiesLocation = value["policies"]?.location
        }
        if let pairs = value["pairs"]?.list {
            var seenPairs: [String: SourceLocation?] = [:]
            spec.pairs = pairs.compactMap { pair in
                guard let reference = pair["reference"]?.string, let mirror = pair["mirror"]?.string else { return nil }
                if reference == mirror {
                    diagnostics.append(
                        .error(
                            .specInvalidPair, "'\(mirror)' cannot mirror itself; name two environments",
                            at: pair["mirror"]?.location))
                    return nil
                }
                if let first = seenPairs.updateValue(pair.location, forKey: "\(reference) -> \(mirror)") {
                    diagnostics.append(
                        .error(
                            .specInvalidPair,
                            "the pair \(reference) -> \(mirror) is named twice; keep one and merge their allowed variances",
                            at: pair.location, notes: [.init("first named here", at: first)]))
                    return nil
                }
                var seenPaths: [String: SourceLocation?] = [:]
                let variances = (pair["allow"]?.list ?? []).compactMap {
                    variance(from: $0, locator: locator, diagnostics: &diagnostics)
                }.filter { variance in
                    guard let first = seenPaths.updateValue(variance.location, forKey: variance.path.description) else {
                        return true
                    }
                    diagnostics.append(
                        .error(
                            .specInvalidVariance,
                            "'\(variance.path)' is allowed twice in this pair; only one rule can decide it, so keep one",
                            at: variance.location, notes: [.init("first allowed here", at: first)]))
                    return false
                }
                return Pair(
                    reference: reference, mirror: mirror, variances: variances, location: pair.location,
                    referenceLocation: pair["reference"]?.location, mirrorLocation: pair["mirror"]?.location)
            }
        }
        for waiver in value["waivers"]?.list ?? [] {
            guard let reason = waiver["reason"]?.string, let owner = waiver["owner"]?.string,
                let expires = waiver["expires"]?.string
            else { continue }
            let subject: Waiver.Subject
            if let gap = waiver["gap"] {
                guard let text = gap.string,
                    let path = ModelPath(parsing: text)?.canonical(in: .object(EnvironmentSchema.root))
                else {
                    diagnostics.append(
                        ModelPath.invalid(
                            gap.displayText, at: gap.location, example: "services[checkout-api].replicas",
                            locator: locator))
                    continue
                }
                if let problem = SchemaType.object(EnvironmentSchema.root).problem(with: path) {
                    diagnostics.append(
                        .error(.specUnknownPath, "waiver path '\(text)' names nothing: \(problem)", at: gap.location))
                    continue
                }
                if waiver["rule"] != nil {
                    diagnostics.append(
                        .error(
                            .specInvalidWaiver, "a waiver names either a gap or a rule, not both", at: waiver.location))
                    continue
                }
                if text.contains("*"), path.components.count == 1 {
                    diagnostics.append(
                        .warning(
                            .specBroadWaiver,
                            "waiver gap '\(TerminalText.clipped(text))' waives every gap it can match; name the gap it is for",
                            at: gap.location))
                }
                subject = .gap(path)
            } else if let rule = waiver["rule"]?.string {
                if waiver["target"] == nil {
                    diagnostics.append(
                        .warning(
                            .specBroadWaiver,
                            "waiver for rule '\(TerminalText.clipped(rule))' has no 'target', so it waives the rule for every target; add the target it is for",
                            at: waiver["rule"]?.location))
                }
                var item: ModelPath?
                if let text = waiver["target"]?.string {
                    guard let path = ModelPath(parsing: text) else {
                        diagnostics.append(
                            .error(
                                .specInvalidPath, "'\(text)' is not a path; write it as services[checkout-api]",
                                at: waiver["target"]?.location))
                        continue
                    }
                    item = path
                }
                subject = .rule(rule, item: item)
            } else {
                diagnostics.append(
                    .error(
                        .specInvalidWaiver, "a waiver needs 'gap' (a gap's path) or 'rule' (a policy rule's id)",
                        at: waiver.location))
                continue
            }
            var entry = Waiver(
                subject, reason: reason, owner: owner, ticket: waiver["ticket"]?.string, expires: expires,
                location: waiver.location)
            entry.environment = waiver["environment"]?.string
            guard Self.scope(waiver, of: &entry, diagnostics: &diagnostics) else { continue }
            spec.waivers.append(entry)
        }
        spec.readRules(value, diagnostics: &diagnostics)
        spec.schedule = Schedule.from(value["schedule"], diagnostics: &diagnostics)
        spec.identities = identities(from: value["identities"], locator: locator, diagnostics: &diagnostics)
        if let gate = value["gate"] {
            if let failOn = gate["failOn"]?.string.flatMap(GateDecision.Level.init(rawValue:)) {
                spec.gate.failOn = failOn
            }
            spec.gate.minimumScore = gate["minimumScore"]?.double
            spec.gate.maxWarnings = gate["maxWarnings"]?.int
            if let cycles = gate["cycles"]?.string.flatMap(CyclePolicy.init(rawValue:)) { spec.gate.cycles = cycles }
            if let count = spec.gate.maxWarnings, count < 0 {
                diagnostics.append(
                    .error(
                        .specInvalidGate, "maxWarnings is a count, found \(count); write 0 or more",
                        at: gate["maxWarnings"]?.location))
                spec.gate.maxWarnings = nil
            }
            spec.gate.readiness = (gate["readiness"]?.list ?? []).compactMap { entry in
                entry["plan"]?.string.map { plan in
                    let sources = (entry["sources"]?.object ?? Fields()).compactMap { field in
                        field.value.string.map { (field.name, $0) }
                    }
                    return ReadinessGate(
                        plan: plan, phase: entry["phase"]?.string, sources: sources, location: entry.location)
                }
            }
            if let score = gate["minimumScore"], let number = score.double, !(0...1).contains(number) {
                diagnostics.append(
                    .error(
                        .specInvalidGate,
                        "minimumScore is a share from 0 to 1, found \(score.displayText); write 0.9 for 90%",
                        at: score.location))
            }
        }
        return (spec, diagnostics)
    }

    private static func variance(from value: Value, locator: ExpressionLocator, diagnostics: inout [Diagnostic])
        -> Variance?
    {
        guard let pathValue = value["path"], let pathText = pathValue.string, let reason = value["reason"]?.string
        else { return nil }
        guard let path = ModelPath(parsing: pathText)?.canonical(in: .object(EnvironmentSchema.root)) else {
            diagnostics.append(
                ModelPath.invalid(pathText, at: pathValue.location, example: "services[*].replicas", locator: locator))
            return nil
        }
        if let problem = SchemaType.object(EnvironmentSchema.root).problem(with: path) {
            diagnostics.append(
                .error(
                    .specUnknownPath, "allowed variance path '\(pathText)' names nothing: \(problem)",
                    at: pathValue.location))
            return nil
        }
        let ruleName = value["rule"]?.string
        let kind = ruleName.flatMap(Variance.Rule.Kind.init(rawValue:))
        let cel = value["cel"]?.string
        let rule: Variance.Rule
        switch (ruleName, cel) {
        case (_?, _?):
            diagnostics.append(
                .error(
                    .specInvalidVariance, "a variance has either a 'rule' or a 'cel' predicate, not both",
                    at: value.location))
            return nil
        case (nil, let source?):
            do throws(CELError) {
                let pathType = SchemaType.object(EnvironmentSchema.root).type(at: path)
                let program = try CEL.compile(source, declarations: CELVarianceExpressions.declarations(for: pathType))
                if let type = program.resultType, type != .bool, type != .dyn {
                    let subject = pathType.map { " on '\(pathText)' (\(CELBinding.celType($0)))" } ?? ""
                    diagnostics.append(
                        .error(
                            .specInvalidVariance,
                            "the cel predicate\(subject) is not boolean: it gives \(type); "
                                + "compare the values, as in mirror <= reference", at: value["cel"]?.location))
                    return nil
                }
            } catch {
                let place =
                    error.location.flatMap {
                        locator.locate(line: $0.line, column: $0.column, in: value["cel"]?.location)
                    } ?? value["cel"]?.location
                diagnostics.append(
                    .error(
                        Diagnostic.Code(error.code.rawValue),
                        "in the cel predicate of the variance for '\(pathText)': \(error.message)", at: place))
                return nil
            }
            rule = .predicate(source)
        case (nil, nil):
            let kinds = Variance.Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(
                .error(
                    .specInvalidVariance,
                    "the variance for '\(pathText)' needs a 'rule' (\(kinds)) or a 'cel' predicate",
                    at: value.location))
            return nil
        case (_?, nil) where kind == nil:
            // The schema's enumeration refuses it first; this keeps the decoder honest.
            let kinds = Variance.Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(
                .error(
                    .specInvalidVariance, "unknown rule '\(ruleName ?? "")'; write one of \(kinds)",
                    at: value["rule"]?.location))
            return nil
        case (_?, nil) where kind == .fewer:
            if let minimum = value["minimum"], let number = minimum.double, number < 0 {
                diagnostics.append(
                    .error(
                        .specInvalidVariance, "minimum is a count, found \(minimum.displayText); write 0 or more",
                        at: minimum.location))
                return nil
            }
            if let ratio = value["ratio"], let number = ratio.double, !(number > 0 && number <= 1) {
                diagnostics.append(
                    .error(
                        .specInvalidVariance,
                        "ratio is the least share of the reference the mirror keeps, above 0 and at most 1, found \(ratio.displayText); write 0.5 for half",
                        at: ratio.location))
                return nil
            }
            switch SchemaType.object(EnvironmentSchema.root).type(at: path) {
            case .int?, .double?, .list?, .any?, nil: break
            case let type?:
                diagnostics.append(
                    .error(
                        .specInvalidVariance,
                        "'fewer' compares numbers or lists, and '\(pathText)' is \(type.expectation); use differ, pattern or a cel predicate",
                        at: value["rule"]?.location))
                return nil
            }
            rule = .fewer(minimum: value["minimum"]?.double, ratio: value["ratio"]?.double)
        case (_?, nil) where kind == .pattern:
            guard let pattern = value["pattern"]?.string else {
                diagnostics.append(
                    .error(
                        .specInvalidVariance, "rule 'pattern' needs a 'pattern' (a regular expression)",
                        at: value["rule"]?.location))
                return nil
            }
            if let problem = Self.regexProblem(pattern) {
                diagnostics.append(
                    .error(
                        .specInvalidVariance, "the pattern does not compile: \(problem)", at: value["pattern"]?.location
                    ))
                return nil
            }
            rule = .pattern(pattern)
        case (_?, nil) where kind == .subset: rule = .subset
        case (_?, nil) where kind == .superset: rule = .superset
        case (_?, nil) where kind == .differ: rule = .differ
        case (_?, nil): rule = .ignore
        }
        for argument in ["minimum", "ratio", "pattern"] where value[argument] != nil {
            let fits =
                (argument == "pattern" && ruleName == "pattern") || (argument != "pattern" && ruleName == "fewer")
            if !fits {
                diagnostics.append(
                    .warning(
                        .specInvalidVariance, "'\(argument)' has no effect with rule '\(ruleName ?? "cel")'",
                        at: value[argument]?.location))
            }
        }
        return Variance(path: path, rule: rule, reason: reason, location: value.location)
    }
}

extension ParitySpec {
    /// Reads a gap waiver's `pair: REF:MIRROR` or `mirror: NAME`; false (with a diagnostic) when malformed.
    static func scope(_ value: Value, of waiver: inout Waiver, diagnostics: inout [Diagnostic]) -> Bool {
        let pair = value["pair"], mirror = value["mirror"]
        guard pair != nil || mirror != nil else { return true }
        guard case .gap = waiver.subject else {
            diagnostics.append(
                .error(
                    .specInvalidWaiver, "'pair' and 'mirror' scope a gap waiver; a rule waiver names its 'environment'",
                    at: (pair ?? mirror)?.location))
            return false
        }
        if pair != nil, mirror != nil {
            diagnostics.append(
                .error(.specInvalidWaiver, "a waiver names its 'pair' or its 'mirror', not both", at: mirror?.location))
            return false
        }
        if let text = mirror?.string {
            waiver.mirror = text
            return true
        }
        let sides = (pair?.string ?? "").split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty, sides[0] != sides[1] else {
            diagnostics.append(
                .error(
                    .specInvalidWaiver,
                    "'\(pair?.displayText ?? "")' is not a pair; write REFERENCE:MIRROR, such as production:staging",
                    at: pair?.location))
            return false
        }
        (waiver.reference, waiver.mirror) = (sides[0], sides[1])
        return true
    }

    /// Why `pattern` is no regular expression ParityCEL accepts, or nil.
    static func regexProblem(_ pattern: String) -> String? {
        do throws(CELError) {
            _ = try CEL.compile("text.matches(pattern)").evaluate(["text": .string(""), "pattern": .string(pattern)])
            return nil
        } catch {
            return error.message
        }
    }

    /// Whether a folder the spec names lies outside the repository: absolute, or up through `..`.
    static func leavesRepository(_ folder: String) -> Bool {
        if folder.hasPrefix("/") || folder.hasPrefix("~") { return true }
        var depth = 0
        for part in folder.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }
}

extension Diagnostic.Code {
    public static let specInvalidPair: Self = "spec.invalid-pair"
    public static let specInvalidPath: Self = "spec.invalid-path"
    /// A well-formed path that names no place in an environment.
    public static let specUnknownPath: Self = "spec.unknown-path"
    public static let specInvalidVariance: Self = "spec.invalid-variance"
    public static let specInvalidWaiver: Self = "spec.invalid-waiver"
    public static let specInvalidGate: Self = "spec.invalid-gate"
    /// A waiver that waives far more than one thing (`gap: '*'`, a rule with no target).
    public static let specBroadWaiver: Self = "spec.broad-waiver"
    /// A folder the spec names lies outside the repository.
    public static let specOutsideRepository: Self = "spec.outside-repository"
}
