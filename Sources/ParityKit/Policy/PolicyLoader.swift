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

    /// The rules of `files`, read from `fileSystem`, each file's text registered with `sources`.
    public func load(files: [String], sources: SourceStore, fileSystem: any FileSystem = DiskFileSystem()) -> Loaded {
        var rules: [CompiledRule] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation?] = [:]
        for file in files {
            let parsed = fileSystem.parsed(file, kind: "policy") { parse(file, fileSystem: fileSystem) }
            if let bytes = parsed.bytes { sources.register(file, bytes: bytes) }
            diagnostics += parsed.diagnostics
            for (found, problems) in parsed.documents {
                diagnostics += problems
                for rule in found {
                    if let first = seen[rule.rule.id] {
                        diagnostics.append(
                            .error(
                                .policyDuplicateRule,
                                "rule id '\(rule.rule.id)' is used twice; rule ids must be unique across policies",
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

    /// One policy file read and compiled: its bytes (nil when unreadable), its problems as a
    /// whole, and each document's rules and problems.
    private func parse(_ file: String, fileSystem: any FileSystem) -> (
        bytes: [UInt8]?, diagnostics: [Diagnostic], documents: [([CompiledRule], [Diagnostic])]
    ) {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(file, limit: LoaderLimits.default.maxFileBytes)
        } catch {
            return (nil, error.diagnostics, [])
        }
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader().load(bytes, file: file)
        } catch {
            return (bytes, error.diagnostics, [])
        }
        return (bytes, [], documents.map { rules(in: $0.root, locator: ExpressionLocator(document: $0.root)) })
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
