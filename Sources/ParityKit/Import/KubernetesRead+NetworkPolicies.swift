import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// A NetworkPolicy: the workloads its pod selector selects become isolated for each of its
    /// policy types (ingress, egress; a policy without rules is a default deny), and each rule
    /// lets through the workloads its peers select, on its ports. Pod selectors give no address
    /// ranges, so the permissions are written on the services and datastores themselves
    /// (`ingress`, `egress`); what they cannot name (other namespaces, address ranges other
    /// than the whole internet) is a warning at its line.
    mutating func readNetworkPolicy(_ resource: Resource) {
        _ = resource.mapping.mapping("metadata")?.take("name")
        guard let spec = resource.mapping.mapping("spec") else { return }
        let selectorNode = spec.node["podSelector"]
        let selected = select(spec.mapping("podSelector", context: "the pod selector of \(resource.label)"))
            .filter { system.declares($0) }
        guard !selected.isEmpty else {
            diagnostics.append(
                .warning(
                    .importUnknownReference,
                    "\(resource.label) selects no workload of the input; not imported",
                    at: selectorNode?.location ?? resource.node.location))
            for key in ["policyTypes", "ingress", "egress"] { _ = spec.take(key) }
            return
        }
        let typesNode = spec.take("policyTypes")
        var types = Set((typesNode?.sequence ?? []).compactMap { $0.scalar?.text })
        if typesNode == nil {
            // Kubernetes' default: Ingress always, Egress when the policy has egress rules.
            types = ["Ingress"]
            if spec.node["egress"] != nil { types.insert("Egress") }
        }
        let note = "\(resource.label)"
        let place = typesNode?.location ?? selectorNode?.location
        for (type, direction) in [("Ingress", ImportedSystem.Direction.ingress), ("Egress", .egress)]
        where types.contains(type) {
            var targets = selected
            if direction == .egress {
                let stores = selected.filter { system.datastores[$0] != nil }
                if !stores.isEmpty {
                    diagnostics.append(
                        .warning(
                            .importUnmapped,
                            "the egress of \(stores.joined(separator: ", ")) in \(resource.label) is not imported: parity's datastores record who may reach them, not what they reach",
                            at: place))
                }
                targets = selected.filter { system.services[$0] != nil }
            }
            for target in targets { system.isolate(target, direction, at: place, note: "isolated by \(note)") }
            let key = direction == .ingress ? "ingress" : "egress"
            for node in spec.take(key)?.sequence ?? [] where node.mapping != nil {
                let rule = unmapped.mapping(node, context: "an \(key) rule of \(resource.label)")
                let ports = policyPorts(rule, of: resource)
                let peerKey = direction == .ingress ? "from" : "to"
                let peerNodes = rule.take(peerKey)?.sequence ?? []
                // No peers: every source or destination.
                let peers: [(String, SourceLocation?)] =
                    peerNodes.isEmpty
                    ? [("any", node.location)]
                    : peerNodes.flatMap { peer($0, of: resource, direction: direction) }
                for target in targets {
                    // A workload reaching itself is left out: that is not traffic between items.
                    for (name, location) in peers where name != target {
                        // A named port is the number the workload receiving the traffic gives it.
                        let owner = direction == .ingress ? target : name
                        let numbers = ports.resolved(portNames[owner] ?? [:])
                        guard numbers?.isEmpty != true else {
                            diagnostics.append(
                                .warning(
                                    .importUnknownReference,
                                    "the port \(ports.names.map { "'\($0)'" }.joined(separator: ", ")) of \(resource.label) names no container port of '\(owner)', so the rule lets nothing through from \(direction == .ingress ? name : target) to \(direction == .ingress ? target : name); name the port in the container, or write its number",
                                    at: rule.node["ports"]?.location ?? node.location))
                            continue
                        }
                        system.allow(target, direction, peer: name, ports: numbers, at: location, note: note)
                    }
                }
            }
        }
    }

    /// The workloads a pod selector selects, by name; none for a missing selector.
    private mutating func select(_ selector: SourceMapping?) -> [String] {
        guard let selector else { return [] }
        let matcher = LabelSelector(selector, diagnostics: &diagnostics)
        return workloads.map(\.name).filter { matcher.matches(podLabels[$0] ?? [:]) }.sorted()
    }

    /// The names a rule's peer stands for: the workloads its pod selector selects,
    /// `internet` for the whole address space; other namespaces and narrower ranges are warned about.
    private mutating func peer(
        _ node: Node, of resource: Resource, direction: ImportedSystem.Direction
    ) -> [(String, SourceLocation?)] {
        guard node.mapping != nil else { return [] }
        let peer = unmapped.mapping(node, context: "a peer of \(resource.label)")
        if let namespaces = peer.take("namespaceSelector") {
            _ = peer.take("podSelector")
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "a peer of \(resource.label) selects other namespaces, which an import of one namespace cannot name; not imported (write the services it reaches as externals, or import their namespace too)",
                    at: namespaces.location))
            return []
        }
        if let block = peer.mapping("ipBlock") {
            let cidrNode = block.take("cidr")
            let cidr = cidrNode?.scalar?.text ?? ""
            guard cidr == "0.0.0.0/0" || cidr == "::/0" else {
                _ = block.take("except")
                diagnostics.append(
                    .warning(
                        .importUnmapped,
                        "the address range \(cidr) in \(resource.label) is not imported: a service's \(direction.rawValue) names services, datastores, externals, internet or any; write a network rule between segments for it",
                        at: cidrNode?.location ?? node.location))
                return []
            }
            block.explain("except", "parity's \(direction.rawValue) lets the internet through as a whole")
            return [("internet", cidrNode?.location)]
        }
        guard let pods = peer.mapping("podSelector", context: "a pod selector of \(resource.label)") else { return [] }
        let names = select(pods).filter { system.declares($0) }
        if names.isEmpty {
            diagnostics.append(
                .warning(
                    .importUnknownReference,
                    "a peer of \(resource.label) selects no workload of the input; it lets nothing through",
                    at: pods.node.location))
        }
        return names.map { ($0, pods.node.location) }
    }

    /// A rule's ports as written: numbers, names to resolve, or none (every port).
    struct PolicyPorts {
        var numbers: Set<Int> = []
        var names: [String] = []
        var every = false

        /// The port numbers, names read through `portNames`; nil for every port. A name the
        /// workload does not give is left out (Kubernetes lets nothing through on it).
        func resolved(_ portNames: [String: Int]) -> Set<Int>? {
            every ? nil : numbers.union(names.compactMap { portNames[$0] })
        }
    }

    private mutating func policyPorts(_ rule: SourceMapping, of resource: Resource) -> PolicyPorts {
        guard let list = rule.take("ports")?.sequence, !list.isEmpty else { return PolicyPorts(every: true) }
        var ports = PolicyPorts()
        for node in list where node.mapping != nil {
            let port = unmapped.mapping(node, context: "a port of \(resource.label)")
            if let transport = port.take("protocol"), let text = transport.scalar?.text, text != "TCP" {
                diagnostics.append(
                    .warning(
                        .importUnmapped,
                        "the protocol \(text) of a port of \(resource.label) is not imported: parity's ingress and egress list port numbers, for TCP",
                        at: transport.location))
            }
            guard let numberNode = port.take("port"), let scalar = numberNode.scalar else {
                ports.every = true  // a protocol without a port: every port of it
                continue
            }
            guard let number = Self.int(scalar) else {
                ports.names.append(scalar.text)
                continue
            }
            if let end = port.take("endPort"), let last = end.scalar.flatMap(Self.int), last > number {
                guard last - number < 64 else {
                    diagnostics.append(
                        .warning(
                            .importUnmapped,
                            "the port range \(number)-\(last) of \(resource.label) is too wide to list; imported as every port",
                            at: end.location))
                    ports.every = true
                    continue
                }
                ports.numbers.formUnion(number...last)
            } else {
                ports.numbers.insert(number)
            }
        }
        return ports
    }
}
