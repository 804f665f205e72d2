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
            out += headline(location: note.location, severity: "note", style: Style.note, message: note.message, code: nil)
            out += excerpt(at: note.location)
        }
        return out
    }

    /// All of `diagnostics`, each rendered in turn.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
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

    private func headline(location: SourceLocation?, severity: String, style: String, message: String, code: String?) -> String {
        var line = ""
        if let location { line += paint("\(location):", Style.bold) + " " }
        line += paint("\(severity):", style) + " " + message
        if let code { line += " [\(code)]" }
        return line + "\n"
    }

    /// The widest excerpt shown; longer lines show a window around the column.
    static let excerptWidth = 120

    private func excerpt(at location: SourceLocation?) -> String {
        guard let location, let sources, let text = sources.line(location.line, of: location.file) else { return "" }
        let caret = max(0, location.column - 1)
        // A line that fits is shown whole; a longer one as a window around the caret.
        let fits = text.utf8.count <= Self.excerptWidth || text.unicodeScalars.count <= Self.excerptWidth
        let first = !fits && caret > Self.excerptWidth / 2 ? caret - Self.excerptWidth / 2 : 0
        var shown = first > 0 ? "..." : ""
        var pad = first > 0 ? "   " : ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset >= first + Self.excerptWidth {
                shown += "..."
                break
            }
            guard offset >= first else { continue }
            shown.unicodeScalars.append(scalar)
            // Tabs keep their width in the caret line so the caret lands under the right character.
            if offset < caret { pad.append(scalar == "\t" ? "\t" : " ") }
        }
        return "    \(shown)\n    \(pad)" + paint("^", Style.caret) + "\n"
    }
}
