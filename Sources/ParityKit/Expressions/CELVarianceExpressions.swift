import Foundation
import ParityCEL

/// Variance patterns and predicates evaluated with ParityCEL: RE2 semantics, bounded cost.
public final class CELVarianceExpressions: VarianceExpressions, @unchecked Sendable {
    private let lock = NSLock()
    private var programs: [String: CELProgram] = [:]
    private let matcher: CELProgram
    /// What `now` and `today` are in predicates.
    public let date: RunDate
    /// `now` and `today` as predicates see them, built once: a predicate is tried on every
    /// path its variance matches (`services[*].config.DB_POOL_SIZE`: one per service).
    private let dateBindings: [String: CELValue]

    public init(date: RunDate = .current()) {
        self.date = date
        dateBindings = date.bindings
        // A constant expression: compiling it cannot fail.
        matcher = try! CEL.compile("text.matches(pattern)")
    }

    public func matches(_ text: String, pattern: String) throws -> Bool {
        if case .bool(true) = try matcher.evaluate(["text": .string(text), "pattern": .string(pattern)]) {
            return true
        }
        return false
    }

    public func holds(_ predicate: String, reference: Value?, mirror: Value?, type: SchemaType? = nil) throws -> Bool {
        let program = try program(predicate)
        var bindings = dateBindings
        bindings["reference"] = reference.map { CELBinding.celValue($0, type: type) } ?? .null
        bindings["mirror"] = mirror.map { CELBinding.celValue($0, type: type) } ?? .null
        let result = try program.evaluate(bindings)
        guard case .bool(let value) = result else {
            throw CELError(
                .init(rawValue: "cel.not-a-boolean"), "the predicate must be true or false, found \(result.celLiteral)")
        }
        return value
    }

    /// What a predicate may read: `reference` and `mirror` (untyped), `now` and `today`.
    static var declarations: CELDeclarations {
        declarations(for: nil)
    }

    /// What a predicate at a path of schema type `type` may read: `reference` and `mirror` of
    /// the type's CEL type (every object type the schema has declared), `now` and `today`.
    static func declarations(for type: SchemaType?) -> CELDeclarations {
        let celType = type.map(CELBinding.celType) ?? .dyn
        var declarations = CELBinding.declarations(for: EnvironmentSchema.root)
            .declaring(variable: "reference", celType).declaring(variable: "mirror", celType)
        RunDate.declare(in: &declarations)
        return declarations
    }

    /// Compiles each predicate once, however many paths it is tried on.
    private func program(_ source: String) throws -> CELProgram {
        lock.lock()
        defer { lock.unlock() }
        if let program = programs[source] { return program }
        let program = try CEL.compile(source, declarations: Self.declarations)
        programs[source] = program
        return program
    }
}
