/// Evaluates the expression-based variance rules (regular expressions and CEL predicates);
/// the diff itself knows nothing of CEL.
public protocol VarianceExpressions: Sendable {
    /// Whether `text` matches `pattern` (RE2 syntax).
    func matches(_ text: String, pattern: String) throws -> Bool
    /// The boolean value of `predicate` with `reference` and `mirror` bound (null when absent),
    /// shaped by `type`, the schema's type at the path, as lint type-checked them.
    func holds(_ predicate: String, reference: Value?, mirror: Value?, type: SchemaType?) throws -> Bool
}

extension Variance.Rule {
    /// Nil when the rule holds for these values; otherwise why it does not. The rule sees
    /// secrets (the value itself when `secret`, or fields inside it by `type`) only as
    /// opaque tokens, so neither its verdict nor its message can reveal one.
    func failure(reference: Value?, mirror: Value?, secret: Bool, type: SchemaType?, expressions: VarianceExpressions)
        -> String?
    {
        // Only the expressions read inside a value; the other rules read counts and names.
        let reads: Bool =
            switch self {
            case .pattern, .predicate: true
            default: secret
            }
        let reference = reads ? reference?.tokenizingSecrets(secret: secret, type: type) : reference
        let mirror = reads ? mirror?.tokenizingSecrets(secret: secret, type: type) : mirror
        let failure = failure(reference: reference, mirror: mirror, expressions: expressions, type: type)
        guard let failure, Value.holdsToken(reference) || Value.holdsToken(mirror) else { return failure }
        return failure + " (it reads a secret, which rules see only as an opaque token, equal for equal secrets; "
            + "compare secrets with 'differ' or ==, never by their text)"
    }

    private func failure(reference: Value?, mirror: Value?, expressions: VarianceExpressions, type: SchemaType?)
        -> String?
    {
        switch self {
        case .ignore:
            return nil
        case .fewer(let minimum, let ratio):
            guard let mirror else { return nil }
            guard let reference else { return "the reference has none, so the mirror cannot have fewer" }
            let have: Double, limit: Double
            if let items = mirror.list, let referenceItems = reference.list {
                have = Double(items.count)
                limit = Double(referenceItems.count)
                let known = Set(referenceItems.map(\.identity))
                if let stray = items.first(where: { !known.contains($0.identity) }) {
                    return "the mirror has '\(stray.name ?? stray.identity)', which the reference does not"
                }
            } else if let a = mirror.double, let b = reference.double {
                have = a
                limit = b
            } else {
                return "'fewer' compares numbers or lists, found \(mirror.displayText) and \(reference.displayText)"
            }
            if have > limit { return "the mirror has \(format(have)), more than the reference's \(format(limit))" }
            if let minimum, have < minimum {
                return "the mirror has \(format(have)), below the minimum of \(format(minimum))"
            }
            if let ratio, have < ratio * limit {
                return "the mirror has \(format(have)), below \(format(ratio)) of the reference's \(format(limit))"
            }
            return nil
        case .subset, .superset:
            let (inner, outer) = self.isSubset ? (mirror, reference) : (reference, mirror)
            let innerItems = inner?.list ?? [], outerItems = Set((outer?.list ?? []).map(\.identity))
            if let stray = innerItems.first(where: { !outerItems.contains($0.identity) }) {
                let side = isSubset ? "the mirror has" : "the reference has"
                let other = isSubset ? "the reference does not" : "the mirror does not"
                return "\(side) '\(stray.name ?? stray.identity)', which \(other)"
            }
            return nil
        case .differ:
            guard let reference, let mirror else { return nil }
            return reference.sameContent(as: mirror)
                ? "the mirror must differ from the reference, but both are equal" : nil
        case .pattern(let pattern):
            guard let mirror else { return nil }
            guard let text = mirror.string ?? (mirror.list == nil && mirror.object == nil ? mirror.displayText : nil)
            else {
                return "'pattern' matches text, found \(mirror.displayText)"
            }
            do {
                return try expressions.matches(text, pattern: pattern) ? nil : "'\(text)' does not match /\(pattern)/"
            } catch {
                return "the pattern could not be evaluated: \(error)"
            }
        case .predicate(let source):
            do {
                return try expressions.holds(source, reference: reference, mirror: mirror, type: type)
                    ? nil : "the predicate '\(source)' is false"
            } catch {
                return "the predicate '\(source)' could not be evaluated: \(error)"
            }
        }
    }

    private var isSubset: Bool {
        if case .subset = self { return true }
        return false
    }

    private func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
