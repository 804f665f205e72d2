import ParityDiagnostics

extension ModelPath {
    /// Why `text` is not a path, naming the character that breaks it (an unclosed or stray
    /// bracket, an empty step), at that character's place in the file: `locator` knows where
    /// a quoted value's text starts, one column after its quote.
    static func invalid(
        _ text: String, at location: SourceLocation?, example: String, locator: ExpressionLocator = .plain
    ) -> Diagnostic {
        let characters = Array(text)
        var reason: String?
        var broken: Int?
        var open: [Int] = []
        for (position, character) in characters.enumerated() where reason == nil {
            switch character {
            case "[": open.append(position)
            case "]" where open.popLast() == nil:
                (reason, broken) = ("the ']' at column \(position + 1) closes no '['", position)
            case "."
            where open.isEmpty
                && (position == 0 || position + 1 == characters.count || ".[".contains(characters[position + 1])):
                (reason, broken) = ("an empty step at column \(position + 1)", position)
            default: break
            }
        }
        if reason == nil, let first = open.first {
            (reason, broken) = ("the '[' at column \(first + 1) is never closed", first)
        }
        let place = broken.flatMap { locator.locate(line: 1, column: $0 + 1, in: location) } ?? location
        return .error(
            .specInvalidPath, "'\(text)' is not a path\(reason.map { ": \($0)" } ?? ""); write it as \(example)",
            at: place)
    }
}
