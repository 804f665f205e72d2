import ParityDiagnostics

/// Test input with places marked by `⟨name⟩`, so expectations name positions instead of
/// counting lines and columns by hand (swift-format's marked text).
struct MarkedText {
    var text: String
    var marks: [String: (line: Int, column: Int)] = [:]

    init(_ marked: String) {
        var text = ""
        var line = 1, column = 1
        var rest = Substring(marked)
        while let scalar = rest.unicodeScalars.first {
            if scalar == "⟨", let close = rest.firstIndex(of: "⟩") {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                marks[name] = (line, column)
                rest = rest[rest.index(after: close)...]
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        self.text = text
    }

    var bytes: [UInt8] { Array(text.utf8) }

    func location(_ name: String, file: String = "test.yaml") -> SourceLocation {
        let mark = marks[name]!  // a test names only marks it wrote
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
