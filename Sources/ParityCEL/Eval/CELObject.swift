/// A host value that presents itself to CEL as an object with named fields, computed on demand.
///
/// Field selection (`self.replicas`), `has(self.replicas)`, `'replicas' in self`, indexing
/// (`self['replicas']`), `size` and comprehensions (which iterate the field names) all work on it.
public protocol CELObject: Sendable {
    /// The object's type name, such as `parity.Service`, as `type(x)` reports it.
    var celTypeName: String { get }
    /// The value of field `name`, or nil when the object has no such field.
    func celField(_ name: String) -> CELValue?
    /// The names of the fields the object has, in a stable order.
    var celFieldNames: [String] { get }
    /// Whether the object has field `name` (`has(x.name)`); implement it when that is cheaper
    /// than computing the field. A requirement, so the object's own answer is the one used.
    func celHasField(_ name: String) -> Bool
}

extension CELObject {
    public func celHasField(_ name: String) -> Bool { celField(name) != nil }
}
