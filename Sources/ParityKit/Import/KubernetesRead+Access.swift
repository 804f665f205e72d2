import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// ServiceAccounts, Secrets (by name: their values are never read), Roles and bindings;
    /// any other kind is reported as not imported.
    mutating func readOther(_ resource: Resource) {
        let metadata = resource.mapping.mapping("metadata")
        let nameNode = metadata?.take("name")
        let origin = nameNode?.location ?? resource.node.location
        switch resource.kind {
        case "ServiceAccount":
            var credential = ImportedObject(from: resource.node.location)
            credential.set("name", .string(Self.accountCredential(resource.name), from: origin))
            credential.set("kind", .string("token", from: origin, note: "a ServiceAccount's token"))
            credential.set("principal", .string("serviceaccount:\(resource.name)", from: origin))
            system.credentials[Self.accountCredential(resource.name)] = credential
        case "Secret":
            var credential = ImportedObject(from: resource.node.location)
            credential.set("name", .string(resource.name, from: origin))
            let type = resource.mapping.take("type")
            let kind = Self.credentialKinds[type?.scalar?.text ?? "Opaque"] ?? "password"
            credential.set(
                "kind", .string(kind, from: type?.location ?? origin, note: type == nil ? "an Opaque Secret" : nil))
            credential.set("secretRef", .string("kubernetes:secret/\(resource.name)", from: origin))
            system.credentials[resource.name] = credential
            for key in ["data", "stringData"] {
                resource.mapping.explain(key, "secret values are never imported; the Secret is written by name")
            }
        case "Role", "ClusterRole":
            var role = ImportedObject(from: resource.node.location)
            role.set("name", .string(resource.name, from: origin))
            var permissions: [ImportedValue] = []
            for node in resource.mapping.take("rules")?.sequence ?? [] where node.mapping != nil {
                let rule = unmapped.mapping(node, context: "a rule of \(resource.label)")
                let groups = (rule.take("apiGroups")?.sequence ?? []).compactMap { $0.scalar?.text }
                let verbs = (rule.take("verbs")?.sequence ?? []).compactMap { node in
                    node.scalar.map { ImportedValue.string($0.text, from: node.location) }
                }
                let resources = (rule.take("resources")?.sequence ?? []).compactMap { node -> ImportedValue? in
                    guard let text = node.scalar?.text else { return nil }
                    let qualified = groups.filter { !$0.isEmpty }.map { "\($0)/\(text)" }
                    return .string(qualified.isEmpty ? text : qualified.joined(separator: ","), from: node.location)
                }
                rule.explain("resourceNames", "parity's permissions name kinds of resources, not single objects")
                guard !verbs.isEmpty, !resources.isEmpty else { continue }
                var permission = ImportedObject(from: node.location)
                permission.set("actions", ImportedValue(.list(verbs), from: node["verbs"]?.location))
                permission.set("resources", ImportedValue(.list(resources), from: node["resources"]?.location))
                permissions.append(permission.value)
            }
            role.set("permissions", ImportedValue(.list(permissions), from: resource.node["rules"]?.location))
            system.roles[resource.name] = role
        case "RoleBinding", "ClusterRoleBinding":
            readBinding(resource, origin: origin)
        default:
            let reason = "parity does not import \(resource.kind) resources"
            diagnostics.append(
                .warning(
                    .importUnmapped, "\(resource.label) is not imported: \(reason)",
                    at: resource.node["kind"]?.location ?? resource.node.location))
            for key in (resource.node.mapping ?? []).compactMap({ $0.key.scalar?.text }) {
                _ = resource.mapping.take(key)
            }
            for key in (metadata?.node.mapping ?? []).compactMap({ $0.key.scalar?.text }) { _ = metadata?.take(key) }
        }
    }

    private mutating func readBinding(_ resource: Resource, origin: SourceLocation) {
        let roleRef = resource.mapping.mapping("roleRef")
        _ = roleRef?.take("kind"); _ = roleRef?.take("apiGroup")
        guard let roleNode = roleRef?.take("name"), let role = roleNode.scalar?.text, system.roles[role] != nil else {
            diagnostics.append(
                .warning(
                    .importUnknownReference,
                    "\(resource.label) grants a role the input does not define; not imported (import the Role with it)",
                    at: resource.node["roleRef"]?["name"]?.location ?? resource.node.location))
            for key in ["subjects"] { _ = resource.mapping.take(key) }
            return
        }
        var principals: [ImportedValue] = []
        for node in resource.mapping.take("subjects")?.sequence ?? [] where node.mapping != nil {
            let subject = unmapped.mapping(node, context: "a subject of \(resource.label)")
            _ = subject.take("apiGroup"); _ = subject.take("namespace")
            guard let kind = subject.text("kind"), let name = subject.take("name"), let text = name.scalar?.text else {
                continue
            }
            principals.append(.string("\(kind.lowercased()):\(text)", from: name.location))
        }
        var binding = ImportedObject(from: resource.node.location)
        binding.set("name", .string(resource.name, from: origin))
        binding.set("role", .string(role, from: roleNode.location))
        binding.set("principals", ImportedValue(.list(principals), from: resource.node["subjects"]?.location))
        system.bindings[resource.name] = binding
    }

    static func accountCredential(_ name: String) -> String { "serviceaccount/\(name)" }

    private static let credentialKinds = [
        "kubernetes.io/tls": "certificate", "kubernetes.io/service-account-token": "token",
        "kubernetes.io/ssh-auth": "ssh-key",
        "kubernetes.io/basic-auth": "password", "kubernetes.io/dockerconfigjson": "token",
        "kubernetes.io/dockercfg": "token",
        "bootstrap.kubernetes.io/token": "token", "Opaque": "password",
    ]
}
