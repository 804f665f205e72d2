public import ParityDiagnostics

/// Test input with places marked by `⟨name⟩` (or one unnamed `‸`), so expectations name
/// positions instead of counting lines and columns by hand (swift-format's marked text).
public struct MarkedText {
    /// The input with the marks removed.
    public var text: String
    /// Each mark's 1-based line and column (in Unicode scalars); `‸` is the mark "".
    public var marks: [String: (line: Int, column: Int)] = [:]

    public init(_ marked: String) {
        var text = ""
        var line = 1, column = 1
        var rest = Substring(marked)
        while let scalar = rest.unicodeScalars.first {
            if scalar == "‸" {
                marks[""] = (line, column)
                rest = Substring(rest.unicodeScalars.dropFirst())
                continue
            }
            if scalar == "⟨", let close = rest.firstIndex(of: "⟩") {
                marks[String(rest[rest.index(after: rest.startIndex)..<close])] = (line, column)
                rest = rest[rest.index(after: close)...]
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        self.text = text
    }

    /// The input with the marks removed (the name CEL tests use).
    public var source: String { text }
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The line of the unnamed mark `‸`.
    public var line: Int { mark("").line }
    /// The column of the unnamed mark `‸`.
    public var column: Int { mark("").column }

    /// The place of mark `name` in `file`.
    public func location(_ name: String = "", file: String = "test.yaml") -> SourceLocation {
        let place = mark(name)
        return SourceLocation(file: file, line: place.line, column: place.column)
    }

    private func mark(_ name: String) -> (line: Int, column: Int) {
        guard let place = marks[name] else { preconditionFailure("the marked text has no mark '\(name)': \(text)") }
        return place
    }
}
