public import ParityDiagnostics

/// What an importer found, gathered by section before it is written: services, datastores,
/// credentials, roles and bindings by name, and each service's dependencies with their evidence.
public struct ImportedSystem: Sendable {
    public var services: [String: ImportedObject] = [:]
    public var datastores: [String: ImportedObject] = [:]
    public var credentials: [String: ImportedObject] = [:]
    public var roles: [String: ImportedObject] = [:]
    public var bindings: [String: ImportedObject] = [:]
    public var externals: [String: ImportedObject] = [:]
    public var networks: [String: ImportedObject] = [:]
    /// Per service or datastore whose incoming traffic is restricted, what may reach it.
    public var ingress: [String: Traffic] = [:]
    /// Per service whose outgoing traffic is restricted, what it may reach.
    public var egress: [String: Traffic] = [:]
    /// Per service, the names it calls.
    public var dependencies: [String: [Dependency]] = [:]
    /// Per service, the credentials it reads.
    public var secrets: [String: [(name: String, origin: SourceLocation?)]] = [:]

    /// One name a service calls.
    public struct Dependency: Sendable {
        public var target: String
        public var origin: SourceLocation?
        /// Set when the dependency was inferred (an environment variable naming a service), not declared.
        public var evidence: String?
        /// What the source says of it (`condition: service_healthy`), for the comment.
        public var note: String?
    }

    public init() {}

    /// Why a restart policy is not imported, from either importer.
    static let restartReason = "parity records what runs and how many, not when the platform restarts it"

    /// Why volumes and mounts are not imported, from either importer.
    static let storageReason =
        "parity describes no storage: a datastore's data is described by its engine, encryption, backups and where "
        + "it comes from, not by the volume that holds it"

    /// Whether `name` is a service or a datastore of the system.
    public func declares(_ name: String) -> Bool { services[name] != nil || datastores[name] != nil }

    /// Whether `name` is something a service can call: a service, a datastore or an external.
    public func callable(_ name: String) -> Bool { declares(name) || externals[name] != nil }

    /// Adds a dependency; a declared one replaces an inferred one of the same target.
    public mutating func depend(_ service: String, on dependency: Dependency) {
        var list = dependencies[service] ?? []
        if let index = list.firstIndex(where: { $0.target == dependency.target }) {
            if list[index].evidence != nil, dependency.evidence == nil { list[index] = dependency }
        } else {
            list.append(dependency)
        }
        dependencies[service] = list
    }

    public mutating func read(_ service: String, credential: String, at origin: SourceLocation?) {
        guard !(secrets[service] ?? []).contains(where: { $0.name == credential }) else { return }
        secrets[service, default: []].append((credential, origin))
    }

    /// The environment's sections in the schema's order, every list sorted by name.
    public func sections(metadata: ImportedValue) -> [(String, ImportedValue)] {
        var sections: [(String, ImportedValue)] = [("metadata", metadata)]
        if !services.isEmpty {
            sections.append(("services", ImportedValue(.list(services.keys.sorted().compactMap { name in
                service(name)
            }), from: nil)))
        }
        if !datastores.isEmpty {
            sections.append(
                ("datastores", ImportedValue(.list(datastores.keys.sorted().compactMap { datastore($0) }), from: nil)))
        }
        if !networks.isEmpty { sections.append(("networks", Self.sorted(networks))) }
        var access: [(String, ImportedValue)] = []
        if !roles.isEmpty { access.append(("roles", Self.sorted(roles))) }
        if !bindings.isEmpty { access.append(("bindings", Self.sorted(bindings))) }
        if !credentials.isEmpty { access.append(("credentials", Self.sorted(credentials))) }
        if !access.isEmpty { sections.append(("access", ImportedValue(.object(access), from: nil))) }
        if !externals.isEmpty { sections.append(("externals", Self.sorted(externals))) }
        return sections
    }

    private func service(_ name: String) -> ImportedValue? {
        guard var object = services[name] else { return nil }
        let calls = (dependencies[name] ?? []).filter { callable($0.target) }.sorted { $0.target < $1.target }
        if !calls.isEmpty {
            object.set(
                "dependencies",
                ImportedValue(
                    .list(
                        calls.map { call in
                            .string(
                                call.target, from: call.origin,
                                note: call.evidence.map { "inferred: \($0)" } ?? call.note)
                        }), from: nil))
        }
        let inferred = calls.filter { $0.evidence != nil }
        if !inferred.isEmpty {
            object.set(
                EnvironmentSchema.inferredField,
                ImportedValue(
                    .object(
                        inferred.map { call in
                            (call.target, .string(call.evidence ?? "", from: call.origin))
                        }), from: nil))
        }
        let reads = (secrets[name] ?? []).filter { credentials[$0.name] != nil }.sorted { $0.name < $1.name }
        if !reads.isEmpty {
            object.set("secrets", ImportedValue(.list(reads.map { .string($0.name, from: $0.origin) }), from: nil))
        }
        object.set("ingress", trafficValue(name, .ingress))
        object.set("egress", trafficValue(name, .egress))
        return object.ordered(as: EnvironmentSchema.service)
    }

    private func datastore(_ name: String) -> ImportedValue? {
        guard var object = datastores[name] else { return nil }
        object.set("ingress", trafficValue(name, .ingress))
        return object.value
    }

    private static func sorted(_ items: [String: ImportedObject]) -> ImportedValue {
        ImportedValue(.list(items.keys.sorted().compactMap { items[$0]?.value }), from: nil)
    }
}
