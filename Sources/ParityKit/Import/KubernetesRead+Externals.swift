import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// A Service of type ExternalName: a name inside the cluster for a host outside it, so an
    /// external the environment calls. What it provides and whether it is live cannot be read
    /// from a manifest: both are written with a note saying so.
    mutating func readExternalName(_ resource: Resource, _ spec: SourceMapping) {
        let typeNode = spec.take("type")
        guard let hostNode = spec.take("externalName"), let host = hostNode.scalar?.text, !host.isEmpty else {
            diagnostics.append(
                .warning(
                    .importInvalid, "\(resource.label) is of type ExternalName but names no host; not imported",
                    at: typeNode?.location ?? resource.node.location))
            return
        }
        let name = resource.mapping.node["metadata"]?["name"]
        var port: (Int, SourceLocation)?
        for (index, node) in (spec.take("ports")?.sequence ?? []).enumerated() where node.mapping != nil {
            let entry = unmapped.mapping(node, context: "a port of \(resource.label)")
            for key in ["name", "protocol", "targetPort", "appProtocol"] { _ = entry.take(key) }
            guard let numberNode = entry.take("port"), let number = numberNode.scalar.flatMap(Self.int) else {
                continue
            }
            if index == 0 {
                port = (number, numberNode.location)
            } else {
                diagnostics.append(
                    .warning(
                        .importUnmapped,
                        "port \(number) of \(resource.label) is not imported: an external has one endpoint, and the first port's was imported",
                        at: numberNode.location))
            }
        }
        let endpoint: String =
            switch port?.0 {
            case 443?: "https://\(host)"
            case 80?: "http://\(host)"
            case let number?: "\(host):\(number)"
            case nil: host
            }
        var external = ImportedObject(from: resource.node.location)
        external.set("name", .string(resource.name, from: name?.location))
        external.set(
            "kind",
            .string(
                "service", from: typeNode?.location,
                note: "a Service of type ExternalName; write what it provides (payment-gateway, email, ...)"))
        external.set(
            "endpoint",
            .string(endpoint, from: hostNode.location, note: port.map { "port \($0.0) at line \($0.1.line)" }))
        external.set(
            "mode",
            .string(
                "live", from: typeNode?.location,
                note: "assumed: a manifest does not say; write sandbox or mock where it is one"))
        system.externals[resource.name] = external
        serviceTargets[resource.name] = resource.name
    }
}
