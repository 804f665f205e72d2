/// Turns diagnostics into the text a terminal shows: the headline, the quoted source line
/// with a caret under the column, and the notes.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceStore?
    public var colour: Bool

    public init(sources: SourceStore? = nil, colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    /// The whole rendering of `diagnostic`, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = headline(
            location: diagnostic.location,
            severity: diagnostic.severity.rawValue,
            style: style(for: diagnostic.severity),
            message: diagnostic.message,
            code: diagnostic.code.rawValue
        )
        out += excerpt(at: diagnostic.location)
        for note in diagnostic.notes {
            out += headline(
                location: note.location, severity: "note", style: Style.note, message: note.message, code: nil)
            out += excerpt(at: note.location)
        }
        return out
    }

    /// The most diagnostics rendered for one file; the rest are counted in one line.
    public static let perFileLimit = 1_000

    /// All of `diagnostics`, each rendered in turn, at most `perFileLimit` for each file and
    /// then a line saying how many more there were.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var shown: [String: Int] = [:]
        var omitted: [(file: String, count: Int)] = []
        var out = ""
        for diagnostic in diagnostics {
            let file = diagnostic.location?.file ?? ""
            let count = shown[file, default: 0]
            guard count < Self.perFileLimit else {
                if let index = omitted.firstIndex(where: { $0.file == file }) {
                    omitted[index].count += 1
                } else {
                    omitted.append((file, 1))
                }
                continue
            }
            shown[file] = count + 1
            out += render(diagnostic)
        }
        for (file, count) in omitted {
            let place = file.isEmpty ? "without a file" : "in " + TerminalText.escaped(file)
            out += paint("note:", Style.note) + " \(count) more diagnostic\(count == 1 ? "" : "s") \(place) not shown "
                + "(at most \(Self.perFileLimit) for each file); fix these and run again\n"
        }
        return out
    }

    private enum Style {
        static let error = "\u{1B}[1;31m"
        static let warning = "\u{1B}[1;33m"
        static let note = "\u{1B}[1;36m"
        static let bold = "\u{1B}[1m"
        static let caret = "\u{1B}[1;32m"
        static let reset = "\u{1B}[0m"
    }

    private func style(for severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: Style.error
        case .warning: Style.warning
        case .note: Style.note
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        colour ? style + text + Style.reset : text
    }

    private func headline(location: SourceLocation?, severity: String, style: String, message: String, code: String?)
        -> String
    {
        var line = ""
        if let location { line += paint(TerminalText.escaped("\(location):"), Style.bold) + " " }
        line += paint("\(severity):", style) + " " + TerminalText.escaped(message)
        if let code { line += " [\(TerminalText.escaped(code))]" }
        return line + "\n"
    }

    /// The widest excerpt shown; longer lines show a window around the column.
    static let excerptWidth = 120
    /// What a secret is shown as, whatever its length.
    static let hiddenText = "****"

    /// The source line at `location` and a caret under its column. Costs time bounded by the
    /// window shown, never by the whole line (the store finds the column from its checkpoints);
    /// secrets show as `****` and control characters escaped.
    private func excerpt(at location: SourceLocation?) -> String {
        guard let location, location.line > 0, let sources,
            let bytes = sources.lineBytes(location.line, of: location.file)
        else { return "" }
        let caret = max(1, location.column)
        let hidden = sources.hiddenColumns(onLine: location.line, of: location.file)
        // A line that fits is shown whole; a longer one as a window around the caret.
        let fits = bytes.count <= Self.excerptWidth
        let first = fits || caret <= Self.excerptWidth / 2 ? 1 : caret - Self.excerptWidth / 2
        var shown = first > 1 ? "..." : ""
        var pad = first > 1 ? "   " : ""
        var offset =
            sources.index(ofColumn: first, onLine: location.line, of: location.file) ?? bytes.endIndex
        var column = first
        var caretPlaced = false
        while offset < bytes.endIndex {
            if column >= first + Self.excerptWidth {
                shown += "..."
                break
            }
            if let range = hidden.first(where: { $0.contains(column) }) {
                shown += Self.hiddenText
                if caret >= column, caret < range.upperBound { caretPlaced = true }
                if !caretPlaced { pad += String(repeating: " ", count: Self.hiddenText.count) }
                let skip = min(range.upperBound, first + Self.excerptWidth) - column
                offset = Self.offset(advancing: skip, from: offset, in: bytes)
                column += skip
                continue
            }
            let end = Self.scalarEnd(bytes, offset)
            let scalar = String(decoding: bytes[offset..<end], as: UTF8.self)
            let text = scalar == "\t" ? scalar : TerminalText.escaped(scalar)
            shown += text
            if column >= caret { caretPlaced = true }
            // Tabs keep their width in the caret line so the caret lands under the right character.
            if !caretPlaced { pad += text == "\t" ? "\t" : String(repeating: " ", count: text.unicodeScalars.count) }
            offset = end
            column += 1
        }
        return "    \(shown)\n    \(pad)" + paint("^", Style.caret) + "\n"
    }

    private static func offset(advancing scalars: Int, from start: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var offset = start
        var remaining = scalars
        while remaining > 0, offset < bytes.endIndex {
            offset = scalarEnd(bytes, offset)
            remaining -= 1
        }
        return offset
    }

    private static func scalarEnd(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> Int {
        var end = offset + 1
        while end < bytes.endIndex, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
