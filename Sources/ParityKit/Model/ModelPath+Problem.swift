import ParityDiagnostics

extension ModelPath {
    /// Why `text` is not a path, pointing at the character that breaks it: an unclosed or
    /// stray bracket, an empty step; as a located diagnostic where `location` is its start.
    static func invalid(_ text: String, at location: SourceLocation?, example: String) -> Diagnostic {
        var reason = ""
        var offset = 0
        var open: [Int] = []
        for (position, character) in text.enumerated() {
            if character == "[" { open.append(position) }
            if character == "]" {
                if open.popLast() == nil {
                    (reason, offset) = ("the ']' at column \(position + 1) closes no '['", position)
                    break
                }
            }
            if character == ".", position + 1 == text.count || [".", "["].contains(Array(text)[position + 1]) || position == 0 {
                if reason.isEmpty, open.isEmpty { (reason, offset) = ("an empty step at column \(position + 1)", position) }
            }
        }
        if reason.isEmpty, let first = open.first { (reason, offset) = ("the '[' at column \(first + 1) is never closed", first) }
        let detail = reason.isEmpty ? "" : ": \(reason)"
        var place = location
        if let start = location, start.line > 0, !reason.isEmpty { place = SourceLocation(file: start.file, line: start.line, column: start.column + offset) }
        return .error(.specInvalidPath, "'\(text)' is not a path\(detail); write it as \(example)", at: place)
    }
}
