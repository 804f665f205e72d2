/// A position inside a CEL expression: 1-based line and column, and 0-based offsets.
public struct CELSourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line within the expression.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 0-based offset in Unicode scalars from the start of the expression.
    public var offset: Int
    /// 0-based offset in UTF-8 bytes from the start of the expression.
    public var utf8Offset: Int

    public init(line: Int, column: Int, offset: Int, utf8Offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
        self.utf8Offset = utf8Offset
    }

    /// The start of an expression.
    public static let start = CELSourceLocation(line: 1, column: 1, offset: 0, utf8Offset: 0)

    public var description: String { "\(line):\(column)" }
}
