/// An error from parsing, checking or evaluating a CEL expression.
///
/// `code` is stable (it doubles as a rule id); `message` is lowercase and meant for people;
/// `location` points into the expression so a host can map it into its own file.
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code such as `cel.parse`; a struct so new codes break no one.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as written in diagnostics, such as `cel.parse`.
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The expression is not valid CEL syntax.
        public static let parse = Code(rawValue: "cel.parse")
        /// Nesting deeper than the parser allows.
        public static let depthLimit = Code(rawValue: "cel.depth-limit")
        /// An identifier that is neither declared nor bound.
        public static let undeclaredReference = Code(rawValue: "cel.undeclared-reference")
        /// A field that the object or map does not have.
        public static let noSuchField = Code(rawValue: "cel.no-such-field")
        /// A map lookup of an absent key.
        public static let noSuchKey = Code(rawValue: "cel.no-such-key")
        /// No overload of a function or operator accepts the arguments.
        public static let noSuchOverload = Code(rawValue: "cel.no-such-overload")
        /// A call to a function that does not exist.
        public static let unknownFunction = Code(rawValue: "cel.unknown-function")
        /// Integer division or modulus by zero.
        public static let divisionByZero = Code(rawValue: "cel.division-by-zero")
        /// Integer overflow, or a value outside the range of its type.
        public static let overflow = Code(rawValue: "cel.overflow")
        /// A list index outside the list.
        public static let indexOutOfRange = Code(rawValue: "cel.index-out-of-range")
        /// A conversion that the value does not allow (`int('x')`, `string(b'\xff')`).
        public static let conversion = Code(rawValue: "cel.conversion")
        /// A map literal with a repeated or unsupported key.
        public static let invalidKey = Code(rawValue: "cel.invalid-key")
        /// An invalid regular expression, or one using unsupported syntax.
        public static let regex = Code(rawValue: "cel.regex")
        /// An invalid argument to a function (bad timestamp, duration, time zone).
        public static let invalidArgument = Code(rawValue: "cel.invalid-argument")
        /// The evaluation ran out of its cost budget.
        public static let costLimit = Code(rawValue: "cel.cost-limit")
        /// The checker found a type mismatch other than an overload.
        public static let typeMismatch = Code(rawValue: "cel.type-mismatch")
    }

    /// What kind of error, stable across releases.
    public var code: Code
    /// A lowercase sentence saying what was found and, where it helps, what to do.
    public var message: String
    /// Where in the expression; nil only for errors raised outside any expression node.
    public var location: CELSourceLocation?

    public init(_ code: Code, _ message: String, at location: CELSourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location.line):\(location.column): \(message) [\(code)]" }
        return "\(message) [\(code)]"
    }

    /// This error, located at `location` unless it already has a location.
    func located(at location: CELSourceLocation) -> CELError {
        if self.location != nil { return self }
        var copy = self
        copy.location = location
        return copy
    }
}
