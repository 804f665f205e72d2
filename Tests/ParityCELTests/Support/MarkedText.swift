import ParityCEL

/// Test input with `‸` marking the expected error position, so positions are never counted by hand.
struct MarkedText {
    let source: String
    let line: Int
    let column: Int

    init(_ marked: String) {
        var line = 1, column = 1, found: (Int, Int)? = nil
        var source = ""
        for scalar in marked.unicodeScalars {
            if scalar == "‸" {
                found = (line, column)
                continue
            }
            source.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        precondition(found != nil, "marked text needs a ‸ marker: \(marked)")
        self.source = source
        (self.line, self.column) = found ?? (0, 0)
    }
}

/// The CEL error that `body` throws, or nil when it throws none.
func celError(_ body: () throws -> Void) -> CELError? {
    do {
        try body()
        return nil
    } catch {
        return error as? CELError
    }
}

/// Evaluates `source` with eager bindings.
func eval(_ source: String, _ bindings: [String: CELValue] = [:], budget: Int = CELProgram.defaultBudget) throws(CELError) -> CELValue {
    try CEL.compile(source).evaluate(bindings, budget: budget)
}
