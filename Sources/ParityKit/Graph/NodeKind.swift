/// What a node of the dependency graph is: named by the collection that declares it.
public struct NodeKind: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    public var rawValue: String
    /// Services first, then datastores and externals, then everything else.
    public var rank: Int

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.rank = Self.ranks[rawValue] ?? Self.ranks.count
    }

    public var description: String { rawValue }

    public static let service = NodeKind(rawValue: "service")
    public static let datastore = NodeKind(rawValue: "datastore")
    public static let external = NodeKind(rawValue: "external")

    /// Whether the node is one of the three the dependency graph is about.
    public var isPrimary: Bool { rank < 3 }

    private static let ranks = ["service": 0, "datastore": 1, "external": 2, "credential": 3, "segment": 4, "role": 5,
                                "binding": 6, "slo": 7, "rollback": 8, "network-rule": 9]

    /// The kind of the items in the collection at `path` (`services`, `networks[*].segments`).
    static func of(collection path: ModelPath) -> NodeKind {
        guard case .field(let last)? = path.components.last else { return NodeKind(rawValue: path.description) }
        return switch last {
        case "services": .service
        case "datastores": .datastore
        case "externals": .external
        case "credentials": NodeKind(rawValue: "credential")
        case "segments": NodeKind(rawValue: "segment")
        case "roles": NodeKind(rawValue: "role")
        case "bindings": NodeKind(rawValue: "binding")
        case "slos": NodeKind(rawValue: "slo")
        case "rollback": NodeKind(rawValue: "rollback")
        case "rules": NodeKind(rawValue: "network-rule")
        case "featureFlags": NodeKind(rawValue: "flag")
        default: NodeKind(rawValue: last)
        }
    }
}
