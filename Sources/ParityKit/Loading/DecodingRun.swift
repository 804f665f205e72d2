import ParityDiagnostics
import ParityYAML

/// One decoding pass: the diagnostics found so far, and where in the document it is.
struct DecodingRun {
    var diagnostics: [Diagnostic] = []
    /// The place being decoded, as a stack rather than a `ModelPath` per value: paths
    /// are only needed for the rare message, and building one for every value is costly.
    var path: [ModelPath.Component] = []
    /// The nodes of sensitive fields, whose text must not be quoted.
    var secrets: [Node] = []
    /// Where the file's secrets are written, once asked (see `SchemaDecoder.secretRegions`).
    var secretRegions: (@Sendable () -> [SourceRegion])?
    private var hidden: [SourceRegion]?

    /// What a value is called in messages: its field, or an item of a field's list.
    struct Label {
        var field: String?
        var inList = false

        /// " for 'replicas'", " as an item of 'ports'", or nothing.
        var phrase: String {
            guard let field else { return "" }
            return inList ? " as an item of '\(field)'" : " for '\(field)'"
        }
    }

    var place: String { ModelPath(path).description }

    /// Past this many problems in one document, the rest are counted, not written: a file of
    /// 80,000 unknown fields would cost 80,000 messages no one reads (the renderer shows
    /// 1,000 a file), and each can cost a suggestion.
    static let maxDiagnostics = 1_000
    /// How many problems were past the cap, and the worst of them.
    private(set) var unlisted: (count: Int, severity: Diagnostic.Severity) = (0, .note)

    /// Whether a problem of `severity` is to be written (then the caller appends it), or only
    /// counted, the document having `maxDiagnostics` already.
    mutating func listed(_ severity: Diagnostic.Severity) -> Bool {
        guard diagnostics.count >= Self.maxDiagnostics else { return true }
        unlisted = (unlisted.count + 1, max(unlisted.severity, severity))
        return false
    }

    /// Whether `location` lies in the file's secrets (asked of `secretRegions` once).
    private mutating func isHidden(_ location: SourceLocation?) -> Bool {
        guard let location, let secretRegions else { return false }
        if hidden == nil { hidden = secretRegions() }
        return hidden?.contains { $0.contains(location) } ?? false
    }

    /// Decodes `node` as `type`; `label` names the field for messages.
    mutating func value(_ node: Node, _ type: SchemaType, label: Label, field: FieldSchema? = nil) -> Value {
        if field?.sensitive == true { secrets.append(node) }
        switch type {
        case .object(let schema):
            return object(node, schema, label: label)
        case .list(let item, let kind):
            return list(node, item, kind, label: label)
        case .map(let item):
            return map(node, item, label: label)
        case .any:
            return Value(generic: node)
        default:
            return scalar(node, type, label: label, field: field)
        }
    }

    private mutating func object(_ node: Node, _ schema: ObjectSchema, label: Label) -> Value {
        guard let pairs = node.mapping else { return mismatch(node, expected: "a mapping", label: label) }
        var fields = Fields()
        fields.reserveCapacity(pairs.count)
        var next = 0
        for pair in pairs {
            guard let name = key(pair.key) else { continue }
            // Fields are found by position: a `FieldSchema` copied per key read costs a
            // retain and a release of each of its strings and arrays.
            var position = schema.position(of: name, near: next)
            next = position.map { $0 + 1 } ?? next
            // `x-` keys are extension fields (docker-compose's home for anchors): ignored.
            if position == nil, name.hasPrefix("x-") { continue }
            if position == nil, isHidden(pair.key.location) {
                // Text that fell out of a multi-line secret, read as a key: its name is the secret's.
                if listed(.error) {
                    diagnostics.append(
                        .error(
                            .schemaUnknownField,
                            "unknown field in \(path.isEmpty ? "this \(schema.noun)" : place) right after a secret written over several lines; its name is not shown, as it may be the secret's own text: indent it into the secret's block, or remove it",
                            at: pair.key.location))
                }
                continue
            }
            if position == nil {
                // Past the cap the document is in error already: no suggestion, no recovery.
                guard listed(.error) else { continue }
                let suggestion = Suggestion.closest(to: name, in: schema.fields.map(\.name))
                let place = path.isEmpty ? "this \(schema.noun)" : self.place
                let hint =
                    suggestion.map { "; did you mean '\($0)'?" }
                    ?? "; remove it, or see 'parity schema' for the fields of \(Self.article(schema.noun)) \(schema.noun)"
                diagnostics.append(
                    .error(.schemaUnknownField, "unknown field '\(name)' in \(place)\(hint)", at: pair.key.location))
                // Recover as if the suggestion had been written, so one typo is one diagnostic.
                guard let suggestion, node[suggestion] == nil, fields[suggestion] == nil else { continue }
                position = schema.position(of: suggestion)
            }
            guard let position else { continue }
            let fieldName = schema.fields[position].name
            path.append(.field(fieldName))
            fields[fieldName] = value(
                pair.value, schema.fields[position].type, label: Label(field: fieldName), field: schema.fields[position]
            )
            path.removeLast()
        }
        return Value(.object(fields), at: node.location)
    }

    private mutating func list(_ node: Node, _ itemType: SchemaType, _ kind: ListKind, label: Label) -> Value {
        guard let nodes = node.sequence else { return mismatch(node, expected: "a list", label: label) }
        var items: [Value] = []
        items.reserveCapacity(nodes.count)
        var firstByName: [String: SourceLocation] = [:]
        var firstByContent: [SetKey: SourceLocation?] = [:]
        if case .set = kind, nodes.count > 16 { firstByContent.reserveCapacity(nodes.count) }
        for (position, itemNode) in nodes.enumerated() {
            if case .named(let key) = kind, let name = itemNode[key]?.scalar?.text {
                path.append(.item(name))
            } else {
                path.append(.index(position))
            }
            let item = value(itemNode, itemType, label: Label(field: label.field, inList: true))
            path.removeLast()
            if case .named(let key) = kind, let nameValue = item[key], let name = nameValue.string {
                let here = nameValue.location ?? itemNode.location
                if let first = firstByName[name] {
                    let noun = itemType.objectSchema?.noun ?? "item"
                    if listed(.error) {
                        diagnostics.append(
                            .error(
                                .schemaDuplicateName,
                                "duplicate name '\(name)' in '\(label.field ?? place)'; each \(noun) needs its own name",
                                at: here, notes: [.init("'\(name)' is first defined here", at: first)]))
                    }
                } else {
                    firstByName[name] = here
                }
            }
            if case .identified(let fields) = kind, item.object != nil {
                let identity = item.identity(by: fields)
                if let first = firstByName.updateValue(item.location ?? itemNode.location, forKey: identity) {
                    if listed(.error) {
                        diagnostics.append(ItemIdentities.duplicate(identity, in: label.field ?? place, fields: fields,
                                                                    at: itemNode.location, first: first))
                    }
                    firstByName[identity] = first
                }
            }
            if case .set = kind {
                // Most sets are a handful of regions or ports: comparing pairs is cheaper
                // than hashing there, and hashing keeps a long set linear.
                let earlier: SourceLocation??
                if nodes.count <= 16 {
                    earlier = items.first { $0.sameContent(as: item) }.map(\.location)
                } else {
                    let key: SetKey =
                        if case .string(let text) = item.content { .string(text) } else { .content(item.contentKey) }
                    // One look-up for a value not seen before (nearly all): the first place
                    // is put back only when it was there.
                    earlier = firstByContent.updateValue(item.location, forKey: key)
                    if let earlier { firstByContent[key] = earlier }
                }
                if let earlier {
                    if listed(.warning) {
                        diagnostics.append(.warning(
                            .schemaDuplicateItem, "'\(label.field ?? place)' lists the same value twice; remove one",
                            at: itemNode.location, notes: [.init("first listed here", at: earlier)]))
                    }
                    continue
                }
            }
            items.append(item)
        }
        return Value(.list(items), at: node.location)
    }

    private mutating func map(_ node: Node, _ itemType: SchemaType, label: Label) -> Value {
        guard let pairs = node.mapping else { return mismatch(node, expected: "a mapping", label: label) }
        var fields = Fields()
        fields.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let name = key(pair.key) else { continue }
            path.append(.item(name))
            var entry = value(pair.value, itemType, label: Label(field: name))
            path.removeLast()
            // A map's entries are placed at their key, where references to the key point.
            if entry.location == pair.value.location, itemType.objectSchema != nil {
                entry.location = pair.key.location
            }
            fields[name] = entry
        }
        return Value(.object(fields), at: node.location)
    }

    /// The text of a mapping key; keys are always names.
    private mutating func key(_ node: Node) -> String? {
        guard let scalar = node.scalar, scalar.value != .null else {
            if listed(.error) {
                diagnostics.append(
                    .error(.schemaTypeMismatch, "expected a field name, found \(node.kindDescription)", at: node.location))
            }
            return nil
        }
        return scalar.text
    }

    /// Reports a value of the wrong shape and keeps it as written.
    mutating func mismatch(_ node: Node, expected: String, label: Label, hint: String = "", quoting: Bool = true)
        -> Value
    {
        let target = label.phrase
        let found = quoting ? node.foundDescription : node.kindDescription
        if listed(.error) {
            diagnostics.append(
                .error(.schemaTypeMismatch, "expected \(expected)\(target), found \(found)\(hint)", at: node.location))
        }
        return Value(generic: node)
    }
}

/// What finds a set's repeated items by hashing: a string item by its text (most sets are
/// regions, ports and names), any other by its content key, built only for those.
private enum SetKey: Hashable {
    case string(String)
    case content(String)
}

extension DecodingRun {
    /// `a` or `an`, as the noun's sound asks (by its first letter: `an environment`, `a service`).
    static func article(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }
}
