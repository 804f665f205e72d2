internal import CYAML
import ParityDiagnostics

/// Builds nodes from libyaml's events without recursion, so nesting depth is bounded by
/// `LoaderLimits.maxDepth` rather than by the stack.
struct Composer {
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var tag: String?
        var anchor: String?
        /// Where this collection's children begin in `pending`.
        var start: Int
    }

    private let events: EventParser
    private let limits: LoaderLimits
    private let strictTags: Bool
    private var stack: [Frame] = []
    /// The children of every open collection, innermost last: sequence items, or mapping
    /// keys and values alternating. One shared array rather than one per collection, so
    /// building a collection never regrows an array, and its final array is sized exactly.
    private var pending: [Node] = []
    /// Scratch for `mappingPairs`, kept to reuse its storage from one mapping to the next.
    private var identities: [KeyIdentity] = []
    private var anchors: [String: Node] = [:]
    private var expansion = 0
    private var expansionBytes = 0
    /// Nodes in the whole stream, not each document: a file of many documents at the limit
    /// would otherwise cost their number times what the limit bounds.
    private var nodes = 0
    private var root: Node?
    private(set) var diagnostics: [Diagnostic] = []

    init(events: EventParser, limits: LoaderLimits, strictTags: Bool) {
        self.events = events
        self.limits = limits
        self.strictTags = strictTags
    }

    /// Every document of the stream. Throws the first fatal problem; other problems
    /// (duplicate keys, unknown tags) are collected in `diagnostics`.
    mutating func documents() throws(Diagnostic) -> [YAMLDocument] {
        var documents: [YAMLDocument] = []
        var documentStart: SourceLocation?
        while true {
            let type = try events.next()
            let event = events.event.pointee
            switch type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                documentStart = events.location(event.start_mark)
                anchors.removeAll(keepingCapacity: true)
                expansion = 0
                expansionBytes = 0
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                if let root, let documentStart {
                    documents.append(YAMLDocument(root: root, location: documentStart))
                }
            case YAML_SCALAR_EVENT:
                try attach(scalar(event), anchor: string(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                try attach(alias(event), anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = type == YAML_MAPPING_START_EVENT
                let location = events.location(event.start_mark)
                guard stack.count < limits.maxDepth else {
                    throw .error(.yamlLimit, "nesting is deeper than \(limits.maxDepth) levels", at: location)
                }
                let tag = string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
                let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                checkTag(tag, at: location)
                stack.append(
                    Frame(isMapping: isMapping, location: location, tag: tag, anchor: anchor, start: pending.count))
            case YAML_SEQUENCE_END_EVENT:
                // An end event always follows its start event: libyaml guarantees the nesting.
                let frame = stack.removeLast()
                let items = Array(pending[frame.start...])
                pending.removeSubrange(frame.start...)
                try attach(Node(.sequence(items), at: frame.location, tag: frame.tag), anchor: frame.anchor)
            case YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let pairs = try mappingPairs(from: frame.start)
                pending.removeSubrange(frame.start...)
                try attach(Node(.mapping(pairs), at: frame.location, tag: frame.tag), anchor: frame.anchor)
            default:
                continue
            }
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private mutating func attach(_ node: Node, anchor: String?) throws(Diagnostic) {
        nodes += 1
        guard nodes <= limits.maxNodes else {
            throw .error(
                .yamlLimit,
                "this file holds more than \(limits.maxNodes) nodes; split it into smaller files (an environment may be a folder of them)",
                at: node.location)
        }
        if let anchor { anchors[anchor] = node }
        if stack.isEmpty {
            root = node
        } else {
            pending.append(node)
        }
    }

    private mutating func alias(_ event: yaml_event_t) throws(Diagnostic) -> Node {
        let name = string(event.data.alias.anchor) ?? ""
        let location = events.location(event.start_mark)
        guard let target = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw .error(
                    .yamlBadAlias,
                    "alias '*\(TerminalText.clipped(name))' refers to a node that contains it; recursive structures are not allowed",
                    at: location)
            }
            throw .error(
                .yamlBadAlias, "alias '*\(TerminalText.clipped(name))' refers to no anchor defined before it",
                at: location)
        }
        expansion = Node.saturatingAdd(expansion, target.weight)
        guard expansion <= limits.maxAliasExpansion else {
            throw .error(
                .yamlLimit,
                "aliases expand this document beyond \(limits.maxAliasExpansion) nodes; refusing what looks like an alias bomb",
                at: location)
        }
        // The walk is bounded: the nodes it visits were just counted against the limit above.
        expansionBytes = Node.saturatingAdd(expansionBytes, Self.textBytes(of: target))
        guard expansionBytes <= limits.maxAliasBytes else {
            throw .error(
                .yamlLimit,
                "aliases expand this document beyond \(limits.maxAliasBytes) bytes of text; refusing what looks like an alias bomb",
                at: location)
        }
        return target
    }

    /// The bytes of scalar text in `node`, aliases expanded.
    private static func textBytes(of node: Node) -> Int {
        var total = 0
        var pending = [node]
        while let next = pending.popLast() {
            switch next.content {
            case .scalar(let scalar): total = Node.saturatingAdd(total, scalar.text.utf8.count)
            case .sequence(let items): pending += items
            case .mapping(let pairs): for pair in pairs { pending += [pair.key, pair.value] }
            }
        }
        return total
    }

    private mutating func scalar(_ event: yaml_event_t) throws(Diagnostic) -> Node {
        let data = event.data.scalar
        let location = events.location(event.start_mark)
        guard data.length <= limits.maxScalarBytes else {
            throw .error(
                .yamlLimit, "a scalar of \(data.length) bytes exceeds the limit of \(limits.maxScalarBytes) bytes",
                at: location)
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let style = Scalar.Style(data.style)
        let tag = string(data.tag)
        let value: Scalar.Value
        switch tag {
        case nil:
            value = style == .plain ? CoreSchema.resolve(bytes) : .string
        case "!", Tag.str?:
            value = .string
        case Tag.int?:
            value = CoreSchema.integer(text).map { .int($0) } ?? mismatch(text, "an integer", at: location)
        case Tag.float?:
            value = CoreSchema.float(text).map { .float($0) } ?? mismatch(text, "a number", at: location)
        case Tag.bool?:
            let resolved = CoreSchema.resolve(bytes)
            if case .bool = resolved { value = resolved } else { value = mismatch(text, "a boolean", at: location) }
        case Tag.null?:
            value = CoreSchema.resolve(bytes) == .null ? .null : mismatch(text, "null", at: location)
        case Tag.seq?, Tag.map?, Tag.set?, Tag.omap?, Tag.pairs?:
            value = mismatch(text, tag == Tag.map || tag == Tag.set ? "a mapping" : "a sequence", at: location)
        case Tag.timestamp?:
            value =
                CoreSchema.isTimestamp(text)
                ? .string : mismatch(text, "a timestamp (2026-11-30 or 2026-11-30T12:00:00Z)", at: location)
        case let tag?:
            checkTag(tag, at: location)
            // Other standard tags (!!binary, !!timestamp) keep their text; an application
            // tag, where allowed, leaves the value as if untagged.
            value = tag.hasPrefix(Tag.yamlPrefix) || style != .plain ? .string : CoreSchema.resolve(bytes)
        }
        let indent = style == .literal || style == .folded ? events.blockIndent(after: Int(event.start_mark.index)) : 0
        return Node(
            .scalar(Scalar(text: text, style: style, value: value, contentIndent: indent)), at: location, tag: tag)
    }

    /// The value is never quoted: it may be a secret, or megabytes long; the excerpt shows it.
    private mutating func mismatch(_ text: String, _ expected: String, at location: SourceLocation) -> Scalar.Value {
        diagnostics.append(
            .error(
                .yamlTagMismatch, "this value is not \(expected), as its tag says; write \(expected) or remove the tag",
                at: location))
        return .string
    }

    private mutating func checkTag(_ tag: String?, at location: SourceLocation) {
        guard strictTags, let tag, tag != "!", !tag.hasPrefix(Tag.yamlPrefix) else { return }
        diagnostics.append(
            .error(
                .yamlUnknownTag,
                "unknown tag '\(TerminalText.clipped(tag))'; Parity files are plain YAML: write the value itself (tags outside YAML's standard !! set, such as CloudFormation's !Ref, are not supported)",
                at: location))
    }

    /// The pairs of the mapping whose keys and values are `pending[start...]`.
    private mutating func mappingPairs(from start: Int) throws(Diagnostic) -> [Node.Pair] {
        let count = pending.count - start
        var pairs: [Node.Pair] = []
        pairs.reserveCapacity(count / 2)
        identities.removeAll(keepingCapacity: true)
        var index: [KeyIdentity: Int] = [:]
        var merged: [Node.Pair] = []
        var mergePosition: Int?
        var cursor = 0
        while cursor + 1 < count {
            let key = pending[start + cursor], value = pending[start + cursor + 1]
            cursor += 2
            if isMergeKey(key) {
                if mergePosition == nil { mergePosition = pairs.count }
                merged += try mergeSources(value, key: key)
                continue
            }
            let identity = KeyIdentity(key, position: cursor)
            var previous: Int?
            if identities.count < 16 {
                previous = identities.firstIndex(of: identity)
            } else {
                if index.isEmpty { for (offset, id) in identities.enumerated() { index[id] = offset } }
                previous = index[identity]
            }
            if let previous {
                let first = pairs[previous].key
                diagnostics.append(
                    .error(
                        .yamlDuplicateKey,
                        "duplicate key '\(TerminalText.clipped(key.displayText))' in this mapping; each key may appear once",
                        at: key.location,
                        notes: [
                            .init(
                                "'\(TerminalText.clipped(first.displayText))' is first written here", at: first.location
                            )
                        ]))
                continue
            }
            if !index.isEmpty || identities.count >= 16 { index[identity] = identities.count }
            identities.append(identity)
            pairs.append(Node.Pair(key: key, value: value))
        }
        guard let mergePosition else { return pairs }
        var seen = Set(identities)
        var inserted: [Node.Pair] = []
        for (position, pair) in merged.enumerated()
        where seen.insert(KeyIdentity(pair.key, position: -1 - position)).inserted {
            inserted.append(pair)
        }
        pairs.insert(contentsOf: inserted, at: mergePosition)
        return pairs
    }

    private func isMergeKey(_ key: Node) -> Bool {
        guard let scalar = key.scalar, scalar.text == "<<" else { return false }
        return key.tag == Tag.merge || (key.tag == nil && scalar.style == .plain)
    }

    /// The pairs a `<<` value contributes, earlier sources taking precedence.
    private func mergeSources(_ value: Node, key: Node) throws(Diagnostic) -> [Node.Pair] {
        // An alias shares the node it names, whose place is the anchor's: point at the key.
        let notes =
            value.location < key.location
            ? [Diagnostic.Note("the anchored value is written here", at: value.location)] : []
        switch value.content {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var result: [Node.Pair] = []
            for item in items {
                guard let pairs = item.mapping else {
                    throw .error(
                        .yamlBadMerge, "a '<<' merge list may hold only mappings, found \(item.kindDescription)",
                        at: key.location, notes: [.init("the item is written here", at: item.location)])
                }
                result += pairs
            }
            return result
        case .scalar:
            throw .error(
                .yamlBadMerge, "a '<<' merge key takes a mapping or a list of mappings, found \(value.kindDescription)",
                at: key.location, notes: notes)
        }
    }
}

/// What makes two mapping keys the same key: equal resolved scalar values (numbers by their
/// bits: `.nan` and `.NaN` are one key, `0.0` and `-0.0` two). Collection keys (rare, and never
/// used by Parity's files) are each their own key, as the YAML test suite expects. A reader of
/// events that must repeat the loader's verdict on keys (`EventDecoder`) compares by it too.
public enum KeyIdentity: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(UInt64)
    case string(String)
    case collection(position: Int)

    init(_ key: Node, position: Int) {
        guard let scalar = key.scalar else {
            self = .collection(position: position)
            return
        }
        self.init(scalar)
    }

    /// The identity of a scalar key.
    public init(_ scalar: Scalar) {
        switch scalar.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .float(let value): self = .float(value.bitPattern)
        case .string: self = .string(scalar.text)
        }
    }
}

extension Node {
    /// The key as a person would read it in a message.
    var displayText: String {
        if let scalar { return scalar.text }
        return sequence != nil ? "[...]" : "{...}"
    }
}
