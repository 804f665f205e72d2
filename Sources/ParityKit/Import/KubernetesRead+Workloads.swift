import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    mutating func readWorkload(_ resource: Resource) {
        let metadata = resource.mapping.mapping("metadata")
        _ = metadata?.take("name")
        metadata?.explain("annotations", Self.annotationReason)
        guard let spec = resource.mapping.mapping("spec") else {
            diagnostics.append(
                .warning(.importInvalid, "\(resource.label) has no spec; skipped", at: resource.node.location))
            return
        }
        _ = spec.take("selector") // matched through the pod template's labels, which it must equal
        let template = spec.mapping("template")
        let templateMetadata = template?.mapping("metadata")
        templateMetadata?.explain("annotations", Self.annotationReason)
        let labelsNode = templateMetadata?.take("labels")
        var labels: [String: String] = [:]
        for pair in labelsNode?.mapping ?? [] {
            if let key = pair.key.scalar?.text, let value = pair.value.scalar?.text { labels[key] = value }
        }
        podLabels[resource.name] = labels
        guard let pod = template?.mapping("spec", context: "the pod of \(resource.label)") else {
            diagnostics.append(
                .warning(.importInvalid, "\(resource.label) has no pod template; skipped", at: resource.node.location))
            return
        }
        pod.explain(
            "initContainers",
            "init containers run before the service starts; parity describes the service's own container")
        pod.explain("terminationGracePeriodSeconds", "parity records no shutdown grace period")
        pod.explain("volumes", ImportedSystem.storageReason)
        pod.explain("restartPolicy", ImportedSystem.restartReason)
        if let account = pod.take("serviceAccountName") {
            accounts[resource.name] = account
        }
        let containerNodes = pod.take("containers")?.sequence ?? []
        guard let first = containerNodes.first, first.mapping != nil else {
            diagnostics.append(
                .warning(.importInvalid, "\(resource.label) has no containers; skipped", at: resource.node.location))
            return
        }
        for extra in containerNodes.dropFirst() {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "container '\(extra["name"]?.scalar?.text ?? "?")' of \(resource.label) is not imported: parity describes one image per service, the first container's",
                    at: extra.location))
        }
        let container = unmapped.mapping(
            first, context: "container '\(first["name"]?.scalar?.text ?? "?")' of \(resource.label)")
        containers[resource.name] = [container]
        _ = container.take("name")
        container.explain("volumeMounts", ImportedSystem.storageReason)
        guard let imageNode = container.take("image"), let imageText = imageNode.scalar?.text else {
            diagnostics.append(
                .warning(
                    .importInvalid, "the first container of \(resource.label) has no image; skipped", at: first.location
                ))
            return
        }
        let image = ImageReference(imageText)
        let replicas = spec.take("replicas").flatMap { node in node.scalar.flatMap { Self.int($0) }.map { (node, $0) } }
        if replicas == nil, let written = spec.node["replicas"] {
            diagnostics.append(
                .warning(
                    .importInvalid, "replicas of \(resource.label) is not a whole number; not imported",
                    at: written.location))
        }

        if let engine = image.datastore {
            var datastore = ImportedObject(from: resource.node.location)
            datastore.set("name", .string(resource.name, from: metadata?.node["name"]?.location))
            datastore.set("kind", .string(engine.kind, from: imageNode.location, note: "a \(engine.engine) image"))
            datastore.set("engine", .string(engine.engine, from: imageNode.location))
            datastore.set("version", image.version.map { .string($0, from: imageNode.location) })
            datastore.set("replicas", replicas.map { .int($0.1, from: $0.0.location) })
            datastore.set("labels", readLabels(workload: metadata, pod: labelsNode))
            system.datastores[resource.name] = datastore
            pod.explain(
                "securityContext",
                "'\(resource.name)' runs \(engine.engine), imported as a datastore, and parity's datastores record no security context")
            for key in [
                "ports", "resources", "readinessProbe", "livenessProbe", "startupProbe", "env", "envFrom",
                "securityContext",
            ] {
                container.explain(
                    key,
                    "'\(resource.name)' runs \(engine.engine), imported as a datastore, and parity's datastores have no such field"
                )
            }
            return
        }

        var service = ImportedObject(from: resource.node.location)
        service.set("name", .string(resource.name, from: metadata?.node["name"]?.location))
        service.set("image", .string(image.image, from: imageNode.location))
        service.set("version", image.version.map { .string($0, from: imageNode.location) })
        service.set("replicas", replicas.map { .int($0.1, from: $0.0.location) })
        service.set("resources", readResources(container.mapping("resources")))
        service.set("labels", readLabels(workload: metadata, pod: labelsNode))
        service.set(
            "security",
            readSecurity(pod: pod.mapping("securityContext"), container: container.mapping("securityContext")))
        var byNumber: [Int: ImportedObject] = [:]
        var portNames: [String: Int] = [:]
        for node in container.take("ports")?.sequence ?? [] where node.mapping != nil {
            let port = unmapped.mapping(node, context: "a port of \(resource.label)")
            guard let numberNode = port.take("containerPort"), let number = numberNode.scalar.flatMap(Self.int) else {
                diagnostics.append(
                    .warning(
                        .importInvalid, "a port of \(resource.label) has no containerPort number; not imported",
                        at: node.location))
                continue
            }
            var object = byNumber[number] ?? ImportedObject(from: node.location)
            object.set("port", .int(number, from: numberNode.location))
            let name = port.take("name")
            if let name, let text = name.scalar?.text { portNames[text] = number }
            let protocolNode = port.take("protocol")
            if let guess = Self.protocolName(name?.scalar?.text, protocolNode?.scalar?.text) {
                object.set("protocol", .string(guess, from: (name ?? protocolNode)?.location))
            }
            byNumber[number] = object
        }
        ports[resource.name] = byNumber
        self.portNames[resource.name] = portNames
        let probeKeys = ["readinessProbe", "livenessProbe", "startupProbe"]
        if let chosen = probeKeys.first(where: { first[$0] != nil }), let probe = container.mapping(chosen) {
            service.set("healthCheck", readProbe(probe, portNames: portNames))
            for other in probeKeys where other != chosen {
                container.explain(other, "parity's healthCheck holds one probe, and '\(chosen)' was imported")
            }
        }
        system.services[resource.name] = service
    }

    /// Requests, or limits when no request is written: the size each instance is given.
    private func readResources(_ resources: SourceMapping?) -> ImportedValue? {
        guard let resources else { return nil }
        let chosen = resources.node["requests"] != nil ? "requests" : "limits"
        resources.explain("limits", "parity records one size per instance, and the requests were imported")
        guard let amounts = resources.mapping(chosen) else { return nil }
        var object = ImportedObject(from: amounts.node.location)
        for key in ["cpu", "memory"] {
            if let node = amounts.take(key), let text = node.scalar?.text {
                object.set(key, .string(text, from: node.location, note: chosen == "limits" ? "the limit" : nil))
            }
        }
        return object.fields.isEmpty ? nil : object.value
    }

    private func readProbe(_ probe: SourceMapping, portNames: [String: Int]) -> ImportedValue? {
        var object = ImportedObject(from: probe.node.location)
        probe.explain("initialDelaySeconds", "parity's healthCheck records how often and how long, not a start delay")
        for key in ["failureThreshold", "successThreshold"] {
            probe.explain(key, "parity's healthCheck records how often and how long, not how many probes decide")
        }
        for kind in ["httpGet", "grpc", "tcpSocket"] {
            guard let action = probe.mapping(kind) else { continue }
            action.explain("httpHeaders", "parity's healthCheck records the path and port probed, not request headers")
            if let path = action.take("path"), let text = path.scalar?.text {
                object.set("path", .string(text, from: path.location))
            }
            if let port = action.take("port"), let scalar = port.scalar {
                if let number = Self.int(scalar) ?? portNames[scalar.text] {
                    object.set("port", .int(number, from: port.location))
                }
            }
        }
        if let period = probe.take("periodSeconds"), let seconds = period.scalar.flatMap(Self.int) {
            object.set("interval", .string("\(seconds)s", from: period.location))
        }
        if let timeout = probe.take("timeoutSeconds"), let seconds = timeout.scalar.flatMap(Self.int) {
            object.set("timeout", .string("\(seconds)s", from: timeout.location))
        }
        return object.fields.isEmpty ? nil : object.value
    }

    static func int(_ scalar: Scalar) -> Int? {
        if case .int(let number) = scalar.value { return number }
        return Int(scalar.text)
    }

    /// The protocol a port speaks, from its name (Istio's convention: `grpc`, `http-web`,
    /// `tcp-redis`) or its transport.
    static func protocolName(_ name: String?, _ transport: String?) -> String? {
        if let name, let prefix = name.lowercased().split(separator: "-").first {
            let known = ["http": "http", "http2": "http", "https": "https", "grpc": "grpc", "tcp": "tcp", "udp": "udp"]
            if let found = known[String(prefix)] { return found }
        }
        return transport.flatMap { ["TCP": "tcp", "UDP": "udp"][$0.uppercased()] }
    }
}
