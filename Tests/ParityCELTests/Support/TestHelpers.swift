import ParityCEL

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
func eval(_ source: String, _ bindings: [String: CELValue] = [:], budget: Int = CELProgram.defaultBudget)
    throws(CELError) -> CELValue
{
    try CEL.compile(source).evaluate(bindings, budget: budget)
}
