extension Value {
    /// The identity of an unnamed item by the values of `fields`: each present field's value
    /// joined by `/` (`8443/grpc`), a list as its sorted items joined by `,`, so the order a
    /// set is written in does not matter.
    public func identity(by fields: [String]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(fields.count)
        for name in fields {
            guard let value = self[name] else { continue }
            if let items = value.list {
                parts.append(items.map(\.identity).sorted().joined(separator: ","))
            } else {
                parts.append(value.identity)
            }
        }
        return parts.joined(separator: "/")
    }
}
