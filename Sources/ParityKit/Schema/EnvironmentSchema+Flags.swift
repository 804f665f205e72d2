extension EnvironmentSchema {
    /// A feature flag.
    public static let featureFlag = ObjectSchema(
        "FeatureFlag", "A feature flag and its state.",
        fields: [
            FieldSchema("name", .string, "The flag's key, unique in the environment.", required: true),
            FieldSchema("description", .string, "What the flag turns on, in a sentence."),
            FieldSchema("owner", .string, "The team that owns the flag."),
            FieldSchema("enabled", .bool, "Whether the flag is on.", required: true),
            FieldSchema(
                "rollout", .int, "The percentage of traffic that sees the flag when it is on (0 to 100).", minimum: 0,
                maximum: 100),
            FieldSchema(
                "overrides", .map(.object(flagOverride)),
                "Per-region state, by region name; overrides 'enabled' and 'rollout' there.",
                references: regionReference),
        ])

    /// A per-region flag state.
    public static let flagOverride = ObjectSchema(
        "FlagOverride", "A feature flag's state in one region.",
        fields: [
            FieldSchema("enabled", .bool, "Whether the flag is on in the region."),
            FieldSchema(
                "rollout", .int, "The percentage of the region's traffic that sees the flag (0 to 100).", minimum: 0,
                maximum: 100),
        ])

    /// How an environment talks to a third party.
    public static let externalModes = ["live", "sandbox", "mock"]

    /// A third-party API.
    public static let external = ObjectSchema(
        "External", "A third-party API the environment calls.",
        fields: [
            FieldSchema("name", .string, "The external's name, unique in the environment.", required: true),
            FieldSchema("kind", .string, "What it provides (payment-gateway, email, sms, tax).", required: true),
            FieldSchema("provider", .string, "Who provides it (stripe, sendgrid)."),
            FieldSchema("endpoint", .string, "The base URL called.", required: true),
            FieldSchema(
                "mode", .enumeration(externalModes),
                "How it is called: live (real money, real messages), sandbox (the provider's test mode) or mock.",
                required: true),
            FieldSchema(
                "credential", .string, "The credential used to call it; declared under access.credentials.",
                references: credentialReference),
            FieldSchema(
                "apiKey", .string, "The API key itself, only where it cannot be kept elsewhere; never printed.",
                sensitive: true),
        ])
}
