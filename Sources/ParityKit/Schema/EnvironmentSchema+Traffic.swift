extension EnvironmentSchema {
    /// A source allowed to connect to an isolated service or datastore.
    public static let ingressRule = ObjectSchema(
        "IngressRule", "A source that may connect, and on which ports.",
        fields: [
            FieldSchema(
                "from", .string,
                "The source: a service, datastore or external by name, internet (outside the environment), or any "
                    + "(every source).",
                required: true, references: trafficPeer),
            FieldSchema("ports", .list(.int, .set), "The ports it may connect to; none means every port."),
        ])

    /// A destination an egress-restricted service may connect to.
    public static let egressRule = ObjectSchema(
        "EgressRule", "A destination the service may connect to, and on which ports.",
        fields: [
            FieldSchema(
                "to", .string,
                "The destination: a service, datastore or external by name, internet, or any (every destination).",
                required: true, references: trafficPeer),
            FieldSchema("ports", .list(.int, .set), "The ports it may connect to; none means every port."),
        ])

    /// How a service's containers run: the guardrails a platform enforces on them.
    public static let serviceSecurity = ObjectSchema(
        "ServiceSecurity", "How the service's processes run: user, privileges and file system.",
        fields: [
            FieldSchema("runAsNonRoot", .bool, "Whether the processes must run as a user other than root."),
            FieldSchema("runAsUser", .int, "The user id the processes run as (0 is root).", minimum: 0),
            FieldSchema("readOnlyRootFilesystem", .bool, "Whether the container's root file system is read-only."),
            FieldSchema("privileged", .bool, "Whether the container runs privileged (with the host's devices)."),
            FieldSchema(
                "allowPrivilegeEscalation", .bool, "Whether a process may gain more privileges than its parent."),
            FieldSchema(
                "addCapabilities", .list(.string, .set), "Linux capabilities added (NET_ADMIN, SYS_TIME)."),
            FieldSchema(
                "dropCapabilities", .list(.string, .set), "Linux capabilities dropped (ALL drops every one)."),
        ])

    /// Who may connect to an item: the field services and datastores share.
    static let ingressField = FieldSchema(
        "ingress", .list(.object(ingressRule), .identified(by: ["from"])),
        "Who may connect, where traffic to it is restricted (a Kubernetes NetworkPolicy, a security group, compose "
            + "networks), each source once (ingress[frontend]): absent, anyone may; empty, no one may.")

    /// The other end of an ingress or egress rule: an item, or a word for outside or everyone.
    static let trafficPeer = Reference(
        ["services", "datastores", "externals"], noun: "service, datastore or external",
        builtins: ["internet", "any"], isEdge: false)
}
