/// The checker's overloads of the standard functions and the string, list and network extension sets.
/// A receiver counts as the first parameter, as at runtime.
enum Signatures {
    typealias Signature = (params: [CELType], result: CELType)

    private static let a = CELType.typeParameter("A")
    private static let b = CELType.typeParameter("B")
    private static let c = CELType.typeParameter("C")
    private static let numbers: [CELType] = [.int, .uint, .double]

    static let table: [String: [Signature]] = {
        var t: [String: [Signature]] = [:]
        t["_+_"] = [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double),
                    ([.string, .string], .string), ([.bytes, .bytes], .bytes), ([.list(a), .list(a)], .list(a)),
                    ([.timestamp, .duration], .timestamp), ([.duration, .timestamp], .timestamp),
                    ([.duration, .duration], .duration)]
        t["_-_"] = [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double),
                    ([.timestamp, .timestamp], .duration), ([.timestamp, .duration], .timestamp),
                    ([.duration, .duration], .duration)]
        t["_*_"] = numbers.map { ([$0, $0], $0) }
        t["_/_"] = numbers.map { ([$0, $0], $0) }
        t["_%_"] = [([.int, .int], .int), ([.uint, .uint], .uint)]
        t["-_"] = [([.int], .int), ([.double], .double), ([.duration], .duration)]
        t["_==_"] = [([a, b], .bool)]
        t["_!=_"] = [([a, b], .bool)]
        var ordered: [Signature] = []
        for x in numbers { for y in numbers { ordered.append(([x, y], .bool)) } }
        for x in [CELType.string, .bytes, .bool, .timestamp, .duration] { ordered.append(([x, x], .bool)) }
        for op in ["_<_", "_<=_", "_>_", "_>=_"] { t[op] = ordered }
        t["@in"] = [([a, .list(b)], .bool), ([a, .map(b, c)], .bool)]
        t["_[_]"] = [([.list(a), .int], a), ([.list(a), .uint], a), ([.map(b, a), c], a)]
        t["size"] = [([.string], .int), ([.bytes], .int), ([.list(a)], .int), ([.map(a, b)], .int)]
        for name in ["contains", "startsWith", "endsWith", "matches"] { t[name] = [([.string, .string], .bool)] }
        t["int"] = [CELType.int, .uint, .double, .string, .timestamp, .duration].map { ([$0], .int) }
        t["uint"] = [CELType.int, .uint, .double, .string].map { ([$0], .uint) }
        t["double"] = [CELType.int, .uint, .double, .string].map { ([$0], .double) }
        t["string"] = [CELType.string, .int, .uint, .double, .bool, .bytes, .timestamp, .duration, .type(a),
                       NetworkExtensions.ipType, NetworkExtensions.cidrType].map { ([$0], .string) }
        t["bytes"] = [CELType.bytes, .string].map { ([$0], .bytes) }
        t["bool"] = [CELType.bool, .string].map { ([$0], .bool) }
        t["type"] = [([a], .type(a))]
        t["dyn"] = [([a], .dyn)]
        t["duration"] = [CELType.string, .duration, .int].map { ([$0], .duration) }
        t["timestamp"] = [CELType.string, .timestamp, .int].map { ([$0], .timestamp) }
        for name in Builtins.accessorNames {
            t[name] = [([.timestamp], .int), ([.timestamp, .string], .int)]
        }
        for name in ["getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
            t[name, default: []].append(([.duration], .int))
        }
        for name in ["lowerAscii", "upperAscii", "trim"] { t[name] = [([.string], .string)] }
        t["split"] = [([.string, .string], .list(.string)), ([.string, .string, .int], .list(.string))]
        t["join"] = [([.list(.string)], .string), ([.list(.string), .string], .string)]
        t["flatten"] = [([.list(.dyn)], .list(.dyn)), ([.list(.dyn), .int], .list(.dyn))]
        t["distinct"] = [([.list(a)], .list(a))]
        t["replace"] = [([.string, .string, .string], .string), ([.string, .string, .string, .int], .string)]
        for name in ["indexOf", "lastIndexOf"] {
            t[name] = [([.string, .string], .int), ([.string, .string, .int], .int)]
        }
        t.merge(NetworkExtensions.signatures) { first, _ in first }
        return t
    }()
}

/// "Did you mean ...?" suggestions for misspelt names.
enum Suggest {
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        let limit = max(2, word.count / 3)
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates.sorted() {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counting as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
