/// The `Policy` kind: guardrail rules written in CEL.
public enum PolicySchema {
    public static let severities = ["error", "warning", "info"]

    public static let variable = ObjectSchema(
        "Variable", "A value a rule computes once per environment (or pair), before its items are checked.",
        fields: [
            FieldSchema("name", .string, "How the rule reads it: variables.NAME.", required: true),
            FieldSchema(
                "expression", .string, "CEL over env (or reference and mirror for pair rules); not self.",
                required: true),
        ])

    public static let rule = ObjectSchema(
        "Rule", "One guardrail: what it checks, how, and what to do when it fails.",
        fields: [
            FieldSchema(
                "id", .string, "A stable identifier, dotted (encryption.at-rest); waivers and baselines name it.",
                required: true),
            FieldSchema("title", .string, "What the rule requires, in a sentence.", required: true),
            FieldSchema("severity", .enumeration(severities), "error, warning or info.", required: true),
            FieldSchema(
                "for", .string,
                "What each check is about: a collection (services, datastores, networkRules, roles, bindings, credentials, featureFlags, externals, ...), a path with [*], environment, or pair.",
                required: true),
            FieldSchema(
                "tiers", .list(.enumeration(EnvironmentSchema.tiers), .set),
                "Only environments of these tiers (for pair rules: the mirror's tier)."),
            FieldSchema(
                "variables", .list(.object(variable), .named(key: "name")),
                "Values computed once per environment or pair, as variables.NAME: what every item is checked against (a list of names to look things up in)."
            ),
            FieldSchema("when", .string, "A CEL filter: the item is checked only when it is true."),
            FieldSchema(
                "assert", .string,
                "A CEL expression that must be true. `self` is the item, `env` the environment; pair rules see `reference` and `mirror`.",
                required: true),
            FieldSchema(
                "message", .string, "What a finding says; {{ expr }} interpolates a CEL expression.", required: true),
            FieldSchema("rationale", .string, "Why the rule exists."),
            FieldSchema("fix", .string, "How to make the finding go away."),
            FieldSchema(
                "tags", .list(.string, .set),
                "Labels for reports; security marks a guardrail of security (code scanning rates it by severity)."),
        ])

    public static let metadata = ObjectSchema(
        "PolicyMetadata", "The identity of a policy file.",
        fields: [
            FieldSchema("name", .string, "The policy's name.", required: true),
            FieldSchema("description", .string, "What the policy guards, in a sentence."),
        ])

    public static let root = ObjectSchema(
        "Policy", "A set of guardrail rules.",
        fields: [
            FieldSchema(
                "apiVersion", .enumeration(["parity/v1"]), "The file format version: parity/v1.", required: true),
            FieldSchema("kind", .enumeration(["Policy"]), "Policy.", required: true),
            FieldSchema("metadata", .object(metadata), "Who and what this policy is.", required: true),
            FieldSchema("rules", .list(.object(rule), .named(key: "id")), "The rules.", required: true),
        ])
}
