import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// A Service: which workload it selects, and the ports it opens to others (public for a
    /// LoadBalancer or NodePort).
    mutating func readService(_ resource: Resource) {
        let metadata = resource.mapping.mapping("metadata")
        _ = metadata?.take("name")
        metadata?.explain("annotations", Self.annotationReason)
        guard let spec = resource.mapping.mapping("spec") else { return }
        if spec.node["type"]?.scalar?.text == "ExternalName" {
            readExternalName(resource, spec)
            return
        }
        let selectorNode = spec.take("selector")
        var selector: [String: String] = [:]
        for pair in selectorNode?.mapping ?? [] {
            if let key = pair.key.scalar?.text, let value = pair.value.scalar?.text { selector[key] = value }
        }
        guard !selector.isEmpty else {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "\(resource.label) has no selector, so it names no workload of the input; not imported",
                    at: resource.node["metadata"]?["name"]?.location ?? resource.node.location))
            return
        }
        let matches = workloads.map(\.name).filter { name in
            let labels = podLabels[name] ?? [:]
            return selector.allSatisfy { labels[$0.key] == $0.value }
        }.sorted()
        guard let target = matches.first else {
            let text = selector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            diagnostics.append(
                .warning(
                    .importUnknownReference,
                    "\(resource.label) selects no workload of the input (selector \(text)); not imported",
                    at: selectorNode?.location ?? resource.node.location))
            return
        }
        if matches.count > 1 {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "\(resource.label) selects \(matches.count) workloads (\(matches.joined(separator: ", "))); its name is taken as '\(target)'",
                    at: selectorNode?.location ?? resource.node.location))
        }
        serviceTargets[resource.name] = target
        // The Service's own labels, where they say nothing its workload's labels do not.
        let own = (metadata?.node["labels"]?.mapping ?? []).compactMap { pair in
            pair.key.scalar.flatMap { key in pair.value.scalar.map { (key.text, $0.text) } }
        }
        let differing = own.filter { podLabels[target]?[$0.0] != $0.1 }
        if differing.isEmpty {
            _ = metadata?.take("labels")
        } else {
            metadata?.explain(
                "labels",
                "its labels \(differing.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")) are not the workload's, and parity records the workload's labels")
        }
        let type = spec.text("type") ?? "ClusterIP"
        let isPublic = type == "LoadBalancer" || type == "NodePort"
        guard system.services[target] != nil else {
            spec.explain("ports", "'\(target)' is imported as a datastore, and parity's datastores have no ports")
            return
        }
        for node in spec.take("ports")?.sequence ?? [] where node.mapping != nil {
            let port = unmapped.mapping(node, context: "a port of \(resource.label)")
            guard let numberNode = port.take("port"), let number = numberNode.scalar.flatMap(Self.int) else { continue }
            _ = port.take("targetPort")  // the container port, imported from the workload
            port.explain("nodePort", "parity records the port a service listens on, not the node's")
            var object = ports[target]?[number] ?? ImportedObject(from: node.location)
            object.set("port", .int(number, from: numberNode.location))
            let name = port.take("name"), transport = port.take("protocol")
            if object["protocol"] == nil, let guess = Self.protocolName(name?.scalar?.text, transport?.scalar?.text) {
                object.set("protocol", .string(guess, from: (name ?? transport)?.location))
            }
            if isPublic {
                object.set(
                    "public", .bool(true, from: spec.node["type"]?.location, note: "\(resource.label) is a \(type)"))
            }
            ports[target, default: [:]][number] = object
        }
    }

    /// An Ingress: the ports it routes to become public, with TLS when it terminates it.
    mutating func readIngress(_ resource: Resource) {
        _ = resource.mapping.mapping("metadata")?.take("name")
        guard let spec = resource.mapping.mapping("spec") else { return }
        var tlsHosts = Set<String>()
        for entry in spec.take("tls")?.sequence ?? [] {
            for host in entry["hosts"]?.sequence ?? [] { if let text = host.scalar?.text { tlsHosts.insert(text) } }
        }
        var backends: [(Node, String?)] = []
        if let fallback = spec.take("defaultBackend") { backends.append((fallback, nil)) }
        for rule in spec.take("rules")?.sequence ?? [] {
            let host = rule["host"]?.scalar?.text
            for path in rule["http"]?["paths"]?.sequence ?? [] {
                if let backend = path["backend"] { backends.append((backend, host)) }
            }
        }
        for (backend, host) in backends {
            let serviceName = backend["service"]?["name"]?.scalar?.text ?? backend["serviceName"]?.scalar?.text
            let portNode = backend["service"]?["port"]?["number"] ?? backend["servicePort"]
            guard let serviceName, let target = serviceTargets[serviceName], system.services[target] != nil else {
                diagnostics.append(
                    .warning(
                        .importUnknownReference,
                        "\(resource.label) routes to Service '\(serviceName ?? "?")', which names no imported service; not imported",
                        at: backend.location))
                continue
            }
            guard let number = portNode?.scalar.flatMap(Self.int), var object = ports[target]?[number] else {
                diagnostics.append(
                    .warning(
                        .importUnmapped,
                        "\(resource.label) routes to a port of '\(serviceName)' that is not a number the Service opens; not imported",
                        at: portNode?.location ?? backend.location))
                continue
            }
            object.set("public", .bool(true, from: backend.location, note: "routed by \(resource.label)"))
            if let host, tlsHosts.contains(host) {
                object.set("tls", .bool(true, from: backend.location, note: "TLS for \(host)"))
            }
            ports[target]?[number] = object
        }
    }
}
