import ParityDiagnostics
import ParityYAML

/// One decoding pass: the diagnostics found so far.
struct DecodingRun {
    var diagnostics: [Diagnostic] = []

    /// Decodes `node` as `type`; `label` names the field for messages.
    mutating func value(_ node: Node, _ type: SchemaType, label: String?, path: ModelPath, field: FieldSchema? = nil) -> Value {
        switch type {
        case .object(let schema):
            return object(node, schema, label: label, path: path)
        case .list(let item, let kind):
            return list(node, item, kind, label: label, path: path)
        case .map(let item):
            return map(node, item, label: label, path: path)
        case .any:
            return Value(generic: node)
        default:
            return scalar(node, type, label: label, field: field)
        }
    }

    private mutating func object(_ node: Node, _ schema: ObjectSchema, label: String?, path: ModelPath) -> Value {
        guard let pairs = node.mapping else { return mismatch(node, expected: "a mapping", label: label) }
        var fields = Fields()
        for pair in pairs {
            guard let name = key(pair.key) else { continue }
            var fieldSchema = schema.field(name)
            if fieldSchema == nil {
                let suggestion = Suggestion.closest(to: name, in: schema.fields.map(\.name))
                let place = path.components.isEmpty ? "this \(schema.noun)" : path.description
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; remove it, or see 'parity schema' for the fields of a \(schema.noun)"
                diagnostics.append(.error(.schemaUnknownField, "unknown field '\(name)' in \(place)\(hint)", at: pair.key.location))
                // Recover as if the suggestion had been written, so one typo is one diagnostic.
                guard let suggestion, node[suggestion] == nil, fields[suggestion] == nil else { continue }
                fieldSchema = schema.field(suggestion)
            }
            guard let fieldSchema else { continue }
            let fieldPath = path.field(fieldSchema.name)
            fields[fieldSchema.name] = value(pair.value, fieldSchema.type, label: fieldSchema.name, path: fieldPath, field: fieldSchema)
        }
        return Value(.object(fields), at: node.location)
    }

    private mutating func list(_ node: Node, _ itemType: SchemaType, _ kind: ListKind, label: String?, path: ModelPath) -> Value {
        guard let nodes = node.sequence else { return mismatch(node, expected: "a list", label: label) }
        var items: [Value] = []
        items.reserveCapacity(nodes.count)
        var firstByName: [String: SourceLocation] = [:]
        var firstByContent: [String: SourceLocation?] = [:]
        for (position, itemNode) in nodes.enumerated() {
            var itemPath = path.index(position)
            if case .named(let key) = kind, let name = itemNode[key]?.scalar?.text {
                itemPath = path.item(name)
            }
            let item = value(itemNode, itemType, label: label.map { "an item of '\($0)'" }, path: itemPath)
            if case .named(let key) = kind, let nameValue = item[key], let name = nameValue.string {
                let here = nameValue.location ?? itemNode.location
                if let first = firstByName[name] {
                    let noun = itemType.objectSchema?.noun ?? "item"
                    diagnostics.append(.error(
                        .schemaDuplicateName, "duplicate name '\(name)' in '\(label ?? path.description)'; each \(noun) needs its own name",
                        at: here, notes: [.init("'\(name)' is first defined here", at: first)]))
                } else {
                    firstByName[name] = here
                }
            }
            if case .set = kind {
                // Most sets are a handful of regions or ports: comparing pairs is cheaper
                // than hashing there, and hashing keeps a long set linear.
                let earlier: SourceLocation??
                if nodes.count <= 16 {
                    earlier = items.first { $0.sameContent(as: item) }.map(\.location)
                } else {
                    let key = item.contentKey
                    earlier = firstByContent[key]
                    if earlier == nil { firstByContent[key] = item.location }
                }
                if let earlier {
                    diagnostics.append(.warning(
                        .schemaDuplicateItem, "'\(label ?? path.description)' lists the same value twice; remove one",
                        at: itemNode.location, notes: [.init("first listed here", at: earlier)]))
                    continue
                }
            }
            items.append(item)
        }
        return Value(.list(items), at: node.location)
    }

    private mutating func map(_ node: Node, _ itemType: SchemaType, label: String?, path: ModelPath) -> Value {
        guard let pairs = node.mapping else { return mismatch(node, expected: "a mapping", label: label) }
        var fields = Fields()
        for pair in pairs {
            guard let name = key(pair.key) else { continue }
            var entry = value(pair.value, itemType, label: name, path: path.item(name))
            // A map's entries are placed at their key, where references to the key point.
            if entry.location == pair.value.location, itemType.objectSchema != nil { entry.location = pair.key.location }
            fields[name] = entry
        }
        return Value(.object(fields), at: node.location)
    }

    /// The text of a mapping key; keys are always names.
    private mutating func key(_ node: Node) -> String? {
        guard let scalar = node.scalar, scalar.value != .null else {
            diagnostics.append(.error(.schemaTypeMismatch, "expected a field name, found \(node.kindDescription)", at: node.location))
            return nil
        }
        return scalar.text
    }

    /// Reports a value of the wrong shape and keeps it as written.
    mutating func mismatch(_ node: Node, expected: String, label: String?, hint: String = "", quoting: Bool = true) -> Value {
        let target = label.map { $0.hasPrefix("an item of") ? " as \($0)" : " for '\($0)'" } ?? ""
        let found = quoting ? node.foundDescription : node.kindDescription
        diagnostics.append(.error(.schemaTypeMismatch, "expected \(expected)\(target), found \(found)\(hint)", at: node.location))
        return Value(generic: node)
    }
}
