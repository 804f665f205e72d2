import ParityDiagnostics
import ParityYAML

/// Decodes an environment file straight from libyaml's events, with no node tree between.
/// Building the tree and freeing it cost about as much as decoding it (a tenth of a whole
/// check), only for the tree to be read once, front to back.
///
/// It takes only files the tree path (`YAMLLoader`, `DocumentHeader`, `SchemaDecoder`)
/// reads without a word to say: every document an Environment, every key a field the schema
/// knows, every value of its field's type, no tag, no merge key, no repeated key, name or set
/// item, no limit reached. At anything else it gives up (`nil`), and the file is read again
/// through the tree, which says what is wrong and where. A file it takes decodes to the
/// values the tree gives, place for place (`EventDecoderTests` holds it to that).
///
/// Aliases are read again in place: the events of each anchored node are kept as it is read
/// (with the aliases inside it read out), so an alias decodes as the node it names would,
/// under the field it stands in, at the node's place, as the tree's shared node does.
struct EventDecoder {
    /// The decoder gives up; the tree path reads the file instead and says why.
    struct GiveUp: Error {}

    /// The values of the Environment documents of `bytes`, or nil where the tree must read them.
    static func environments(in bytes: [UInt8], file: String, limits: LoaderLimits) -> [Value]? {
        guard bytes.count <= limits.maxFileBytes else { return nil }
        return YAMLEvents.read(bytes, file: file) { reader in
            var decoder = EventDecoder(reader: reader, limits: limits)
            return try? decoder.documents()
        }
    }

    /// An anchored node's events. Read again, their anchors define nothing: only the parser's events do.
    private struct Anchored {
        var events: [YAMLEvent]
        /// How many nodes the node holds, aliases in it read out: what an alias to it adds.
        var weight: Int
        /// The bytes of scalar text it holds.
        var textBytes: Int
    }

    /// An anchored node being read.
    private struct Recording {
        var name: String
        var events: [YAMLEvent] = []
        /// Collections open in it.
        var depth = 0
    }

    private let reader: YAMLEventReader
    private let limits: LoaderLimits
    /// Anchored nodes' events being read again for aliases, innermost last.
    private var replaying: [(events: [YAMLEvent], next: Int)] = []
    private var recordings: [Recording] = []
    private var recorded = 0
    /// At most this many events are kept for aliases: past it the tree, which shares nodes, reads the file.
    private static let maxRecorded = 1 << 16
    private var anchors: [String: Anchored] = [:]
    /// What the tree path counts against `limits`: nodes written in the file, collections
    /// open, and what aliases add to the document.
    private var nodes = 0, depth = 0, expansion = 0, expansionBytes = 0
    /// The fields and items of every open collection, innermost last: one shared array, so
    /// each collection's own is made once, at its exact size.
    private var pendingFields: [(name: String, value: Value)] = []
    private var pendingItems: [Value] = []

    private init(reader: YAMLEventReader, limits: LoaderLimits) {
        self.reader = reader
        self.limits = limits
    }

    private mutating func documents() throws(GiveUp) -> [Value] {
        var values: [Value] = []
        while true {
            let event = try next()
            switch event.kind {
            case .streamEnd: return values
            case .documentStart:
                anchors.removeAll(keepingCapacity: true)
                (expansion, expansionBytes) = (0, 0)
            case .documentEnd: continue
            default:
                let root = try object(event, EnvironmentSchema.root)
                // What `DocumentHeader` asks before the tree path decodes an environment.
                guard let version = root["apiVersion"]?.string, FileKind.apiVersions.contains(version),
                    root["kind"]?.string == FileKind.environment.name
                else { throw GiveUp() }
                values.append(root)
            }
        }
    }

    // MARK: Values

    private mutating func value(_ start: YAMLEvent, _ type: SchemaType, field: FieldSchema?) throws(GiveUp) -> Value
    {
        switch type {
        case .object(let schema): return try object(start, schema)
        case .list(let item, let kind): return try list(start, item, kind)
        case .map(let item): return try map(start, item)
        case .any: return try generic(start)
        default:
            guard let scalar = start.scalar,
                let content = DecodingRun.plainContent(of: scalar, as: type, field: field)
            else { throw GiveUp() }
            return Value(content, at: start.location)
        }
    }

    private mutating func object(_ start: YAMLEvent, _ schema: ObjectSchema) throws(GiveUp) -> Value {
        guard start.kind == .mappingStart else { throw GiveUp() }
        let base = pendingFields.count
        var next = 0
        // The fields set so far, by position (a schema has a few dozen at most; past 64, by name).
        var set: UInt64 = 0
        // The extension fields' names, which a repeat of is a repeated key too (rare: a list).
        var extensions: [String] = []
        while true {
            let key = try self.next()
            if key.kind == .mappingEnd { break }
            let name = try keyText(key)
            guard let position = schema.position(of: name, near: next) else {
                // `x-` keys are extension fields, which the decoder skips; any other is unknown.
                guard name.hasPrefix("x-"), !extensions.contains(name) else { throw GiveUp() }
                extensions.append(name)
                _ = try generic(self.next())
                continue
            }
            next = position + 1
            let fieldName = schema.fields[position].name
            if position < 64 {
                if set & (1 << position) != 0 { throw GiveUp() }
                set |= 1 << position
            } else if pendingFields[base...].contains(where: { $0.name == fieldName }) {
                throw GiveUp()
            }
            let value = try value(self.next(), schema.fields[position].type, field: schema.fields[position])
            pendingFields.append((fieldName, value))
        }
        return Value(.object(fieldsFromPending(base)), at: start.location)
    }

    private mutating func map(_ start: YAMLEvent, _ itemType: SchemaType) throws(GiveUp) -> Value {
        Value(.object(try entries(start, itemType)), at: start.location)
    }

    private mutating func list(_ start: YAMLEvent, _ itemType: SchemaType, _ kind: ListKind) throws(GiveUp) -> Value {
        let items = try items(start, itemType)
        if Self.hasRepeats(items, kind) { throw GiveUp() }
        return Value(.list(items), at: start.location)
    }

    /// A node as written, with no schema applied (`Value(generic:)`).
    private mutating func generic(_ start: YAMLEvent) throws(GiveUp) -> Value {
        switch start.kind {
        case .scalar:
            guard let scalar = start.scalar else { throw GiveUp() }
            return Value(.generic(scalar), at: start.location)
        case .sequenceStart: return Value(.list(try items(start, nil)), at: start.location)
        case .mappingStart: return Value(.object(try entries(start, nil)), at: start.location)
        default: throw GiveUp()
        }
    }

    /// The items of the sequence `start` opens, each as `itemType` (as written when nil).
    private mutating func items(_ start: YAMLEvent, _ itemType: SchemaType?) throws(GiveUp) -> [Value] {
        guard start.kind == .sequenceStart else { throw GiveUp() }
        let base = pendingItems.count
        while true {
            let item = try next()
            if item.kind == .sequenceEnd { break }
            let value = if let itemType { try value(item, itemType, field: nil) } else { try generic(item) }
            pendingItems.append(value)
        }
        defer { pendingItems.removeSubrange(base...) }
        return Array(pendingItems[base...])
    }

    /// The entries of the mapping `start` opens, each as `itemType` (as written when nil).
    private mutating func entries(_ start: YAMLEvent, _ itemType: SchemaType?) throws(GiveUp) -> Fields {
        guard start.kind == .mappingStart else { throw GiveUp() }
        let base = pendingFields.count
        var keys = Keys()
        while true {
            let key = try next()
            if key.kind == .mappingEnd { break }
            let name = try keyText(key)
            try keys.insert(name, key)
            let valueStart = try next()
            guard let itemType else {
                pendingFields.append((name, try generic(valueStart)))
                continue
            }
            var entry = try value(valueStart, itemType, field: nil)
            // A map's entries are placed at their key, where references to the key point.
            if entry.location == valueStart.location, itemType.objectSchema != nil { entry.location = key.location }
            pendingFields.append((name, entry))
        }
        return fieldsFromPending(base)
    }

    /// The fields of the mapping whose entries are `pendingFields[base...]`, taken from it.
    private mutating func fieldsFromPending(_ base: Int) -> Fields {
        let fields = Fields(distinct: pendingFields[base...])
        pendingFields.removeSubrange(base...)
        return fields
    }

    /// The name a key gives its field or entry, as `DecodingRun` reads it: a scalar's text,
    /// never null. `<<`, a merge key, is left to the tree.
    private func keyText(_ key: YAMLEvent) throws(GiveUp) -> String {
        guard let scalar = key.scalar, scalar.value != .null, !(scalar.style == .plain && scalar.text == "<<") else {
            throw GiveUp()
        }
        return scalar.text
    }

    /// The keys of one mapping so far. The tree path reports a key repeated by its value
    /// (`1` and `0x1`), and lets a later one replace an earlier of the same text (`1` and `'1'`):
    /// either way the decoder gives up.
    private struct Keys {
        private var texts: [String] = []
        private var indexed: Set<String>?
        /// Keys that are not strings, as the tree tells keys apart.
        private var values: [KeyIdentity] = []

        mutating func insert(_ text: String, _ key: YAMLEvent) throws(GiveUp) {
            if let scalar = key.scalar, scalar.value != .string {
                let identity = KeyIdentity(scalar)
                if values.contains(identity) { throw GiveUp() }
                values.append(identity)
            }
            if indexed == nil, texts.count < 16 {
                if texts.contains(text) { throw GiveUp() }
                texts.append(text)
                return
            }
            if indexed == nil { indexed = Set(texts) }
            guard indexed?.insert(text).inserted == true else { throw GiveUp() }
        }
    }

    /// Whether `items` repeat what the list's kind says must not be (a name, an identity, a
    /// set's item), as the tree path finds it: it reports each.
    private static func hasRepeats(_ items: [Value], _ kind: ListKind) -> Bool {
        switch kind {
        case .ordered:
            return false
        case .named(let key):
            var names = Set<String>()
            return items.contains { item in item[key]?.string.map { !names.insert($0).inserted } ?? false }
        case .identified(let fields):
            var identities = Set<String>()
            return items.contains { $0.object != nil && !identities.insert($0.identity(by: fields)).inserted }
        case .set:
            if items.count <= 16 {
                return items.indices.contains { index in items[..<index].contains { $0.sameContent(as: items[index]) } }
            }
            var seen = Set<String>(), seenContent = Set<String>()
            return items.contains { item in
                if case .string(let text) = item.content { return !seen.insert(text).inserted }
                return !seenContent.insert(item.contentKey).inserted
            }
        }
    }

    // MARK: Events

    /// The next event: from an anchored node being read again for an alias, else from the
    /// parser, checked as the tree path checks it.
    private mutating func next() throws(GiveUp) -> YAMLEvent {
        let event: YAMLEvent
        if let last = replaying.indices.last {
            event = replaying[last].events[replaying[last].next]
            replaying[last].next += 1
            if replaying[last].next == replaying[last].events.count { replaying.removeLast() }
        } else {
            guard let read = reader.next() else { throw GiveUp() }
            if read.kind == .alias { return try alias(read) }
            try check(read)
            if read.startsNode, let name = read.anchor { recordings.append(Recording(name: name)) }
            event = read
        }
        if !recordings.isEmpty { try record(event) }
        return event
    }

    /// What the tree path checks of an event it composes: no tag, limits.
    private mutating func check(_ event: YAMLEvent) throws(GiveUp) {
        if event.isTagged { throw GiveUp() }
        switch event.kind {
        case .scalar:
            nodes += 1
            if (event.scalar?.text.utf8.count ?? 0) > limits.maxScalarBytes { throw GiveUp() }
        case .sequenceStart, .mappingStart:
            nodes += 1
            if depth >= limits.maxDepth { throw GiveUp() }
            depth += 1
        case .sequenceEnd, .mappingEnd:
            depth -= 1
        default:
            break
        }
        if nodes > limits.maxNodes { throw GiveUp() }
    }

    /// The first event of the node `alias` names, the rest to follow, counted as the tree
    /// path counts what an alias adds.
    private mutating func alias(_ alias: YAMLEvent) throws(GiveUp) -> YAMLEvent {
        nodes += 1
        guard nodes <= limits.maxNodes, let name = alias.anchor, let target = anchors[name] else { throw GiveUp() }
        expansion = Self.saturatingSum(expansion, target.weight)
        expansionBytes = Self.saturatingSum(expansionBytes, target.textBytes)
        guard expansion <= limits.maxAliasExpansion, expansionBytes <= limits.maxAliasBytes else { throw GiveUp() }
        replaying.append((target.events, 0))
        return try next()
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Keeps `event` for every anchored node being read; a node read to its end is anchored.
    private mutating func record(_ event: YAMLEvent) throws(GiveUp) {
        recorded += recordings.count
        if recorded > Self.maxRecorded { throw GiveUp() }
        let change =
            switch event.kind {
            case .sequenceStart, .mappingStart: 1
            case .sequenceEnd, .mappingEnd: -1
            default: 0
            }
        for index in recordings.indices {
            recordings[index].events.append(event)
            recordings[index].depth += change
        }
        // Only the innermost can end here: they nest.
        while let last = recordings.last, last.depth == 0 {
            recordings.removeLast()
            let scalars = last.events.lazy.compactMap(\.scalar)
            anchors[last.name] = Anchored(
                events: last.events, weight: last.events.lazy.filter(\.startsNode).count,
                textBytes: scalars.reduce(0) { $0 + $1.text.utf8.count })
        }
    }
}
