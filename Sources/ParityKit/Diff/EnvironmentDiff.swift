import ParityDiagnostics

/// The semantic diff of two resolved environments: named items matched by name, sets
/// compared as sets, one gap for a whole missing item rather than one per field.
public struct EnvironmentDiff: Sendable {
    /// The raw result, before variances and waivers.
    public struct Result: Sendable {
        public var gaps: [Gap]
        /// Per section: how many attributes were compared (leaves, plus items on one side only).
        public var attributes: [String: Int]
    }

    public let schema: ObjectSchema
    /// Top-level fields that describe an environment rather than its topology.
    public var excludedFields: Set<String> = ["apiVersion", "kind", "metadata", "extends"]
    /// Fields anywhere that document rather than configure (a description, the evidence of
    /// an inferred dependency): never a parity gap.
    public var documentationFields: Set<String> = ["description", EnvironmentSchema.inferredField]
    /// The fields that identify unnamed items (`ports[8443/grpc]`), the spec's where it sets them.
    public var identities = ItemIdentities()

    public init(schema: ObjectSchema) {
        self.schema = schema
    }

    public func compare(reference: Value, mirror: Value) -> Result {
        var walk = Walk(documentationFields: documentationFields, identities: identities)
        var attributes: [String: Int] = [:]
        let type = SchemaType.object(schema)
        guard let referenceFields = reference.object, let mirrorFields = mirror.object else {
            walk.compare(reference, mirror, type: type, sensitive: false, mirrorParent: mirror.location)
            if walk.counted > 0 { attributes["environment"] = walk.counted }
            return Result(gaps: walk.gaps, attributes: attributes)
        }
        // Each top-level field is its own section, compared on any core: the sections share
        // nothing, and their gaps are read back in field order, as one walk would give them.
        let names = Walk.fieldOrder(referenceFields, mirrorFields, schema: schema).filter {
            !excludedFields.contains($0)
        }
        let sections = Parallel.map(names.count) { [walk] index in
            var walk = walk
            let name = names[index]
            let field = schema.field(name)
            walk.path = [.field(name)]
            walk.compareMember(
                referenceFields[name], mirrorFields[name], type: field?.type ?? .any,
                sensitive: field?.sensitive ?? false, mirrorParent: mirror.location)
            return (gaps: walk.gaps, counted: walk.counted)
        }
        var gaps: [Gap] = []
        gaps.reserveCapacity(sections.reduce(0) { $0 + $1.gaps.count })
        for (name, section) in zip(names, sections) {
            gaps += section.gaps
            if section.counted > 0 { attributes[name, default: 0] += section.counted }
        }
        return Result(gaps: gaps, attributes: attributes)
    }
}

/// One comparison of two trees. The walk visits every value of both environments, so it
/// keeps its place as a stack of components (a `ModelPath` is built only for a gap) and
/// counts the current section's attributes in one integer rather than hashing per leaf.
private struct Walk {
    let documentationFields: Set<String>
    let identities: ItemIdentities
    var gaps: [Gap] = []
    /// Attributes compared so far in the current section (leaves, plus items on one side only).
    var counted = 0
    /// Where the walk is.
    var path: [ModelPath.Component] = []

    init(documentationFields: Set<String>, identities: ItemIdentities) {
        self.documentationFields = documentationFields
        self.identities = identities
    }

    static func fieldOrder(_ a: Fields, _ b: Fields, schema: ObjectSchema?) -> [String] {
        var order = schema?.fields.map(\.name).filter { a[$0] != nil || b[$0] != nil } ?? []
        var seen = Set(order)
        for name in a.names + b.names where seen.insert(name).inserted { order.append(name) }
        return order
    }

    /// One side may be absent: then the whole member is one gap.
    mutating func compareMember(
        _ reference: Value?, _ mirror: Value?, type: SchemaType, sensitive: Bool, mirrorParent: SourceLocation?
    ) {
        switch (reference, mirror) {
        case let (reference?, mirror?):
            compare(reference, mirror, type: type, sensitive: sensitive, mirrorParent: mirrorParent)
        case let (reference?, nil):
            counted += 1
            gaps.append(
                Gap(
                    .missing, at: ModelPath(path), reference: reference, mirror: nil, sensitive: sensitive,
                    mirrorLocation: mirrorParent, referenceLocation: reference.location, type: type))
        case let (nil, mirror?):
            counted += 1
            gaps.append(
                Gap(
                    .extra, at: ModelPath(path), reference: nil, mirror: mirror, sensitive: sensitive,
                    mirrorLocation: mirror.location, referenceLocation: nil, type: type))
        case (nil, nil):
            break
        }
    }

    /// `compareMember` one level down, at `component`.
    private mutating func compareMember(
        _ reference: Value?, _ mirror: Value?, at component: ModelPath.Component, type: SchemaType, sensitive: Bool,
        mirrorParent: SourceLocation?
    ) {
        path.append(component)
        compareMember(reference, mirror, type: type, sensitive: sensitive, mirrorParent: mirrorParent)
        path.removeLast()
    }

    mutating func compare(
        _ reference: Value, _ mirror: Value, type: SchemaType, sensitive: Bool, mirrorParent: SourceLocation?
    ) {
        let here = mirror.location ?? mirrorParent
        switch (type, reference.content, mirror.content) {
        case let (.object(schema), .object(a), .object(b)):
            if !compareKnownFields(a, b, schema: schema, sensitive: sensitive, here: here) {
                for name in Self.fieldOrder(a, b, schema: schema) where !documentationFields.contains(name) {
                    let field = schema.field(name)
                    compareMember(
                        a[name], b[name], at: .field(name), type: field?.type ?? .any,
                        sensitive: sensitive || (field?.sensitive ?? false), mirrorParent: here)
                }
            }
        case let (.map(elementType), .object(a), .object(b)):
            for name in Self.fieldOrder(a, b, schema: nil) {
                compareMember(
                    a[name], b[name], at: .field(name), type: elementType, sensitive: sensitive, mirrorParent: here)
            }
        case let (.any, .object(a), .object(b)):
            for name in Self.fieldOrder(a, b, schema: nil) {
                compareMember(a[name], b[name], at: .field(name), type: .any, sensitive: sensitive, mirrorParent: here)
            }
        case let (.list(element, .named(key)), .list(a), .list(b)):
            compareKeyed(a, b, element: element, sensitive: sensitive, mirrorParent: here) { $0[key]?.identity }
        case let (.list(element, kind), .list(a), .list(b))
        where element.objectSchema != nil && identities.fields(at: path, kind: kind) != nil:
            let fields = identities.fields(at: path, kind: kind) ?? []
            compareKeyed(a, b, element: element, sensitive: sensitive, mirrorParent: here) { $0.identity(by: fields) }
        case let (.list(_, .set), .list(a), .list(b)):
            compareSet(a, b, sensitive: sensitive, mirrorParent: here)
        default:
            counted += 1
            if !reference.sameContent(as: mirror) {
                gaps.append(
                    Gap(
                        .changed, at: ModelPath(path), reference: reference, mirror: mirror, sensitive: sensitive,
                        mirrorLocation: here, referenceLocation: reference.location))
            }
        }
    }

    /// The fields of two objects compared in the schema's order, as `fieldOrder` would list
    /// them, without building that list: each field's place in both objects is noted by its
    /// position in the schema. False, having compared nothing, when a name is not in the
    /// schema (or the schema repeats a name); the caller then goes by `fieldOrder`.
    private mutating func compareKnownFields(
        _ a: Fields, _ b: Fields, schema: ObjectSchema, sensitive: Bool, here: SourceLocation?
    ) -> Bool {
        guard schema.hasUniqueFieldNames else { return false }
        let count = schema.fields.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { slots in
            // slots[p] is the index in `a` of schema field p, slots[count + p] its index in `b`; -1 when absent.
            slots.initialize(repeating: -1)
            var next = 0
            for (index, pair) in a.enumerated() {
                guard let position = schema.position(of: pair.name, near: next) else { return false }
                slots[position] = index
                next = position + 1
            }
            next = 0
            for (index, pair) in b.enumerated() {
                guard let position = schema.position(of: pair.name, near: next) else { return false }
                slots[count + position] = index
                next = position + 1
            }
            for position in 0..<count where slots[position] >= 0 || slots[count + position] >= 0 {
                let name = schema.fields[position].name
                guard !documentationFields.contains(name) else { continue }
                let inA = slots[position], inB = slots[count + position]
                compareMember(
                    inA >= 0 ? a[position: inA].value : nil, inB >= 0 ? b[position: inB].value : nil, at: .field(name),
                    type: schema.fields[position].type, sensitive: sensitive || schema.fields[position].sensitive,
                    mirrorParent: here)
            }
            return true
        }
    }

    /// Items matched by `key` (a name, or an identity), compared field by field when both sides have one.
    private mutating func compareKeyed(
        _ a: [Value], _ b: [Value], element: SchemaType, sensitive: Bool, mirrorParent: SourceLocation?,
        key: (Value) -> String?
    ) {
        var mirrorByName: [String: Value] = [:]
        mirrorByName.reserveCapacity(b.count)
        for item in b { if let name = key(item) { mirrorByName[name] = item } }
        var referenceNames = Set<String>()
        referenceNames.reserveCapacity(a.count)
        for item in a {
            guard let name = key(item) else { continue }
            referenceNames.insert(name)
            compareMember(
                item, mirrorByName[name], at: .item(name), type: element, sensitive: sensitive,
                mirrorParent: mirrorParent)
        }
        for item in b {
            guard let name = key(item), !referenceNames.contains(name) else { continue }
            compareMember(nil, item, at: .item(name), type: element, sensitive: sensitive, mirrorParent: mirrorParent)
        }
    }

    /// Items matched by content. One table is built, of the reference's identities, and the
    /// mirror is scanned once against it: a set of a million regions beside three costs a
    /// million look-ups, not a table of a million as well.
    private mutating func compareSet(_ a: [Value], _ b: [Value], sensitive: Bool, mirrorParent: SourceLocation?) {
        let referenceIdentities = a.map(\.identity)
        // Each distinct reference identity's slot in `found`.
        var slots: [String: Int] = [:]
        slots.reserveCapacity(a.count)
        let referenceSlots = referenceIdentities.map { identity in
            if let slot = slots[identity] { return slot }
            slots[identity] = slots.count
            return slots.count - 1
        }
        var found = [Bool](repeating: false, count: slots.count)
        var extra: [(index: Int, identity: String)] = []
        for (index, item) in b.enumerated() {
            let identity = item.identity
            if let slot = slots[identity] { found[slot] = true } else { extra.append((index, identity)) }
        }
        for (index, item) in a.enumerated() {
            counted += 1
            if !found[referenceSlots[index]] {
                let identity = referenceIdentities[index]
                gaps.append(
                    Gap(
                        .missing, at: itemPath(identity), reference: item, mirror: nil, sensitive: sensitive,
                        mirrorLocation: mirrorParent, referenceLocation: item.location))
            }
        }
        for (index, identity) in extra {
            counted += 1
            gaps.append(
                Gap(
                    .extra, at: itemPath(identity), reference: nil, mirror: b[index], sensitive: sensitive,
                    mirrorLocation: b[index].location, referenceLocation: nil))
        }
    }

    /// The path of the item `identity` where the walk is, built in one allocation.
    private func itemPath(_ identity: String) -> ModelPath {
        var components: [ModelPath.Component] = []
        components.reserveCapacity(path.count + 1)
        for component in path { components.append(component) }
        components.append(.item(identity))
        return ModelPath(components)
    }
}
