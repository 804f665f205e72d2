/// A place in the model, as people write it: `services[checkout-api].replicas`,
/// `datastores[*].encryption.atRest`, `regions[0]`.
///
/// List items that have a name are addressed by name, never by position.
public struct ModelPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case field(String)
        /// An item of a named list, by name.
        case item(String)
        /// An item of an ordered list or a set, by position.
        case index(Int)
        /// `[*]`: any item (in patterns only).
        case anyItem
        /// `*` as a field: any field (in patterns only).
        case anyField
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = ModelPath()

    public func appending(_ component: Component) -> ModelPath {
        // One allocation: `components + [component]` would build a one-element array first.
        var longer = components
        longer.append(component)
        return ModelPath(longer)
    }

    public func field(_ name: String) -> ModelPath { appending(.field(name)) }
    public func item(_ name: String) -> ModelPath { appending(.item(name)) }
    public func index(_ position: Int) -> ModelPath { appending(.index(position)) }

    /// The path as people write it. A name that would read as something else (an item
    /// name with `]`, a field or map key with `.`, a name that looks like a position or a
    /// wildcard) is written in double quotes inside brackets: `config["spring.url"]`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s text as UTF-8: every gap and finding printed writes its path,
    /// and building it piece by piece as a `String` cost thousands of instructions a path.
    func write(into bytes: inout [UInt8]) {
        let start = bytes.count
        for component in components {
            switch component {
            case .field(let name):
                if Self.needsQuotes(name, asField: true) {
                    bytes.append(UInt8(ascii: "["))
                    bytes.appendUTF8(of: Self.quoted(name))
                    bytes.append(UInt8(ascii: "]"))
                } else {
                    if bytes.count > start { bytes.append(UInt8(ascii: ".")) }
                    bytes.appendUTF8(of: name)
                }
            case .item(let name):
                bytes.append(UInt8(ascii: "["))
                bytes.appendUTF8(of: Self.needsQuotes(name, asField: false) ? Self.quoted(name) : name)
                bytes.append(UInt8(ascii: "]"))
            case .index(let position):
                bytes.append(UInt8(ascii: "["))
                bytes.append(contentsOf: String(position).utf8)
                bytes.append(UInt8(ascii: "]"))
            case .anyItem: bytes.append(contentsOf: "[*]".utf8)
            case .anyField:
                if bytes.count > start { bytes.append(UInt8(ascii: ".")) }
                bytes.append(UInt8(ascii: "*"))
            }
        }
    }

    /// Whether `name` must be quoted to read back as the same step. An item name may hold
    /// brackets that balance (a content identity, `{"actions":["*"]}`), as the parser
    /// matches them; one that does not balance is quoted.
    static func needsQuotes(_ name: String, asField: Bool) -> Bool {
        // The common case first, byte by byte: ASCII with no bracket, quote or dot can only
        // mislead by being empty, a wildcard or a position (every path printed goes through here).
        // Over the contiguous bytes: iterating `utf8` costs tens of instructions a byte.
        let plain = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var digits = true
            for byte in bytes {
                if byte >= 0x80 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ".") { return nil }
                if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { digits = false }
            }
            return digits || (bytes.count == 1 && bytes[0] == UInt8(ascii: "*"))
        }
        guard let plain, let plain else { return slowNeedsQuotes(name, asField: asField) }
        return plain
    }

    private static func slowNeedsQuotes(_ name: String, asField: Bool) -> Bool {
        if name.isEmpty || name == "*" || name.first == "\"" || name.allSatisfy(\.isNumber) { return true }
        if asField { return name.contains(".") || name.contains("[") || name.contains("]") }
        let characters = Array(name)
        return closingBracket(in: characters[...] + ["]"]) != characters.count
    }

    /// The offset of the `]` that closes a bracket whose inside starts `text`: brackets
    /// nest, and inside double-quoted strings (JSON's, with backslash escapes) they do not count.
    static func closingBracket(in text: ArraySlice<Character>) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, character) in text.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "\"": inString = true
            case "[": depth += 1
            case "]":
                if depth == 0 { return offset }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `name` in double quotes, with `"` and `\` escaped by a backslash.
    static func quoted(_ name: String) -> String {
        var text = "\""
        for character in name {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }

    public static func < (a: ModelPath, b: ModelPath) -> Bool { a.sortKey < b.sortKey }

    /// Text that orders paths step by step, so `db` sorts before `db2` and `db.version`
    /// (a separator below every printable character between steps).
    public var sortKey: String {
        var bytes: [UInt8] = []
        writeSortKey(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `sortKey`'s text as UTF-8 (`PathOrder` sorts by these bytes).
    func writeSortKey(into bytes: inout [UInt8]) {
        for (position, component) in components.enumerated() {
            if position > 0 { bytes.append(1) }
            switch component {
            case .field(let name), .item(let name): bytes.appendUTF8(of: name)
            case .index(let index):
                // Padded with zeros to ten digits, so positions sort by number.
                let digits = String(index).utf8
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 10 - digits.count)))
                bytes.append(contentsOf: digits)
            case .anyItem, .anyField: bytes.append(UInt8(ascii: "*"))
            }
        }
    }

    /// Parses `services[checkout-api].replicas`; nil when the text is not a path.
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        var expectField = true
        while !rest.isEmpty {
            if rest.first == "[", rest.dropFirst().first == "\"" {
                // A quoted name: up to the closing quote, backslash escapes, then `]`.
                var name = ""
                var cursor = rest.index(rest.startIndex, offsetBy: 2)
                var closed = false
                while cursor < rest.endIndex {
                    let character = rest[cursor]
                    cursor = rest.index(after: cursor)
                    if character == "\\" {
                        guard cursor < rest.endIndex else { return nil }
                        name.append(rest[cursor])
                        cursor = rest.index(after: cursor)
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        name.append(character)
                    }
                }
                guard closed, cursor < rest.endIndex, rest[cursor] == "]" else { return nil }
                components.append(.item(name))
                rest = rest[rest.index(after: cursor)...]
                expectField = false
                continue
            }
            if rest.first == "[" {
                guard let offset = Self.closingBracket(in: Array(rest.dropFirst())[...]) else { return nil }
                let close = rest.index(rest.startIndex, offsetBy: offset + 1)
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                guard !inside.isEmpty else { return nil }
                if inside == "*" {
                    components.append(.anyItem)
                } else if let position = Int(inside), position >= 0, inside.allSatisfy(\.isNumber) {
                    components.append(.index(position))
                } else {
                    components.append(.item(String(inside)))
                }
                rest = rest[rest.index(after: close)...]
                expectField = false
                continue
            }
            if !expectField {
                guard rest.first == "." else { return nil }
                rest = rest.dropFirst()
            }
            let name = rest.prefix { $0 != "." && $0 != "[" }
            guard !name.isEmpty else { return nil }
            components.append(name == "*" ? .anyField : .field(String(name)))
            rest = rest.dropFirst(name.count)
            expectField = false
        }
        guard !components.isEmpty else { return nil }
        self.components = components
    }

    /// Whether this concrete path is matched by `pattern` (wildcards allowed there), exactly
    /// or as a descendant (`services[api]` matches the path `services[api].replicas` when
    /// `prefix` is true).
    public func matches(_ pattern: ModelPath, prefix: Bool = false) -> Bool {
        guard prefix ? pattern.components.count <= components.count : pattern.components.count == components.count
        else { return false }
        for (want, have) in zip(pattern.components, components) {
            switch (want, have) {
            case (.anyItem, .item), (.anyItem, .index), (.anyField, .field): continue
            case let (a, b) where a == b: continue
            default: return false
            }
        }
        return true
    }
}
