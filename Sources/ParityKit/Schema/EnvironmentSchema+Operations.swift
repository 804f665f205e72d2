extension EnvironmentSchema {
    /// Observability settings.
    public static let observability = ObjectSchema(
        "Observability", "How the environment is watched.",
        fields: [
            FieldSchema("tracing", .object(tracing), "Distributed tracing."),
            FieldSchema("metrics", .object(metrics), "Metrics collection."),
            FieldSchema("logging", .object(logging), "Application logs."),
            FieldSchema("auditLog", .object(auditLog), "The audit log of administrative actions."),
            FieldSchema(
                "slos", .list(.object(slo), .named(key: "name")),
                "Service-level objectives and their error budgets, by name."),
        ])

    /// Tracing.
    public static let tracing = ObjectSchema(
        "Tracing", "Distributed tracing.",
        fields: [
            FieldSchema("enabled", .bool, "Whether traces are collected.", required: true),
            FieldSchema("sampleRate", .double, "The fraction of requests traced (0 to 1).", minimum: 0, maximum: 1),
            FieldSchema("backend", .string, "Where traces go (otel-collector, x-ray, jaeger)."),
        ])

    /// Metrics.
    public static let metrics = ObjectSchema(
        "Metrics", "Metrics collection.",
        fields: [
            FieldSchema("enabled", .bool, "Whether metrics are collected.", required: true),
            FieldSchema("backend", .string, "Where metrics go (prometheus, datadog)."),
            FieldSchema("retention", .duration, "How long metrics are kept."),
        ])

    /// Logging.
    public static let logging = ObjectSchema(
        "Logging", "Application logs.",
        fields: [
            FieldSchema(
                "level", .enumeration(["debug", "info", "warn", "error"]),
                "The least severe level kept: debug, info, warn or error."),
            FieldSchema("destination", .string, "Where logs go (cloudwatch, loki, elasticsearch)."),
            FieldSchema("retention", .duration, "How long logs are kept."),
        ])

    /// The audit log.
    public static let auditLog = ObjectSchema(
        "AuditLog", "The record of administrative actions.",
        fields: [
            FieldSchema("enabled", .bool, "Whether administrative actions are recorded.", required: true),
            FieldSchema("immutable", .bool, "Whether records are write-once (object lock, WORM storage)."),
            FieldSchema("destination", .string, "Where the records are kept."),
            FieldSchema("retention", .duration, "How long records are kept."),
        ])

    /// A service-level objective.
    public static let slo = ObjectSchema(
        "SLO", "A service-level objective and its error budget.",
        fields: [
            FieldSchema("name", .string, "The objective's name, unique in the environment.", required: true),
            FieldSchema(
                "service", .string, "The service it measures.", required: true,
                references: Reference(["services"], noun: "service")),
            FieldSchema("indicator", .string, "What is measured (availability, latency-p99)."),
            FieldSchema(
                "objective", .double, "The target, in percent (99.9).", required: true, minimum: 0, maximum: 100),
            FieldSchema("window", .duration, "The period the objective is measured over (30d)."),
            FieldSchema(
                "errorBudget", .double, "The share of the window allowed to miss the objective, in percent (0.1).",
                minimum: 0, maximum: 100),
        ])

    /// A rollback procedure.
    public static let rollbackProcedure = ObjectSchema(
        "RollbackProcedure", "A codified way back from a failed change.",
        fields: [
            FieldSchema("name", .string, "The procedure's name, unique in the environment.", required: true),
            FieldSchema("description", .string, "What the procedure does, in a sentence."),
            FieldSchema(
                "reverts", .list(.string, .set), "The services and datastores it puts back, by name.", required: true,
                references: Reference(["services", "datastores"], noun: "service or datastore")),
            FieldSchema("strategy", .string, "How (redeploy-previous, down-migration, snapshot-restore, flag-off)."),
            FieldSchema("runbook", .string, "Where the steps are written (a URL)."),
            FieldSchema("duration", .duration, "How long the procedure takes, end to end (45m)."),
            FieldSchema("lastRehearsed", .date, "When the procedure was last rehearsed."),
        ])
}
