import ParityCEL

/// A PromQL series selector, `name{label="value", other=~"re.*"}`: what a saved file can answer.
///
/// Regular expressions are RE2, anchored at both ends as PromQL anchors them.
public struct SeriesSelector: Sendable {
    public struct Matcher: Sendable {
        public enum Operation: String, Sendable { case equal = "=", notEqual = "!=", matches = "=~", notMatches = "!~" }
        public var label: String
        public var operation: Operation
        public var value: String
    }

    public var matchers: [Matcher]

    /// Reads `text`; nil when it is not a bare selector (a function, an operator, a range).
    public init?(_ text: String) {
        var scanner = Array(text.unicodeScalars)[...]
        func skipSpace() {
            while let first = scanner.first, first == " " || first == "\n" || first == "\t" { scanner.removeFirst() }
        }
        func identifier() -> String {
            var name = ""
            while let first = scanner.first,
                first == "_" || first == ":" || first.properties.isAlphabetic && first.isASCII
                    || ("0"..."9").contains(first) && !name.isEmpty
            {
                name.unicodeScalars.append(first)
                scanner.removeFirst()
            }
            return name
        }
        skipSpace()
        var matchers: [Matcher] = []
        let name = identifier()
        if !name.isEmpty { matchers.append(Matcher(label: "__name__", operation: .equal, value: name)) }
        skipSpace()
        if scanner.first == "{" {
            scanner.removeFirst()
            while true {
                skipSpace()
                if scanner.first == "}" { scanner.removeFirst(); break }
                let label = identifier()
                guard !label.isEmpty else { return nil }
                skipSpace()
                var symbol = ""
                while let first = scanner.first, "=!~".unicodeScalars.contains(first) {
                    symbol.unicodeScalars.append(first); scanner.removeFirst()
                }
                guard let operation = Matcher.Operation(rawValue: symbol) else { return nil }
                skipSpace()
                guard let quote = scanner.first, quote == "\"" || quote == "'" else { return nil }
                scanner.removeFirst()
                var value = ""
                while let first = scanner.first, first != quote {
                    scanner.removeFirst()
                    if first == "\\", let escaped = scanner.first {
                        scanner.removeFirst()
                        value.unicodeScalars.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.unicodeScalars.append(first)
                    }
                }
                guard scanner.first == quote else { return nil }
                scanner.removeFirst()
                matchers.append(Matcher(label: label, operation: operation, value: value))
                skipSpace()
                if scanner.first == "," { scanner.removeFirst() }
            }
        }
        skipSpace()
        guard scanner.isEmpty, !matchers.isEmpty else { return nil }
        self.matchers = matchers
    }

    /// Whether a series with `labels` is selected; a missing label reads as empty, as in PromQL.
    public func matches(_ labels: [String: String]) -> Bool {
        matchers.allSatisfy { matcher in
            let value = labels[matcher.label] ?? ""
            switch matcher.operation {
            case .equal: return value == matcher.value
            case .notEqual: return value != matcher.value
            case .matches: return Self.fullMatch(value, matcher.value)
            case .notMatches: return !Self.fullMatch(value, matcher.value)
            }
        }
    }

    private static func fullMatch(_ text: String, _ pattern: String) -> Bool {
        // The CEL library's RE2 engine does the matching; PromQL anchors the whole value.
        let program = try? CEL.compile("text.matches(pattern)")
        let result = try? program?.evaluate(["text": .string(text), "pattern": .string("^(?:\(pattern))$")])
        if case .bool(let matched)? = result { return matched }
        return false
    }
}
