/// The syntax tree of an RE2 regular expression.
indirect enum RegexNode: Sendable {
    case empty
    case literal(Unicode.Scalar, foldCase: Bool)
    /// `.`; `matchesNewline` under the `s` flag.
    case any(matchesNewline: Bool)
    case charClass(CharClass)
    case assertion(RegexAssertion)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max` nil is unbounded. Greediness does not change whether a match exists, so it is not kept.
    case `repeat`(RegexNode, min: Int, max: Int?)
}

/// A zero-width assertion.
enum RegexAssertion: Sendable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
}
