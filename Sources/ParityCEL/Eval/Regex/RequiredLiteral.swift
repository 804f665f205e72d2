/// The longest run of literal text every match of a pattern contains, looked for with a byte
/// search before the Pike VM runs: most texts a rule tests hold no such run (`prod` in
/// `(^|[./@-])prod(uction)?([.:/-]|$)`, tested against every configuration value), and the
/// search costs a fraction of a pass of the VM.
enum RequiredLiteral {
    /// The scalars every match of `node` holds one after another; empty when none is known.
    static func of(_ node: RegexNode) -> [Unicode.Scalar] {
        switch node {
        case .literal(let scalar, foldCase: false):
            return [scalar]
        case .concat(let parts):
            // Consecutive parts that each match one exact text make one run.
            var best: [Unicode.Scalar] = [], run: [Unicode.Scalar] = []
            for part in parts {
                if let text = exact(part) {
                    run += text
                    continue
                }
                best = longer(best, run)
                run = []
                best = longer(best, of(part))
            }
            return longer(best, run)
        case .repeat(let inner, let min, _) where min >= 1:
            return of(inner)
        default:
            return []
        }
    }

    /// The one text `node` matches, when it matches exactly one (literals, assertions between them).
    private static func exact(_ node: RegexNode) -> [Unicode.Scalar]? {
        switch node {
        case .literal(let scalar, foldCase: false): return [scalar]
        case .empty, .assertion: return []
        case .concat(let parts):
            var text: [Unicode.Scalar] = []
            for part in parts {
                guard let more = exact(part) else { return nil }
                text += more
            }
            return text
        case .repeat(let inner, let min, let max) where max == min:
            return exact(inner).map { Array(repeatElement($0, count: min).joined()) }
        default: return nil
        }
    }

    private static func longer(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> [Unicode.Scalar] {
        b.count > a.count ? b : a
    }

    /// Whether `needle` occurs in the UTF-8 of `text`; true when the text's bytes cannot be read in place.
    static func occurs(_ needle: [UInt8], in text: String) -> Bool {
        guard let first = needle.first else { return true }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= needle.count else { return false }
            var start = 0
            while start <= bytes.count - needle.count {
                if bytes[start] == first, needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
                start += 1
            }
            return false
        } ?? true
    }
}
