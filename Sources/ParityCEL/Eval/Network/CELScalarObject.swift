/// A host object that is one value rather than a record of fields (an IP address, a range):
/// it compares by value, converts to its text with `string()`, and prints as its
/// constructor call (`ip("10.0.0.1")`).
public protocol CELScalarObject: CELObject {
    /// The value's canonical text, as `string(x)` gives it.
    var celText: String { get }
    /// The CEL expression that builds the value, as literals print it.
    var celLiteral: String { get }
    /// Whether `other` is the same value.
    func celIsEqual(_ other: any CELObject) -> Bool
}

extension CELScalarObject {
    public func celField(_ name: String) -> CELValue? { nil }
    public var celFieldNames: [String] { [] }
}
