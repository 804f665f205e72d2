extension EnvironmentSchema {
    /// A workload.
    public static let service = ObjectSchema(
        "Service", "A workload: what runs, how much of it, where, and what it talks to.",
        fields: [
            FieldSchema("name", .string, "The service's name, unique in the environment.", required: true),
            FieldSchema("description", .string, "What the service does, in a sentence."),
            FieldSchema("owner", .string, "The team that runs the service."),
            FieldSchema("image", .string, "The container image to run, with its registry.", required: true),
            FieldSchema("version", .string, "The version deployed (the image tag or release)."),
            FieldSchema("replicas", .int, "How many instances run in each region.", minimum: 0),
            FieldSchema(
                "regions", .list(.string, .set), "The regions the service runs in; each declared under 'regions'.",
                references: regionReference),
            FieldSchema("segment", .string, "The network segment the service runs in.", references: segmentReference),
            FieldSchema("resources", .object(resources), "CPU, memory and instance size of each instance."),
            FieldSchema(
                "ports", .list(.object(port), .identified(by: ["port", "protocol"])),
                "The ports the service listens on, each identified by its port and protocol (ports[8443/grpc]); no two alike."
            ),
            FieldSchema(
                "dependencies", .list(.string, .set),
                "The services, datastores and externals the service calls, by name.",
                references: dependencyReference),
            FieldSchema(
                inferredField, .map(.string),
                "Dependencies inferred rather than declared (by an importer), by name, with the evidence for each.",
                references: dependencyReference),
            FieldSchema(
                "config", .map(.string),
                "Configuration keys and their values (never secrets: those go under 'secrets')."),
            FieldSchema(
                "secrets", .list(.string, .set),
                "The credentials the service reads, by name; each declared under access.credentials.",
                references: credentialReference),
            FieldSchema("healthCheck", .object(healthCheck), "How the platform knows an instance is healthy."),
            FieldSchema("labels", .map(.string), "The labels the platform attaches to the service (app: checkout)."),
            FieldSchema("security", .object(serviceSecurity), "How its processes run: user, privileges, file system."),
            ingressField,
            FieldSchema(
                "egress", .list(.object(egressRule), .identified(by: ["to"])),
                "Where it may connect, where its outbound traffic is restricted, each destination once "
                    + "(egress[payments]): absent, anywhere; empty, nowhere."),
        ])

    /// Compute given to each instance.
    public static let resources = ObjectSchema(
        "Resources", "What each instance of a service is given.",
        fields: [
            FieldSchema("cpu", .string, "CPU per instance, as the platform writes it (500m, 2)."),
            FieldSchema("memory", .string, "Memory per instance (512Mi, 4Gi)."),
            FieldSchema("instanceType", .string, "The machine size (m6i.large)."),
        ])

    /// A listening port.
    public static let port = ObjectSchema(
        "Port", "A port a service listens on.",
        fields: [
            FieldSchema("port", .int, "The port number.", required: true, minimum: 1, maximum: 65535),
            FieldSchema(
                "protocol", .enumeration(["http", "https", "grpc", "tcp", "udp"]), "The protocol spoken on the port."),
            FieldSchema("tls", .bool, "Whether connections to the port are encrypted with TLS."),
            FieldSchema("public", .bool, "Whether the port is reachable from the internet."),
        ])

    /// A health check.
    public static let healthCheck = ObjectSchema(
        "HealthCheck", "How the platform probes a service.",
        fields: [
            FieldSchema("path", .string, "The HTTP path probed (/healthz)."),
            FieldSchema("port", .int, "The port probed.", minimum: 1, maximum: 65535),
            FieldSchema("interval", .duration, "How often the probe runs (10s)."),
            FieldSchema("timeout", .duration, "How long a probe may take before it fails (2s)."),
        ])

    /// The field holding the evidence of inferred dependencies.
    public static let inferredField = "inferred"
    static let dependencyReference = Reference(
        ["services", "datastores", "externals"], noun: "service, datastore or external")
    static let credentialReference = Reference(["access.credentials"], noun: "credential")
    static let segmentReference = Reference(["networks[*].segments"], noun: "network segment")
}
