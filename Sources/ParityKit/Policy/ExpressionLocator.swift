public import ParityDiagnostics
public import ParityYAML

/// Maps a place inside a CEL expression to its place in the YAML file the expression is
/// written in, from where the parser says each string scalar's text starts (after a quote,
/// or on the line below a block scalar's header at its indentation).
public struct ExpressionLocator: Sendable {
    /// Where each quoted or block scalar's text starts, by the place its node starts; a
    /// plain scalar's text starts where its node does.
    private var starts: [SourceLocation: SourceLocation] = [:]

    /// A locator for the expressions of one YAML document.
    public init(document root: Node?) {
        guard let root else { return }
        var seen = Set<ObjectIdentifier>()
        var pending = [root]
        // Iterative, and each node once, so aliases cannot make the walk explode.
        while let node = pending.popLast() {
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            switch node.content {
            case .scalar(let scalar) where scalar.style != .plain:
                starts[node.location] = scalar.contentStart(at: node.location)
            case .scalar:
                break
            case .sequence(let items):
                pending += items
            case .mapping(let pairs):
                for pair in pairs { pending.append(pair.value) }
            }
        }
    }

    /// A locator that knows no document: every expression is taken as a plain scalar.
    public static let plain = ExpressionLocator(document: nil)

    /// The file location of 1-based `line` and `column` inside the expression whose node
    /// starts at `start`.
    public func locate(line: Int, column: Int, in start: SourceLocation?) -> SourceLocation? {
        guard let start else { return nil }
        let content = starts[start] ?? start
        if content.line != start.line {
            // A block scalar: each line of the expression is a line of the file, indented.
            return SourceLocation(file: start.fileKey, line: content.line + line - 1, column: content.column + column - 1)
        }
        return SourceLocation(
            file: start.file, line: content.line + line - 1, column: line == 1 ? content.column + column - 1 : column)
    }
}
