import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// The first container's environment (configuration, the credentials it reads, the
    /// Services it names) and the ports gathered for the workload, written into its service.
    mutating func readEnvironment(of workload: Resource) {
        guard let container = containers[workload.name]?.first, var service = system.services[workload.name] else {
            return
        }
        var config: [(String, ImportedValue)] = []
        for node in container.take("env")?.sequence ?? [] where node.mapping != nil {
            let variable = unmapped.mapping(node, context: "an environment variable of \(workload.label)")
            guard let nameNode = variable.take("name"), let name = nameNode.scalar?.text else { continue }
            if let valueNode = variable.take("value"), let value = valueNode.scalar?.text {
                readVariable(name, value, at: valueNode.location, into: &config, workload: workload)
            } else if let source = variable.mapping("valueFrom") {
                if let secret = source.mapping("secretKeyRef") {
                    _ = secret.take("key"); _ = secret.take("optional")
                    if let secretName = secret.take("name") { readSecret(secretName, for: workload) }
                } else if let reference = source.mapping("configMapKeyRef") {
                    _ = reference.take("optional")
                    let mapName = reference.text("name"), keyNode = reference.take("key")
                    if let mapName, let key = keyNode?.scalar?.text, let data = configMaps[mapName]?.node["data"]?[key],
                        let text = data.scalar?.text
                    {
                        configMapsRead.insert(mapName)
                        config.append(
                            (name, .string(text, from: data.location, note: "ConfigMap \(mapName), key \(key)")))
                    } else {
                        diagnostics.append(
                            .warning(
                                .importUnknownReference,
                                "environment variable '\(name)' of \(workload.label) reads ConfigMap '\(mapName ?? "?")', which the input does not define with that key; not imported",
                                at: node.location))
                    }
                }
            }
        }
        for node in container.take("envFrom")?.sequence ?? [] where node.mapping != nil {
            let source = unmapped.mapping(node, context: "an envFrom of \(workload.label)")
            _ = source.take("prefix")
            if let secret = source.mapping("secretRef") {
                _ = secret.take("optional")
                if let secretName = secret.take("name") { readSecret(secretName, for: workload) }
            } else if let reference = source.mapping("configMapRef") {
                _ = reference.take("optional")
                guard let mapName = reference.text("name"), let data = configMaps[mapName]?.node["data"]?.mapping else {
                    diagnostics.append(
                        .warning(
                            .importUnknownReference,
                            "\(workload.label) reads a ConfigMap the input does not define; not imported",
                            at: node.location))
                    continue
                }
                configMapsRead.insert(mapName)
                let prefix = node["prefix"]?.scalar?.text ?? ""
                for pair in data {
                    guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { continue }
                    readVariable(prefix + key, value, at: pair.value.location, into: &config, workload: workload)
                }
            }
        }
        if !config.isEmpty {
            service.set("config", ImportedValue(.object(config), from: container.node["env"]?.location))
        }
        if let account = accounts[workload.name], let name = account.scalar?.text {
            if system.credentials[Self.accountCredential(name)] != nil {
                system.read(workload.name, credential: Self.accountCredential(name), at: account.location)
            } else {
                diagnostics.append(
                    .warning(
                        .importUnknownReference,
                        "\(workload.label) runs as ServiceAccount '\(name)', which the input does not define; not imported",
                        at: account.location))
            }
        }
        let opened = (ports[workload.name] ?? [:]).sorted { $0.key < $1.key }.map(\.value.value)
        if !opened.isEmpty {
            service.set("ports", ImportedValue(.list(opened), from: container.node["ports"]?.location))
        }
        system.services[workload.name] = service
    }

    /// One variable with a literal value: configuration, and a dependency when it names a Service.
    private mutating func readVariable(
        _ name: String, _ value: String, at location: SourceLocation, into config: inout [(String, ImportedValue)],
        workload: Resource
    ) {
        let wording = ImportedSystem.VariableWording(
            owner: workload.label, secretHome: "a Secret read with secretKeyRef",
            noDefinition: "no Service in the input")
        if let entry = system.readVariable(
            name, value, at: location, of: workload.name, targets: serviceTargets, wording: wording,
            diagnostics: &diagnostics)
        {
            config.append((name, entry))
        }
    }

    private mutating func readSecret(_ node: Node, for workload: Resource) {
        guard let name = node.scalar?.text else { return }
        if system.credentials[name] == nil {
            var credential = ImportedObject(from: node.location)
            credential.set("name", .string(name, from: node.location, note: "the Secret is not in the input"))
            credential.set(
                "kind", .string("password", from: node.location, note: "assumed: the Secret's type is not known"))
            credential.set("secretRef", .string("kubernetes:secret/\(name)", from: node.location))
            system.credentials[name] = credential
        }
        system.read(workload.name, credential: name, at: node.location)
    }
}
