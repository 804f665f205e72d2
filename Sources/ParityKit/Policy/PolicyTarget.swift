/// What a rule checks: each item of a collection, the environment, or a pair of them.
public enum PolicyTarget: Sendable, Equatable {
    /// Each value a path pattern names (`services[*]`, `networks[*].rules[*]`).
    case items(ModelPath)
    /// The environment as a whole (`self` is the environment).
    case environment
    /// A reference environment and its mirror (`reference`, `mirror`).
    case pair

    /// The collections rules name by a word, and where they live in an environment.
    public static let collections: [(String, String)] = [
        ("services", "services[*]"),
        ("datastores", "datastores[*]"),
        ("networks", "networks[*]"),
        ("segments", "networks[*].segments[*]"),
        ("networkRules", "networks[*].rules[*]"),
        ("peerings", "networks[*].peering[*]"),
        ("roles", "access.roles[*]"),
        ("permissions", "access.roles[*].permissions[*]"),
        ("bindings", "access.bindings[*]"),
        ("credentials", "access.credentials[*]"),
        ("featureFlags", "featureFlags[*]"),
        ("externals", "externals[*]"),
        ("slos", "observability.slos[*]"),
        ("rollback", "rollback[*]"),
        ("ports", "services[*].ports[*]"),
    ]

    /// Reads a rule's `for`: a collection word, `environment`, `pair`, or a path.
    public init?(_ text: String) {
        switch text {
        case "environment": self = .environment
        case "pair": self = .pair
        default:
            if let path = Self.collections.first(where: { $0.0 == text }).flatMap({ ModelPath(parsing: $0.1) }) {
                self = .items(path)
            } else if let path = ModelPath(parsing: text) {
                self = .items(path)
            } else {
                return nil
            }
        }
    }

    /// The schema of each item the target names in environments of `schema`, if the path fits it.
    public func itemType(in schema: ObjectSchema) -> SchemaType? {
        switch self {
        case .environment, .pair: .object(schema)
        case .items(let path): SchemaType.object(schema).type(at: path)
        }
    }
}
