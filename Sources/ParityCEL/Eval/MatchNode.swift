/// `s.matches(pattern)` / `matches(s, pattern)`: a constant pattern compiles once at plan time;
/// the work of a match (input length times program size) is charged before it runs.
final class MatchNode: Node, @unchecked Sendable {
    let text: Node
    let pattern: Node
    let constant: Regex?

    init(text: Node, pattern: Node, constant: Regex?, _ location: CELSourceLocation) {
        self.text = text
        self.pattern = pattern
        self.constant = constant
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let value = try text.eval(context)
        let patternValue = try pattern.eval(context)
        do throws(CELError) {
            guard case .string(let s) = value, case .string(let source) = patternValue else {
                throw Builtins.noOverload("matches", value, patternValue)
            }
            let regex: Regex
            if let constant {
                regex = constant
            } else {
                regex = try Regex(source)
                try context.charge(regex.program.count / 4)
            }
            // A Pike VM step touches at most every instruction once per input scalar.
            try context.charge(1 + s.utf8.count * (1 + regex.program.count / 32))
            return .bool(regex.matches(s))
        } catch {
            throw error.located(at: location)
        }
    }
}
