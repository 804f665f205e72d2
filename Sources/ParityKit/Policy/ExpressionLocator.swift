public import ParityDiagnostics

/// Maps a place inside a CEL expression to its place in the YAML file the expression is
/// written in, reading the source line to tell plain, quoted and block scalars apart.
public struct ExpressionLocator: Sendable {
    public var sources: SourceStore?

    public init(sources: SourceStore?) {
        self.sources = sources
    }

    /// The file location of 1-based `line` and `column` inside the expression whose text
    /// starts at `start`.
    public func locate(line: Int, column: Int, in start: SourceLocation?) -> SourceLocation? {
        guard let start else { return nil }
        let text = sources?.line(start.line, of: start.file)
        let first = text.flatMap { Array($0.unicodeScalars).dropFirst(start.column - 1).first }
        switch first {
        case "|", ">":
            // A block scalar: the expression starts on the next line, at its indentation.
            let target = start.line + line
            let indent = sources?.line(target, of: start.file).map { $0.prefix { $0 == " " }.count } ?? 0
            return SourceLocation(file: start.file, line: target, column: indent + column)
        case "'", "\"":
            return SourceLocation(file: start.file, line: start.line + line - 1, column: line == 1 ? start.column + column : column)
        default:
            return SourceLocation(file: start.file, line: start.line + line - 1, column: line == 1 ? start.column + column - 1 : column)
        }
    }
}
