import Foundation
public import ParityCEL
public import ParityDiagnostics
import ParityYAML

/// `parity eval EXPR`: an expression over an environment (`env`), a YAML file (`self`) and
/// `--var` bindings, checked against the model's types where the environment is bound.
public struct EvalRun {
    public struct Options: Sendable {
        public var expression: String
        public var environment: String?
        public var input: String?
        /// `--var` bindings, bound in order; each may use the ones before it.
        public var variables: [Variable] = []
        public var root = "."
        /// What `now` and `today` are.
        public var date = RunDate.current()

        public init(expression: String) {
            self.expression = expression
        }

        /// Why these options cannot run together, as a usage message; nil when they can.
        public var usageProblem: String? {
            if environment != nil, input != nil { return "--env and --input bind different things; give one" }
            for variable in variables {
                let hidden =
                    variable.name == "env" && environment != nil
                    ? "env" : variable.name == "self" && input != nil ? "input" : nil
                if let hidden {
                    return
                        "--var \(variable.name) would hide the \(variable.name) that --\(hidden) binds; choose another name"
                }
            }
            return nil
        }
    }

    /// One `--var NAME=CEL`: a CEL identifier bound to the value of an expression.
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var expression: String

        /// `NAME=CEL` split at its first `=`; nil unless NAME is a CEL identifier.
        public init?(parsing text: String) {
            guard let equals = text.firstIndex(of: "=") else { return nil }
            let name = String(text[..<equals])
            guard CEL.isIdentifier(name) else { return nil }
            self.name = name
            self.expression = String(text[text.index(after: equals)...])
        }
    }

    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources.maskingSecrets()
    }

    /// The value of the expression, or the diagnostics saying why there is none.
    public func run(_ options: Options) -> Outcome<CELValue> {
        switch evaluate(options) {
        case .success(let value): Outcome(report: value, diagnostics: [], failing: false)
        case .failure(let list): .invalid(list.diagnostics)
        }
    }

    private func evaluate(_ options: Options) -> Result<CELValue, DiagnosticList> {
        var bindings = options.date.bindings
        var declarations = CELDeclarations()
        var schedule = Schedule()
        if let name = options.environment {
            let (layout, specDiagnostics) = RepositoryLayout.load(root: options.root, sources: sources)
            let workspace = Workspace(
                root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder)
            let resolved = workspace.resolve(nameOrPath: name)
            guard let resolved else {
                return .failure(DiagnosticList(specDiagnostics + workspace.problems(naming: name)))
            }
            if resolved.diagnostics.containsError { return .failure(DiagnosticList(resolved.diagnostics)) }
            bindings["env"] = CELBinding.celValue(resolved.value, type: .object(EnvironmentSchema.root))
            declarations = CELBinding.declarations(for: EnvironmentSchema.root)
            declarations.declare(variable: "env", .object(CELBinding.typeName(EnvironmentSchema.root)))
            schedule = layout.spec.schedule
        }
        RunDate.declare(in: &declarations)
        Schedule.declare(in: &declarations)
        bindings["schedule"] = schedule.celValue
        if let input = options.input {
            do {
                guard let root = try YAMLLoader(strictTags: false).loadFile(input, sources: sources).first?.root else {
                    return .failure(
                        DiagnosticList([.error(.evalInvalid, "'\(input)' holds no YAML document", at: .file(input))]))
                }
                bindings["self"] = NodeObject.celValue(
                    root, redacting: SecretMask.secretNodes(of: root, sources: sources.maskingSecrets()))
                declarations.declare(variable: "self", .dyn)
            } catch {
                return .failure(error)
            }
        }
        for (index, variable) in options.variables.enumerated() {
            let (name, source) = (variable.name, variable.expression)
            switch evaluate(
                source, label: "--var \(name) (\(index + 1))", bindings: bindings, declarations: declarations)
            {
            case .success(let value):
                bindings[name] = value
                declarations.declare(variable: name, .dyn)
            case .failure(let error):
                return .failure(error)
            }
        }
        return evaluate(options.expression, label: "<expr>", bindings: bindings, declarations: declarations)
    }

    /// Compiles and evaluates `source`; its errors point into the expression, which is
    /// registered under `label` so the diagnostic can quote it with a caret.
    private func evaluate(_ source: String, label: String, bindings: [String: CELValue], declarations: CELDeclarations)
        -> Result<CELValue, DiagnosticList>
    {
        sources.register(label, bytes: Array(source.utf8))
        do throws(CELError) {
            let program = try CEL.compile(source, declarations: declarations)
            return .success(try program.evaluate(bindings))
        } catch {
            let location =
                error.location.map { SourceLocation(file: label, line: $0.line, column: $0.column) }
                ?? SourceLocation(file: label, line: 1, column: 1)
            return .failure(DiagnosticList([.error(Diagnostic.Code(error.code.rawValue), error.message, at: location)]))
        }
    }
}

extension Diagnostic.Code {
    public static let evalInvalid: Self = "eval.invalid"
}
