extension EnvironmentSchema {
    /// The kinds of datastore.
    public static let datastoreKinds = ["database", "cache", "queue", "object-store"]

    /// A database, cache, queue or object store.
    public static let datastore = ObjectSchema(
        "Datastore", "A database, cache, queue or object store, and how its data is protected.",
        fields: [
            FieldSchema("name", .string, "The datastore's name, unique in the environment.", required: true),
            FieldSchema("description", .string, "What the datastore holds, in a sentence."),
            FieldSchema(
                "kind", .enumeration(datastoreKinds), "What it is: database, cache, queue or object-store.",
                required: true),
            FieldSchema(
                "engine", .string, "The engine or managed service (postgres, redis, kafka, sqs, s3).", required: true),
            FieldSchema("version", .string, "The engine version, as written (15.4 stays 15.4)."),
            FieldSchema("instanceType", .string, "The machine size (db.r6g.xlarge)."),
            FieldSchema("replicas", .int, "How many replicas serve reads or fail over.", minimum: 0),
            FieldSchema(
                "regions", .list(.string, .set), "The regions holding the data; each declared under 'regions'.",
                references: regionReference),
            FieldSchema("encryption", .object(encryption), "Encryption at rest and in transit."),
            FieldSchema("backups", .object(backups), "How the data is backed up."),
            FieldSchema("schemaVersion", .string, "The version of the data's schema (the last migration applied)."),
            FieldSchema(
                "schemaChanged", .date,
                "The day the schema last changed (the last migration was applied); a rollback rehearsed before it proves the old schema's way back."
            ),
            FieldSchema("data", .object(dataOrigin), "Where the data comes from and how personal data is masked."),
            FieldSchema("labels", .map(.string), "The labels the platform attaches to the datastore (app: orders-db)."),
            ingressField,
        ])

    /// Encryption of a datastore.
    public static let encryption = ObjectSchema(
        "Encryption", "How a datastore's data is encrypted.",
        fields: [
            FieldSchema("atRest", .bool, "Whether stored data is encrypted."),
            FieldSchema("keyRef", .string, "The key that encrypts stored data (a KMS key ARN or alias)."),
            FieldSchema("inTransit", .bool, "Whether connections to the datastore use TLS."),
        ])

    /// Backups of a datastore.
    public static let backups = ObjectSchema(
        "Backups", "How a datastore is backed up.",
        fields: [
            FieldSchema("enabled", .bool, "Whether backups are taken."),
            FieldSchema("schedule", .string, "When backups run, as a cron expression."),
            FieldSchema("retention", .duration, "How long backups are kept (35d)."),
            FieldSchema("pointInTime", .bool, "Whether point-in-time recovery is on."),
            FieldSchema("crossRegion", .bool, "Whether backups are copied to another region."),
        ])

    /// Where the data comes from.
    public static let dataSources = ["live", "masked-snapshot", "synthetic"]

    /// The origin of a datastore's data.
    public static let dataOrigin = ObjectSchema(
        "DataOrigin", "Where a datastore's data comes from and how personal data is masked.",
        fields: [
            FieldSchema(
                "source", .enumeration(dataSources),
                "Where the data comes from: live (real customer data), masked-snapshot (a copy with PII masked) or synthetic (generated).",
                required: true),
            FieldSchema("snapshotOf", .string, "The environment a snapshot was taken from."),
            FieldSchema("refreshed", .date, "When the data was last refreshed."),
            FieldSchema(
                "pii", .list(.object(piiField), .named(key: "name")),
                "The fields holding personal data, and how each is masked."),
        ])

    /// The ways personal data can be masked.
    public static let maskings = ["none", "redact", "hash", "tokenize", "fake", "truncate"]

    /// A field holding personal data.
    public static let piiField = ObjectSchema(
        "PIIField", "A field holding personal data.",
        fields: [
            FieldSchema("name", .string, "The field, as table.column or key path (customers.email).", required: true),
            FieldSchema(
                "masking", .enumeration(maskings),
                "How the field is masked outside production: none, redact, hash, tokenize, fake or truncate.",
                required: true),
        ])
}
