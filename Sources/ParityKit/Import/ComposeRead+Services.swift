import ParityDiagnostics
import ParityYAML

extension ComposeRead {
    mutating func build() {
        for (name, mapping) in services { readService(name, mapping) }
        for (name, mapping) in services { readLinks(name, mapping) }
        isolateByNetworks()
        // A service on one network with an address range runs in that network's segment.
        for (name, joined) in memberships where system.services[name] != nil {
            let ranged = joined.filter { system.networks[$0.0] != nil }
            guard ranged.count == 1, let (network, node) = ranged.first else { continue }
            system.services[name]?.set("segment", .string(network, from: node?.location))
        }
    }

    private mutating func readService(_ name: String, _ service: SourceMapping) {
        let origin = serviceKeys[name]?.location
        for key in ["hostname", "container_name"] {
            // The service's own name again says nothing the environment does not.
            if service.node[key]?.scalar?.text == name { _ = service.take(key) }
            service.explain(
                key, "parity names a service by its compose name; this name is used only to resolve addresses")
        }
        service.explain("restart", ImportedSystem.restartReason)
        service.explain("tmpfs", ImportedSystem.storageReason)
        let imageNode = service.take("image")
        let image = imageNode?.scalar.map { ImageReference($0.text) }
        let replicas = readReplicas(service)
        readServiceNetworks(name, service)
        published[name] = Self.publishedPorts(service.node["ports"])
        service.explain("volumes", ImportedSystem.storageReason)
        if let image, let engine = image.datastore {
            var datastore = ImportedObject(from: origin)
            datastore.set("name", .string(name, from: origin))
            datastore.set("kind", .string(engine.kind, from: imageNode?.location, note: "a \(engine.engine) image"))
            datastore.set("engine", .string(engine.engine, from: imageNode?.location))
            datastore.set("version", image.version.map { .string($0, from: imageNode?.location) })
            datastore.set("replicas", replicas)
            datastore.set("labels", readLabels(service))
            system.datastores[name] = datastore
            if let deploy = service.mapping("deploy") {
                _ = deploy.take("replicas")
                deploy.explain(
                    "resources", "'\(name)' is imported as a datastore, and parity's datastores record no resources")
            }
            for key in [
                "ports", "expose", "environment", "healthcheck", "depends_on", "links", "secrets", "build", "user",
                "read_only", "privileged", "cap_add", "cap_drop", "security_opt",
            ] {
                service.explain(
                    key,
                    "'\(name)' runs \(engine.engine), imported as a datastore, and parity's datastores have no such field"
                )
            }
            return
        }
        var object = ImportedObject(from: origin)
        object.set("name", .string(name, from: origin))
        if let image {
            object.set("image", .string(image.image, from: imageNode?.location))
            object.set("version", image.version.map { .string($0, from: imageNode?.location) })
        } else if let build = service.take("build") {
            let context = build.scalar?.text ?? build["context"]?.scalar?.text ?? "."
            object.set(
                "image",
                .string(
                    "\(project)-\(name)", from: build.location,
                    note: "built from '\(context)'; compose names the image <project>-<service>"))
        } else {
            diagnostics.append(
                .warning(
                    .importInvalid, "service '\(name)' has neither image nor build; imported without knowing its image",
                    at: origin))
            object.set("image", .string("\(project)-\(name)", from: origin, note: "no image or build is written"))
        }
        service.explain("build", "the image is written, and how it is built is not parity's concern")
        object.set("replicas", replicas)
        object.set("resources", readResources(service))
        object.set("ports", readPorts(service))
        object.set("config", readEnvironment(name, service))
        object.set("healthCheck", readHealthcheck(service))
        object.set("labels", readLabels(service))
        object.set("security", readSecurity(service))
        system.services[name] = object
        readSecrets(name, service)
    }

    /// `deploy.replicas`, or the older `scale`.
    private mutating func readReplicas(_ service: SourceMapping) -> ImportedValue? {
        let deploy = service.node["deploy"]
        guard let node = deploy?["replicas"] ?? service.take("scale") else { return nil }
        if let number = node.scalar.flatMap(KubernetesRead.int) { return .int(number, from: node.location) }
        diagnostics.append(
            .warning(
                .importInvalid, "replicas of \(service.context) is not a whole number; not imported", at: node.location)
        )
        return nil
    }

    private func readResources(_ service: SourceMapping) -> ImportedValue? {
        guard let deploy = service.mapping("deploy") else { return nil }
        _ = deploy.take("replicas")
        guard let resources = deploy.mapping("resources") else { return nil }
        let chosen = resources.node["reservations"] != nil ? "reservations" : "limits"
        resources.explain("limits", "parity records one size per instance, and the reservations were imported")
        guard let amounts = resources.mapping(chosen) else { return nil }
        var object = ImportedObject(from: amounts.node.location)
        for (key, field) in [("cpus", "cpu"), ("memory", "memory")] {
            if let node = amounts.take(key), let text = node.scalar?.text {
                object.set(field, .string(text, from: node.location))
            }
        }
        return object.fields.isEmpty ? nil : object.value
    }

    /// Published ports are public; `expose` opens a port to the other services only.
    private mutating func readPorts(_ service: SourceMapping) -> ImportedValue? {
        var byNumber: [Int: ImportedObject] = [:]
        for node in service.take("ports")?.sequence ?? [] {
            if let mapping = node.mapping.map({ _ in unmapped.mapping(node, context: "a port of \(service.context)") })
            {
                guard let target = mapping.take("target"), let number = target.scalar.flatMap(KubernetesRead.int) else {
                    continue
                }
                var object = byNumber[number] ?? ImportedObject(from: node.location)
                object.set("port", .int(number, from: target.location))
                if let transport = mapping.text("protocol"), let name = KubernetesRead.protocolName(nil, transport) {
                    object.set("protocol", .string(name, from: node["protocol"]?.location))
                }
                if let published = mapping.take("published") {
                    object.set("public", .bool(true, from: published.location, note: "published"))
                }
                _ = mapping.take("host_ip"); _ = mapping.take("mode"); _ = mapping.take("name");
                _ = mapping.take("app_protocol")
                byNumber[number] = object
            } else if let text = node.scalar?.text {
                guard let (number, published, transport) = Self.shortPort(text) else {
                    diagnostics.append(
                        .warning(
                            .importUnmapped,
                            "port '\(text)' of \(service.context) is not imported: parity records single ports, not ranges",
                            at: node.location))
                    continue
                }
                var object = byNumber[number] ?? ImportedObject(from: node.location)
                object.set("port", .int(number, from: node.location))
                if let transport { object.set("protocol", .string(transport, from: node.location)) }
                if published { object.set("public", .bool(true, from: node.location, note: "published")) }
                byNumber[number] = object
            }
        }
        for node in service.take("expose")?.sequence ?? [] {
            guard let text = node.scalar?.text, let (number, _, transport) = Self.shortPort(text) else { continue }
            var object = byNumber[number] ?? ImportedObject(from: node.location)
            object.set("port", .int(number, from: node.location))
            if let transport { object.set("protocol", .string(transport, from: node.location)) }
            byNumber[number] = object
        }
        let ports = byNumber.sorted { $0.key < $1.key }.map(\.value.value)
        return ports.isEmpty
            ? nil
            : ImportedValue(.list(ports), from: service.node["ports"]?.location ?? service.node["expose"]?.location)
    }

    /// `[HOST:]CONTAINER[/PROTOCOL]` or `HOST_IP:HOST:CONTAINER`: the container port, whether
    /// it is published on the host, and the transport.
    static func shortPort(_ text: String) -> (Int, Bool, String?)? {
        var rest = Substring(text)
        var transport: String?
        if let slash = rest.lastIndex(of: "/") {
            transport = KubernetesRead.protocolName(nil, String(rest[rest.index(after: slash)...]))
            rest = rest[..<slash]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard let last = parts.last, let number = Int(last), (1...65535).contains(number) else { return nil }
        return (number, parts.count > 1, transport)
    }

    /// `environment` as a list of `KEY=VALUE` or a mapping; values that look like secrets are not copied.
    private mutating func readEnvironment(_ name: String, _ service: SourceMapping) -> ImportedValue? {
        guard let node = service.take("environment") else { return nil }
        var variables: [(String, String?, SourceLocation)] = []
        if let items = node.sequence {
            for item in items {
                guard let text = item.scalar?.text else { continue }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                variables.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : nil, item.location))
            }
        } else {
            for pair in node.mapping ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                let value = pair.value.scalar.flatMap { $0.value == .null ? nil : $0.text }
                variables.append((key, value, pair.value.location))
            }
        }
        var config: [(String, ImportedValue)] = []
        for (key, value, location) in variables {
            guard let value else {
                diagnostics.append(
                    .warning(
                        .importUnmapped, "'\(key)' of service '\(name)' takes its value from the shell; not imported",
                        at: location))
                continue
            }
            let wording = ImportedSystem.VariableWording(
                owner: "service '\(name)'", secretHome: "a compose secret", noDefinition: "no service of the file")
            if let entry = system.readVariable(
                key, value, at: location, of: name, targets: aliases, wording: wording, diagnostics: &diagnostics)
            {
                config.append((key, entry))
            }
        }
        return config.isEmpty ? nil : ImportedValue(.object(config), from: node.location)
    }

    private func readHealthcheck(_ service: SourceMapping) -> ImportedValue? {
        guard let check = service.mapping("healthcheck") else { return nil }
        check.explain("test", "parity's healthCheck records a path and port, not a command")
        var object = ImportedObject(from: check.node.location)
        for (key, field) in [("interval", "interval"), ("timeout", "timeout")] {
            guard let node = check.node[key], let text = node.scalar?.text else { continue }
            if DurationText.seconds(text) != nil {
                _ = check.take(key)
                object.set(field, .string(text, from: node.location))
            } else {
                check.explain(
                    key, "'\(text)' is not a duration parity reads (write whole seconds, minutes, hours or days)")
            }
        }
        return object.fields.isEmpty ? nil : object.value
    }

    private mutating func readSecrets(_ name: String, _ service: SourceMapping) {
        for node in service.take("secrets")?.sequence ?? [] {
            let sourceNode = node.scalar != nil ? node : node["source"]
            if node.mapping != nil {
                let long = unmapped.mapping(node, context: "a secret of service '\(name)'")
                _ = long.take("source"); _ = long.take("target"); _ = long.take("uid"); _ = long.take("gid");
                _ = long.take("mode")
            }
            guard let sourceNode, let secret = sourceNode.scalar?.text else { continue }
            guard system.credentials[secret] != nil else {
                diagnostics.append(
                    .warning(
                        .importUnknownReference,
                        "service '\(name)' reads secret '\(secret)', which the file's top-level secrets do not declare; not imported",
                        at: sourceNode.location))
                continue
            }
            system.read(name, credential: secret, at: sourceNode.location)
        }
    }

    /// `depends_on` in both forms and `links`, once every service is known.
    private mutating func readLinks(_ name: String, _ service: SourceMapping) {
        guard system.services[name] != nil else { return }
        var declared: [(String, Node, String?)] = []
        if let dependsOn = service.take("depends_on") {
            for item in dependsOn.sequence ?? [] {
                if let target = item.scalar?.text { declared.append((target, item, nil)) }
            }
            for pair in dependsOn.mapping ?? [] {
                guard let target = pair.key.scalar?.text else { continue }
                let options =
                    pair.value.mapping != nil
                    ? unmapped.mapping(pair.value, context: "depends_on '\(target)' of service '\(name)'") : nil
                let condition = options?.text("condition")
                _ = options?.take("required"); _ = options?.take("restart")
                declared.append((target, pair.key, condition.map { "depends_on, condition: \($0)" }))
            }
        }
        for item in service.take("links")?.sequence ?? [] {
            guard let text = item.scalar?.text else { continue }
            let target = String(text.split(separator: ":").first ?? "")
            declared.append((target, item, "links"))
        }
        for (target, node, note) in declared {
            guard system.declares(target) else {
                diagnostics.append(
                    .warning(
                        .importUnknownReference,
                        "service '\(name)' depends on '\(target)', which the file does not define; no dependency is written for it",
                        at: node.location))
                continue
            }
            system.depend(
                name, on: .init(target: target, origin: node.location, evidence: nil, note: note ?? "depends_on"))
        }
    }
}
