extension EnvironmentSchema {
    /// A network.
    public static let network = ObjectSchema(
        "Network", "A network (a VPC): its address space, segments, rules and peering.",
        fields: [
            FieldSchema("name", .string, "The network's name, unique in the environment.", required: true),
            FieldSchema("cidr", .string, "The network's address range (10.0.0.0/16).", required: true, format: .cidr),
            FieldSchema(
                "account", .string,
                "The cloud account that owns the network; a peering into it is a peering into this environment."),
            FieldSchema(
                "regions", .list(.string, .set), "The regions the network spans; each declared under 'regions'.",
                references: regionReference),
            FieldSchema("segments", .list(.object(segment), .named(key: "name")), "Subnets, by name."),
            FieldSchema(
                "rules", .list(.object(networkRule), .named(key: "name")), "Ingress and egress rules, by name."),
            FieldSchema(
                "peering", .list(.object(peering), .named(key: "name")), "Connections to other networks, by name."),
        ])

    /// A subnet.
    public static let segment = ObjectSchema(
        "Segment", "A subnet of a network.",
        fields: [
            FieldSchema(
                "name", .string, "The segment's name, unique across the environment's networks.", required: true),
            FieldSchema("cidr", .string, "The segment's address range (10.0.1.0/24).", required: true, format: .cidr),
            FieldSchema("public", .bool, "Whether the segment is reachable from the internet."),
        ])

    /// A firewall rule.
    public static let networkRule = ObjectSchema(
        "NetworkRule", "Traffic allowed or denied between segments.",
        fields: [
            FieldSchema("name", .string, "The rule's name, unique in its network.", required: true),
            FieldSchema(
                "direction", .enumeration(["ingress", "egress"]),
                "The direction: ingress (into 'to') or egress (out of 'from').", required: true),
            FieldSchema(
                "from", .string, "Where traffic comes from: a segment, or internet.", required: true,
                references: ruleEndpoint),
            FieldSchema(
                "to", .string, "Where traffic goes: a segment, or internet.", required: true, references: ruleEndpoint),
            FieldSchema("ports", .list(.int, .set), "The destination ports; none means every port."),
            FieldSchema(
                "protocol", .enumeration(["tcp", "udp", "icmp", "any"]), "The protocol: tcp, udp, icmp or any."),
            FieldSchema(
                "action", .enumeration(["allow", "deny"]),
                "Whether matching traffic is allowed or denied (allow when omitted)."),
        ])

    /// A peering connection.
    public static let peering = ObjectSchema(
        "Peering", "A connection from a network to another one.",
        fields: [
            FieldSchema("name", .string, "The peering's name, unique in its network.", required: true),
            FieldSchema("peer", .string, "The other network (its id, or its name in another account).", required: true),
            FieldSchema("cidr", .string, "The address range reachable through the peering.", format: .cidr),
            FieldSchema("account", .string, "The cloud account that owns the peer."),
            FieldSchema(
                "environment", .string, "The environment whose network the peer is, when it is one (production)."),
        ])

    static let ruleEndpoint = Reference(["networks[*].segments"], noun: "network segment", builtins: ["internet"])
}
