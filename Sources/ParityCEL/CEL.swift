/// The Common Expression Language: parsing, checking and evaluating CEL expressions.
///
///     let program = try CEL.compile("self.replicas >= 2", declarations: declarations)
///     let ok = try program.evaluate(["self": .object(service)])   // .bool(true)
///
/// Hosts bind plain values (`CELValue`) or lazy objects (`CELObject`); every evaluation runs
/// within a cost budget, and every error is a `CELError` with a stable code and a position.
public enum CEL {
    /// Parses, optionally type-checks (when `declarations` are given) and plans `source`.
    ///
    /// Compile once and evaluate the program many times; errors carry a stable code and
    /// the line and column inside `source`.
    public static func compile(_ source: String, declarations: CELDeclarations? = nil) throws(CELError) -> CELProgram {
        let expr = try Parser.parse(source)
        var resultType: CELType? = nil
        if let declarations {
            resultType = try check(expr, declarations: declarations)
        }
        return try CELProgram(source: source, expr: expr, resultType: resultType)
    }

    /// Parses `source` into a syntax tree without checking or planning it.
    public static func parse(_ source: String) throws(CELError) -> Expr {
        try Parser.parse(source)
    }

    /// Type-checks a parsed expression against `declarations` and returns its result type.
    public static func check(_ expr: Expr, declarations: CELDeclarations) throws(CELError) -> CELType {
        var checker = Checker(declarations)
        return try checker.check(expr)
    }

    /// Compiles and evaluates `source` once, with eager bindings.
    public static func evaluate(_ source: String, _ bindings: [String: CELValue] = [:]) throws(CELError) -> CELValue {
        try compile(source).evaluate(bindings)
    }

    /// Whether `name` can name a variable: an identifier by the lexer's rules (ASCII letter
    /// or `_`, then letters, digits or `_`), neither a reserved word nor a literal.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isIdentifierStart,
              name.unicodeScalars.allSatisfy(\.isIdentifierPart) else { return false }
        return !Parser.reserved.contains(name) && !["true", "false", "null"].contains(name)
    }
}
