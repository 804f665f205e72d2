public import ParityDiagnostics
public import ParityYAML

/// `parity import compose`: each compose service becomes a service, or a datastore when it
/// runs a known engine's image; `depends_on` (both forms, conditions kept as notes) and
/// `links` become dependencies, secrets are imported by name, and environment variables
/// naming another service become inferred dependencies. Anchors and `<<` merges are applied
/// by the YAML loader before anything is read, and several files are merged as Compose merges
/// them (`ComposeMerge`).
public struct ComposeImporter {
    /// The compose project's name: images built without a name are called `<project>-<service>`.
    public var project: String

    public init(project: String) {
        self.project = project
    }

    /// The system of `documents` (each a compose file, merged in order as `docker compose -f`
    /// merges files), and a diagnostic for everything not mapped.
    public func read(_ documents: [YAMLDocument]) -> (ImportedSystem, [Diagnostic]) {
        var run = ComposeRead(project: project)
        var roots: [Node] = []
        for document in documents where document.root.scalar?.value != .null {
            guard document.root.mapping != nil else {
                run.diagnostics.append(
                    .warning(
                        .importInvalid,
                        "expected a compose file (a mapping), found \(document.root.kindDescription); skipped",
                        at: document.root.location))
                continue
            }
            roots.append(document.root)
        }
        if let root = ComposeMerge.merge(roots) { run.collect(root) }
        run.build()
        return (run.system, (run.diagnostics + run.unmapped.diagnostics).sortedByLocation())
    }
}

/// One import of compose files: the services by name, then the system built from them.
struct ComposeRead {
    let project: String
    var system = ImportedSystem()
    var diagnostics: [Diagnostic] = []
    let unmapped = UnmappedReport()
    /// Every compose service, in the order written.
    var services: [(name: String, mapping: SourceMapping)] = []
    /// Names that reach a service: its own, its hostname, container name and network aliases.
    var aliases: [String: String] = [:]
    /// The networks the file declares.
    var declaredNetworks = Set<String>()
    /// Per service, the networks it joins and where each is written; none for a service
    /// outside compose's networks (`network_mode`).
    var memberships: [String: [(String, Node?)]] = [:]
    /// Per service or datastore, the container ports it publishes on the host.
    var published: [String: [Int: SourceLocation]] = [:]

    init(project: String) {
        self.project = project
    }

    /// The merged compose file: its secrets, then its services by name.
    mutating func collect(_ root: Node) {
        let file = unmapped.mapping(root, context: "the compose file")
        file.explain("version", "compose ignores it (the format is no longer versioned)")
        _ = file.take("name")
        for pair in root.mapping ?? [] {
            guard let key = pair.key.scalar?.text, key.hasPrefix("x-") else { continue }
            file.explain(key, "an extension field; compose ignores it, and its anchors are applied where they are used")
        }
        file.explain("volumes", ImportedSystem.storageReason)
        file.explain("configs", "parity describes no mounted configuration files")
        for pair in file.take("networks")?.mapping ?? [] { readNetworkDeclaration(pair) }
        if let secrets = file.take("secrets")?.mapping {
            for pair in secrets { readSecretDeclaration(pair) }
        }
        let servicesNode = file.take("services")
        if let servicesNode, servicesNode.mapping == nil {
            diagnostics.append(
                .warning(
                    .importInvalid,
                    "expected 'services' to map each service's name to its definition, found \(servicesNode.kindDescription); nothing imported from it",
                    at: servicesNode.location))
        }
        for pair in servicesNode?.mapping ?? [] {
            guard let name = pair.key.scalar?.text, pair.value.mapping != nil else { continue }
            services.append((name, unmapped.mapping(pair.value, context: "service '\(name)'")))
            aliases[name] = name
            for key in ["hostname", "container_name"] {
                if let alias = pair.value[key]?.scalar?.text {
                    aliases[alias.lowercased()] = aliases[alias.lowercased()] ?? name
                }
            }
            serviceKeys[name] = pair.key
        }
    }

    /// Where each service's name is written.
    var serviceKeys: [String: Node] = [:]

    private mutating func readSecretDeclaration(_ pair: Node.Pair) {
        guard let name = pair.key.scalar?.text else { return }
        let declaration = pair.value.mapping != nil ? unmapped.mapping(pair.value, context: "secret '\(name)'") : nil
        var credential = ImportedObject(from: pair.key.location)
        credential.set("name", .string(name, from: pair.key.location))
        credential.set(
            "kind", .string("password", from: pair.key.location, note: "assumed: compose does not say what a secret is")
        )
        for (key, scheme) in [("file", "file"), ("environment", "env"), ("name", "external")] {
            if let node = declaration?.take(key), let text = node.scalar?.text {
                credential.set("secretRef", .string("\(scheme):\(text)", from: node.location))
                break
            }
        }
        if let external = declaration?.take("external"), credential["secretRef"] == nil {
            credential.set("secretRef", .string("external:\(name)", from: external.location))
        }
        system.credentials[name] = credential
    }
}
