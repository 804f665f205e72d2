/// An extension set of list functions beyond standard CEL, as cel-go's `ext.Lists`:
/// `flatten()`, `flatten(depth)` and `distinct()`, so a list of lists built once can be
/// keyed (with `transformMapEntry`) and searched with `in`.
enum ListExtensions {
    static let functions: [(String, Int, Function)] = [
        (
            "flatten", 1,
            Function(allocates: true) { (list: CELValue) throws(CELError) -> CELValue in
                try flatten(list, depth: 1)
            }
        ),
        (
            "flatten", 2,
            Function(allocates: true) { (list: CELValue, depth: CELValue) throws(CELError) -> CELValue in
                guard case .int(let levels) = depth else { throw Builtins.noOverload("flatten", list, depth) }
                guard levels >= 0 else {
                    throw CELError(.invalidArgument, "flatten() takes a depth of 0 or more, found \(levels)")
                }
                return try flatten(list, depth: levels)
            }
        ),
        (
            "distinct", 1,
            Function(allocates: true) { (list: CELValue) throws(CELError) -> CELValue in
                try distinct(list)
            }
        ),
    ]

    /// `list` without repeats (CEL equality), first occurrences kept in order. Strings,
    /// integers and booleans are found by hashing; other values by comparison.
    private static func distinct(_ list: CELValue) throws(CELError) -> CELValue {
        guard case .list(let items) = list else { throw Builtins.noOverload("distinct", list) }
        var seen = CELMap()
        var others: [CELValue] = []  // doubles, lists, maps...: compared, not hashed
        var out: [CELValue] = []
        for item in items {
            switch item {
            case .string, .int, .uint, .bool:
                guard seen[item] == nil else { continue }
                try seen.insert(item, .null)
                // A double equal to an earlier integer is a repeat too (1 == 1.0 in CEL).
                guard !others.contains(where: { $0.celEquals(item) }) else { continue }
            default:
                guard !others.contains(where: { $0.celEquals(item) }), seen[item] == nil || !isNumber(item) else {
                    continue
                }
                others.append(item)
            }
            out.append(item)
        }
        return .list(out)
    }

    private static func isNumber(_ value: CELValue) -> Bool {
        switch value {
        case .int, .uint, .double: true
        default: false
        }
    }

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
