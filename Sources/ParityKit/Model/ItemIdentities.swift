public import ParityDiagnostics

/// Which fields identify the items of each unnamed list of objects: the schema's
/// `.identified(by:)`, unless a spec sets the identity of the collection (`identities:`).
public struct ItemIdentities: Sendable {
    /// A spec's identity for the lists a path pattern names (`services[*].ports`).
    public struct Override: Sendable {
        public var path: ModelPath
        public var fields: [String]
        public var location: SourceLocation?

        public init(path: ModelPath, fields: [String], location: SourceLocation? = nil) {
            self.path = path
            self.fields = fields
            self.location = location
        }
    }

    public var overrides: [Override]

    public init(_ overrides: [Override] = []) {
        self.overrides = overrides
    }

    /// The fields identifying the items of the list at `path`, whose kind the schema says;
    /// nil when its items are matched by name or by their whole value.
    public func fields(at path: [ModelPath.Component], kind: ListKind) -> [String]? {
        if case .named = kind { return nil }
        if !overrides.isEmpty {
            let here = ModelPath(path)
            if let override = overrides.last(where: { here.matches($0.path) }) { return override.fields }
        }
        if case .identified(let fields) = kind { return fields }
        return nil
    }

    /// `fields(at:kind:)` for the list at `path` of an environment typed by `root`.
    public func fields(at path: ModelPath, in root: SchemaType) -> [String]? {
        guard case .list(.object, let kind)? = root.type(at: path) else { return nil }
        return fields(at: path.components, kind: kind)
    }
}

extension ItemIdentities {
    /// The error for two items of one list with the same identity: positions cannot tell them apart.
    static func duplicate(
        _ identity: String, in list: String, fields: [String], at location: SourceLocation?,
        first: SourceLocation?
    ) -> Diagnostic {
        let by = fields.map { "'\($0)'" }.joined(separator: " and ")
        return .error(
            .schemaDuplicateIdentity,
            "two items of '\(list)' are both '\(identity)' by their \(by); merge them, or tell them apart by another field",
            at: location, notes: [.init("'\(identity)' is first here", at: first)])
    }

    /// Duplicate identities the spec's own identities make in an environment (the schema's are
    /// found when the environment is decoded).
    public func duplicates(in environment: Value) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for override in overrides {
            for (path, list) in environment.values(matching: override.path) {
                var first: [String: SourceLocation?] = [:]
                for item in list.list ?? [] where item.object != nil {
                    let identity = item.identity(by: override.fields)
                    if let earlier = first.updateValue(item.location, forKey: identity) {
                        diagnostics.append(
                            Self.duplicate(
                                identity, in: path.description, fields: override.fields, at: item.location,
                                first: earlier))
                        first[identity] = earlier
                    }
                }
            }
        }
        return diagnostics
    }
}

extension Diagnostic.Code {
    /// Two unnamed items of one list share the values that identify them.
    public static let schemaDuplicateIdentity: Self = "schema.duplicate-identity"
}
