import Foundation

/// A PromQL query with `{{ environment }}` and `{{ service }}` placeholders.
public struct QueryTemplate: Sendable {
    public var text: String
    /// The placeholders, in order of appearance.
    public let placeholders: [String]

    /// The placeholders a criterion may use: the environment, and the item's name when
    /// the criterion applies to each service or datastore.
    public static func allowed(for collection: String?) -> [String] {
        switch collection {
        case "services": ["environment", "service", "name"]
        case "datastores": ["environment", "datastore", "name"]
        default: ["environment"]
        }
    }

    /// Reads `text`; a `{{` without its `}}` is reported by `problem`.
    public init(_ text: String) {
        self.text = text
        placeholders = Self.parts(text).compactMap { part in
            if case .hole(let name, _) = part { return name }
            return nil
        }
    }

    /// Why the template cannot be filled, if it cannot, given the placeholders allowed.
    public func problem(allowed: [String]) -> (message: String, offset: Int)? {
        for part in Self.parts(text) {
            switch part {
            case .unclosed(let offset):
                return ("'{{' at offset \(offset) has no closing '}}'", offset)
            case .hole(let name, let offset) where !allowed.contains(name):
                let hint = allowed.count > 1 ? "" : " (only {{ environment }} without 'for: services')"
                return (
                    "unknown placeholder '{{ \(name) }}'; the query may use \(allowed.map { "{{ \($0) }}" }.joined(separator: ", "))\(hint)",
                    offset
                )
            default:
                continue
            }
        }
        return nil
    }

    /// The query with each placeholder replaced, escaped for a PromQL string.
    public func fill(_ values: [String: String]) -> String {
        Self.parts(text).map { part in
            switch part {
            case .text(let text): text
            case .hole(let name, _):
                (values[name] ?? "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                    of: "\"", with: "\\\"")
            case .unclosed: ""
            }
        }.joined()
    }

    private enum Part {
        case text(String)
        case hole(String, offset: Int)
        case unclosed(offset: Int)
    }

    private static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            parts.append(.text(String(rest[..<open.lowerBound])))
            let offset = text.distance(from: text.startIndex, to: open.lowerBound)
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                parts.append(.unclosed(offset: offset))
                return parts
            }
            parts.append(
                .hole(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces), offset: offset))
            rest = rest[close.upperBound...]
        }
        parts.append(.text(String(rest)))
        return parts
    }
}
