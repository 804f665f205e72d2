/// The `parity/v1` Environment format: one environment's topology, described once and used
/// for decoding, diagnostics, the JSON Schema, composition and the diff.
///
/// Each area lives in its own file (`EnvironmentSchema+Services.swift`, ...).
public enum EnvironmentSchema {
    /// The only apiVersion Parity reads.
    public static let apiVersion = "parity/v1"
    /// The kind of an environment file.
    public static let kind = "Environment"

    /// The whole document.
    public static let root = ObjectSchema(
        "Environment", "One environment's topology: what runs where, with which data, access and safeguards.",
        fields: [
            FieldSchema("apiVersion", .string, "The file format version; always parity/v1.", required: true),
            FieldSchema("kind", .string, "The kind of file; Environment here.", required: true),
            FieldSchema(
                "extends", .string,
                "The environment this one inherits from, by name; what this file writes overrides it."),
            FieldSchema("metadata", .object(metadata), "Who and what this environment is.", required: true),
            FieldSchema(
                "regions", .list(.string, .set), "The cloud regions the environment runs in (us-east-1, eu-west-1)."),
            FieldSchema("services", .list(.object(service), .named(key: "name")), "The workloads that run, by name."),
            FieldSchema(
                "datastores", .list(.object(datastore), .named(key: "name")),
                "Databases, caches, queues and object stores, by name."),
            FieldSchema(
                "networks", .list(.object(network), .named(key: "name")),
                "Networks (VPCs) with their segments, rules and peering."),
            FieldSchema("access", .object(access), "Roles, who holds them, and the credentials in use."),
            FieldSchema(
                "featureFlags", .list(.object(featureFlag), .named(key: "name")),
                "Feature flags and their state, by name."),
            FieldSchema(
                "externals", .list(.object(external), .named(key: "name")),
                "Third-party APIs the environment calls (payment gateways, email), by name."),
            FieldSchema(
                "observability", .object(observability),
                "Tracing, metrics, logging, the audit log and service-level objectives."),
            FieldSchema(
                "rollback", .list(.object(rollbackProcedure), .named(key: "name")),
                "Codified rollback procedures, by name."),
        ])

    /// Who and what an environment is.
    public static let metadata = ObjectSchema(
        "Metadata", "The identity of an environment.",
        fields: [
            FieldSchema(
                "name", .string, "The environment's name, unique in the repository (production, staging).",
                required: true),
            FieldSchema(
                "tier", .enumeration(tiers), "What the environment is for: production, staging, development or test.",
                required: true),
            FieldSchema("owner", .string, "The team accountable for the environment.", required: true),
            FieldSchema("revision", .string, "A version of this description (a tag, a date, a commit)."),
            FieldSchema("description", .string, "What the environment is, in a sentence."),
            FieldSchema("labels", .map(.string), "Free-form key/value labels."),
        ])

    /// The tiers an environment may have.
    public static let tiers = Tier.allCases.map(\.rawValue)

    /// The names of regions declared by the environment.
    static let regionReference = Reference(["regions"], noun: "region")
}

/// What an environment is for (`metadata.tier`).
public enum Tier: String, Sendable, CaseIterable {
    case production, staging, development, test
}
