/// The `PolicyTest` kind: cases that pin what each rule says about a small environment.
public enum PolicyTestSchema {
    public static let testCase = ObjectSchema(
        "PolicyTestCase", "One environment fragment and the outcomes expected of rules on it.",
        fields: [
            FieldSchema("name", .string, "What the case shows.", required: true),
            FieldSchema(
                "tier", .enumeration(EnvironmentSchema.tiers), "The tier of the environment (default production)."),
            FieldSchema(
                "environment", .any, "The environment, inline: any part of an Environment file; metadata is filled in."),
            FieldSchema(
                "file", .string, "Instead of an inline environment: an Environment file, relative to the test file."),
            FieldSchema(
                "reference", .any, "For pair rules: the reference environment, inline (its tier is production)."),
            FieldSchema(
                "today", .date,
                "The run's date for the case (default: --today, PARITY_TODAY, else the clock); pin it for dated rules."),
            FieldSchema(
                "schedule", .object(SpecSchema.schedule),
                "The spec's schedule for the case (default: rehearseEvery 30d, warnWithin 14d)."),
            FieldSchema(
                "expect", .map(.any), "Per rule id: pass, skip, fail, or {fail: [item paths]}.", required: true),
        ])

    public static let root = ObjectSchema(
        "PolicyTest", "Tests of policy rules.",
        fields: [
            FieldSchema(
                "apiVersion", .enumeration(["parity/v1"]), "The file format version: parity/v1.", required: true),
            FieldSchema("kind", .enumeration(["PolicyTest"]), "PolicyTest.", required: true),
            FieldSchema("cases", .list(.object(testCase), .named(key: "name")), "The cases.", required: true),
        ])
}
