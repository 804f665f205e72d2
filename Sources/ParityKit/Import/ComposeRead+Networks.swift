import ParityDiagnostics
import ParityYAML

extension ComposeRead {
    /// A top-level network: with a subnet (`ipam.config[].subnet`), a network of that range
    /// with one segment of the same name; without one, nothing parity's networks can hold,
    /// said at its key. Either way, who it lets reach whom is read from the services.
    mutating func readNetworkDeclaration(_ pair: Node.Pair) {
        guard let name = pair.key.scalar?.text else { return }
        let declaration = pair.value.mapping != nil ? unmapped.mapping(pair.value, context: "network '\(name)'") : nil
        declaredNetworks.insert(name)
        let ipam = declaration?.mapping("ipam")
        let subnets = (ipam?.take("config")?.sequence ?? []).compactMap { entry in
            entry["subnet"].flatMap { node in node.scalar.map { ($0.text, node.location) } }
        }
        for key in ["driver", "driver_opts", "attachable", "labels", "name", "external", "enable_ipv6", "internal"] {
            declaration?.explain(
                key, "parity records a network's address range, and who it lets reach whom as the services' ingress")
        }
        ipam?.explain("driver", "parity records the address range, not how it is assigned")
        guard let (cidr, location) = subnets.first else {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "network '\(name)' is not imported as a network: it has no subnet (ipam.config[].subnet), and parity's networks need an address range; who it lets reach whom is imported as the services' ingress",
                    at: pair.key.location))
            return
        }
        if subnets.count > 1 {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "network '\(name)' has \(subnets.count) subnets; the first, \(cidr), is imported as its range",
                    at: subnets[1].1))
        }
        var network = ImportedObject(from: pair.key.location)
        network.set("name", .string(name, from: pair.key.location))
        network.set("cidr", .string(cidr, from: location))
        var segment = ImportedObject(from: location)
        segment.set("name", .string(name, from: pair.key.location, note: "the network's one segment"))
        segment.set("cidr", .string(cidr, from: location))
        network.set("segments", ImportedValue(.list([segment.value]), from: location))
        system.networks[name] = network
    }

    /// The networks a service joins (`default` when it names none), with their aliases as
    /// names that reach it; nil when it does not join compose's networks at all.
    mutating func readServiceNetworks(_ name: String, _ service: SourceMapping) {
        if let mode = service.take("network_mode"), let text = mode.scalar?.text {
            service.explain("networks", "the service uses network_mode, so compose ignores its networks")
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "'network_mode: \(text)' of service '\(name)' is not imported: parity records who may reach a service, not the host's or another container's network stack; its ingress is left open",
                    at: mode.location))
            return
        }
        guard let node = service.take("networks") else {
            memberships[name] = [("default", serviceKeys[name])]
            return
        }
        var joined: [(String, Node?)] = []
        for item in node.sequence ?? [] {
            if let network = item.scalar?.text { joined.append((network, item)) }
        }
        for pair in node.mapping ?? [] {
            guard let network = pair.key.scalar?.text else { continue }
            joined.append((network, pair.key))
            guard pair.value.mapping != nil else { continue }
            let options = unmapped.mapping(pair.value, context: "network '\(network)' of service '\(name)'")
            for alias in options.take("aliases")?.sequence ?? [] {
                if let text = alias.scalar?.text.lowercased(), aliases[text] == nil { aliases[text] = name }
            }
            for key in ["ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "priority", "gw_priority"] {
                options.explain(key, "parity records who may reach a service, not its address on the network")
            }
        }
        for (network, place) in joined where network != "default" && !declaredNetworks.contains(network) {
            diagnostics.append(
                .warning(
                    .importUnknownReference,
                    "service '\(name)' joins network '\(network)', which the file does not declare under networks (compose refuses it); taken as a network of its own",
                    at: place?.location))
        }
        memberships[name] = joined.isEmpty ? [("default", serviceKeys[name])] : joined
    }

    /// When the networks keep some items apart, each service and datastore may be reached
    /// only by those sharing a network with it, and from outside on the ports it publishes.
    mutating func isolateByNetworks() {
        let items = memberships.keys.filter { system.declares($0) }.sorted()
        let networks = memberships.mapValues { Set($0.map(\.0)) }
        let apart = items.contains { a in
            items.contains { b in networks[a]?.isDisjoint(with: networks[b] ?? []) == true }
        }
        guard apart else { return }
        for item in items {
            let joined = memberships[item] ?? []
            system.isolate(
                item, .ingress, at: joined.first?.1?.location ?? serviceKeys[item]?.location,
                note: "compose networks: reached only from the networks it joins")
            for other in items where other != item {
                guard let shared = joined.first(where: { networks[other]?.contains($0.0) == true }) else { continue }
                system.allow(
                    item, .ingress, peer: other, ports: nil, at: shared.1?.location,
                    note: "shares network '\(shared.0)'")
            }
            if let ports = published[item], !ports.isEmpty {
                system.allow(
                    item, .ingress, peer: "internet", ports: Set(ports.keys),
                    at: ports.sorted { $0.key < $1.key }.first?.value, note: "published on the host")
            }
        }
    }

    /// The container ports a service publishes on the host, where each is written.
    static func publishedPorts(_ node: Node?) -> [Int: SourceLocation] {
        var found: [Int: SourceLocation] = [:]
        for item in node?.sequence ?? [] {
            if item.mapping != nil {
                if item["published"] != nil, let number = item["target"]?.scalar.flatMap(KubernetesRead.int) {
                    found[number] = found[number] ?? item.location
                }
            } else if let text = item.scalar?.text, let (number, isPublished, _) = shortPort(text), isPublished {
                found[number] = found[number] ?? item.location
            }
        }
        return found
    }
}
