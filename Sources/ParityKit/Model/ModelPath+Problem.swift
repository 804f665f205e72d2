import ParityDiagnostics

extension ModelPath {
    /// Why `text` is not a path, naming the character that breaks it (an unclosed or stray
    /// bracket, an empty step). The place stays the value's start: a quoted value's column is
    /// its quote's, so an offset into the text could point one character off.
    static func invalid(_ text: String, at location: SourceLocation?, example: String) -> Diagnostic {
        let characters = Array(text)
        var reason: String?
        var open: [Int] = []
        for (position, character) in characters.enumerated() where reason == nil {
            switch character {
            case "[": open.append(position)
            case "]" where open.popLast() == nil: reason = "the ']' at column \(position + 1) closes no '['"
            case "." where open.isEmpty && (position == 0 || position + 1 == characters.count || ".[".contains(characters[position + 1])):
                reason = "an empty step at column \(position + 1)"
            default: break
            }
        }
        if reason == nil, let first = open.first { reason = "the '[' at column \(first + 1) is never closed" }
        return .error(.specInvalidPath, "'\(text)' is not a path\(reason.map { ": \($0)" } ?? ""); write it as \(example)", at: location)
    }
}
