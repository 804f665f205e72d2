import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads policy files: YAML, the Policy schema, then every rule compiled and type-checked.
public struct PolicyLoader: Sendable {
    /// The schema rules are checked against.
    public var schema: ObjectSchema

    public init(schema: ObjectSchema = EnvironmentSchema.root) {
        self.schema = schema
    }

    /// What loading found: the rules that compiled, and every problem.
    public struct Loaded: Sendable {
        public var rules: [CompiledRule]
        public var diagnostics: [Diagnostic]
    }

    public func load(files: [String], sources: SourceStore) -> Loaded {
        var rules: [CompiledRule] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation?] = [:]
        for file in files {
            let documents: [YAMLDocument]
            do {
                documents = try YAMLLoader().loadFile(file, sources: sources)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            for document in documents {
                let (found, problems) = self.rules(in: document.root, locator: ExpressionLocator(document: document.root))
                diagnostics += problems
                for rule in found {
                    if let first = seen[rule.rule.id] {
                        diagnostics.append(.error(.policyDuplicateRule, "rule id '\(rule.rule.id)' is used twice; rule ids must be unique across policies",
                                                  at: rule.rule.location, notes: [.init("first used here", at: first)]))
                        continue
                    }
                    seen[rule.rule.id] = rule.rule.location
                    rules.append(rule)
                }
            }
        }
        return Loaded(rules: rules, diagnostics: diagnostics)
    }

    /// The compiled rules of one Policy document, and its problems.
    public func rules(in root: Node, locator: ExpressionLocator) -> ([CompiledRule], [Diagnostic]) {
        let decoded = SchemaDecoder().decode(root, as: PolicySchema.root)
        let (rules, problems) = compile(decoded.value, locator: locator)
        return (rules, decoded.diagnostics + problems)
    }

    /// The compiled rules of a decoded Policy value (rules the schema rejected are left out),
    /// and the problems compiling found.
    public func compile(_ value: Value, locator: ExpressionLocator) -> ([CompiledRule], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (written, problems) = PolicyRule.rules(from: value)
        diagnostics += problems
        var compiled: [CompiledRule] = []
        for rule in written {
            switch CompiledRule.compile(rule, schema: schema, locator: locator) {
            case .success(let rule): compiled.append(rule)
            case .failure(let list): diagnostics += list.diagnostics
            }
        }
        return (compiled, diagnostics)
    }
}
