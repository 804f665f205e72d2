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
    /// Fields anywhere that document rather than configure: never a parity gap.
    public var documentationFields: Set<String> = ["description"]

    public init(schema: ObjectSchema) {
        self.schema = schema
    }

    public func compare(reference: Value, mirror: Value) -> Result {
        var walk = Walk(documentationFields: documentationFields)
        let type = SchemaType.object(schema)
        guard let referenceFields = reference.object, let mirrorFields = mirror.object else {
            walk.compare(reference, mirror, type: type, path: .root, sensitive: false, mirrorParent: mirror.location, section: "environment")
            return Result(gaps: walk.gaps, attributes: walk.attributes)
        }
        for name in Walk.fieldOrder(referenceFields, mirrorFields, schema: schema) where !excludedFields.contains(name) {
            let field = schema.field(name)
            walk.compareMember(
                referenceFields[name], mirrorFields[name], type: field?.type ?? .any, path: ModelPath.root.field(name),
                sensitive: field?.sensitive ?? false, mirrorParent: mirror.location, section: name)
        }
        return Result(gaps: walk.gaps, attributes: walk.attributes)
    }
}

private struct Walk {
    let documentationFields: Set<String>
    var gaps: [Gap] = []
    var attributes: [String: Int] = [:]

    static func fieldOrder(_ a: Fields, _ b: Fields, schema: ObjectSchema?) -> [String] {
        var order = schema?.fields.map(\.name).filter { a[$0] != nil || b[$0] != nil } ?? []
        var seen = Set(order)
        for name in a.names + b.names where seen.insert(name).inserted { order.append(name) }
        return order
    }

    /// One side may be absent: then the whole member is one gap.
    mutating func compareMember(_ reference: Value?, _ mirror: Value?, type: SchemaType, path: ModelPath, sensitive: Bool, mirrorParent: SourceLocation?, section: String) {
        switch (reference, mirror) {
        case let (reference?, mirror?):
            compare(reference, mirror, type: type, path: path, sensitive: sensitive, mirrorParent: mirrorParent, section: section)
        case let (reference?, nil):
            attributes[section, default: 0] += 1
            gaps.append(Gap(.missing, at: path, reference: reference, mirror: nil, sensitive: sensitive, mirrorLocation: mirrorParent, referenceLocation: reference.location))
            gaps[gaps.count - 1].type = type
        case let (nil, mirror?):
            attributes[section, default: 0] += 1
            gaps.append(Gap(.extra, at: path, reference: nil, mirror: mirror, sensitive: sensitive, mirrorLocation: mirror.location, referenceLocation: nil))
            gaps[gaps.count - 1].type = type
        case (nil, nil):
            break
        }
    }

    mutating func compare(_ reference: Value, _ mirror: Value, type: SchemaType, path: ModelPath, sensitive: Bool, mirrorParent: SourceLocation?, section: String) {
        let here = mirror.location ?? mirrorParent
        switch (type, reference.content, mirror.content) {
        case let (.object(schema), .object(a), .object(b)):
            for name in Self.fieldOrder(a, b, schema: schema) where !documentationFields.contains(name) {
                let field = schema.field(name)
                compareMember(a[name], b[name], type: field?.type ?? .any, path: path.field(name),
                              sensitive: sensitive || (field?.sensitive ?? false), mirrorParent: here, section: section)
            }
        case let (.map(elementType), .object(a), .object(b)):
            for name in Self.fieldOrder(a, b, schema: nil) {
                compareMember(a[name], b[name], type: elementType, path: path.field(name), sensitive: sensitive, mirrorParent: here, section: section)
            }
        case let (.any, .object(a), .object(b)):
            for name in Self.fieldOrder(a, b, schema: nil) {
                compareMember(a[name], b[name], type: .any, path: path.field(name), sensitive: sensitive, mirrorParent: here, section: section)
            }
        case let (.list(element, .named(key)), .list(a), .list(b)):
            compareNamed(a, b, element: element, key: key, path: path, sensitive: sensitive, mirrorParent: here, section: section)
        case let (.list(_, .set), .list(a), .list(b)):
            compareSet(a, b, path: path, sensitive: sensitive, mirrorParent: here, section: section)
        default:
            attributes[section, default: 0] += 1
            if !reference.sameContent(as: mirror) {
                gaps.append(Gap(.changed, at: path, reference: reference, mirror: mirror, sensitive: sensitive, mirrorLocation: here, referenceLocation: reference.location))
            }
        }
    }

    private mutating func compareNamed(_ a: [Value], _ b: [Value], element: SchemaType, key: String, path: ModelPath, sensitive: Bool, mirrorParent: SourceLocation?, section: String) {
        var mirrorByName: [String: Value] = [:]
        mirrorByName.reserveCapacity(b.count)
        for item in b { if let name = item[key]?.identity { mirrorByName[name] = item } }
        var referenceNames = Set<String>()
        referenceNames.reserveCapacity(a.count)
        for item in a {
            guard let name = item[key]?.identity else { continue }
            referenceNames.insert(name)
            compareMember(item, mirrorByName[name], type: element, path: path.item(name), sensitive: sensitive, mirrorParent: mirrorParent, section: section)
        }
        for item in b {
            guard let name = item[key]?.identity, !referenceNames.contains(name) else { continue }
            compareMember(nil, item, type: element, path: path.item(name), sensitive: sensitive, mirrorParent: mirrorParent, section: section)
        }
    }

    private mutating func compareSet(_ a: [Value], _ b: [Value], path: ModelPath, sensitive: Bool, mirrorParent: SourceLocation?, section: String) {
        let mirrorItems = Dictionary(b.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        let referenceItems = Dictionary(a.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        for item in a {
            let identity = item.identity
            attributes[section, default: 0] += 1
            if mirrorItems[identity] == nil {
                gaps.append(Gap(.missing, at: path.item(identity), reference: item, mirror: nil, sensitive: sensitive, mirrorLocation: mirrorParent, referenceLocation: item.location))
            }
        }
        for item in b where referenceItems[item.identity] == nil {
            attributes[section, default: 0] += 1
            gaps.append(Gap(.extra, at: path.item(item.identity), reference: nil, mirror: item, sensitive: sensitive, mirrorLocation: item.location, referenceLocation: nil))
        }
    }
}
