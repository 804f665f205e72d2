/// An extension set of list functions beyond standard CEL, as cel-go's `ext.Lists`:
/// `flatten()` and `flatten(depth)`, so a list of lists built once can be searched with `in`.
enum ListExtensions {
    static let functions: [(String, Int, Function)] = [
        ("flatten", 1, Function(allocates: true) { (list: CELValue) throws(CELError) -> CELValue in
            try flatten(list, depth: 1)
        }),
        ("flatten", 2, Function(allocates: true) { (list: CELValue, depth: CELValue) throws(CELError) -> CELValue in
            guard case .int(let levels) = depth else { throw Builtins.noOverload("flatten", list, depth) }
            guard levels >= 0 else { throw CELError(.invalidArgument, "flatten() takes a depth of 0 or more, found \(levels)") }
            return try flatten(list, depth: levels)
        }),
    ]

    /// `list` with nested lists spliced in, `depth` levels deep.
    private static func flatten(_ list: CELValue, depth: Int64) throws(CELError) -> CELValue {
        guard case .list(let items) = list else { throw Builtins.noOverload("flatten", list) }
        guard depth > 0 else { return list }
        var out: [CELValue] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .list = item, case .list(let inner) = try flatten(item, depth: depth - 1) {
                out += inner
            } else {
                out.append(item)
            }
        }
        return .list(out)
    }
}
