/// The `ParitySpec` kind (`parity.yaml`): where things live, which environment mirrors
/// which, what may differ and why, what is waived, and what fails the run.
public enum SpecSchema {
    public static let variance = ObjectSchema(
        "Variance", "An intentional difference between the pair, always with a reason.",
        fields: [
            FieldSchema(
                "path", .string, "The path it applies to, wildcards allowed: `services[*].replicas`.", required: true),
            FieldSchema(
                "rule", .enumeration(Variance.Rule.Kind.allCases.map(\.rawValue)),
                "A named rule: ignore, fewer (numbers or lists, with optional minimum or ratio), subset, superset, differ (the mirror must not equal the reference), pattern."
            ),
            FieldSchema("minimum", .double, "For `fewer`: the least the mirror may have."),
            FieldSchema(
                "ratio", .double, "For `fewer`: the least share of the reference the mirror may have (0.5 is half)."),
            FieldSchema("pattern", .string, "For `pattern`: a regular expression (RE2) the mirror's value must match."),
            FieldSchema(
                "cel", .string, "Instead of a rule: a CEL predicate over `reference` and `mirror` that must be true."),
            FieldSchema("reason", .string, "Why the difference is intended.", required: true),
        ])

    public static let pair = ObjectSchema(
        "Pair", "An environment and the one that must mirror it.",
        fields: [
            FieldSchema("reference", .string, "The environment mirrored, by name (production).", required: true),
            FieldSchema("mirror", .string, "The environment that must mirror it, by name (staging).", required: true),
            FieldSchema("allow", .list(.object(variance), .ordered), "The differences this pair allows."),
        ])

    public static let waiver = ObjectSchema(
        "Waiver", "An accepted gap or finding: owned, ticketed, expiring.",
        fields: [
            FieldSchema("gap", .string, "The gap's path, wildcards allowed: `services[legacy-batch]`."),
            FieldSchema("rule", .string, "For a policy finding: the rule's id."),
            FieldSchema("target", .string, "For a policy finding: the item's path (default: every item)."),
            FieldSchema(
                "environment", .string, "For a policy finding: only in this environment (default: every environment)."),
            FieldSchema(
                "pair", .string, "For a gap: only in this pair, written REFERENCE:MIRROR (default: every pair)."),
            FieldSchema("mirror", .string, "For a gap: only in pairs with this mirror (default: every pair)."),
            FieldSchema("reason", .string, "Why it is accepted for now.", required: true),
            FieldSchema("owner", .string, "Who answers for it.", required: true),
            FieldSchema("ticket", .string, "The ticket tracking the fix."),
            FieldSchema("expires", .date, "The last day it waives (YYYY-MM-DD).", required: true),
        ])

    public static let schedule = ObjectSchema(
        "Schedule", "How often things with a date must happen, and how far ahead a run warns.",
        fields: [
            FieldSchema(
                "rehearseEvery", .duration,
                "The longest a rollback procedure may go unrehearsed (default 30d); rules read it as schedule.rehearseEvery."
            ),
            FieldSchema(
                "warnWithin", .duration,
                "How far ahead credentials and waivers falling due are warned about (default 14d)."),
        ])

    public static let gate = ObjectSchema(
        "Gate", "What fails the run.",
        fields: [
            FieldSchema(
                "failOn", .enumeration(GateDecision.Level.allCases.map(\.rawValue)),
                "The lowest severity that fails the run (default: error)."),
            FieldSchema("minimumScore", .double, "The least parity score (0 to 1) each pair must reach."),
            FieldSchema("maxWarnings", .int, "The most warnings allowed before the run fails."),
            FieldSchema(
                "cycles", .enumeration(ParitySpec.CyclePolicy.allCases.map(\.rawValue)),
                "What a dependency cycle in an environment does: warn (the default), fail the run, or ignore it."),
            FieldSchema(
                "readiness", .list(.object(readiness), .ordered),
                "Migration plans whose phase joins the gate: a NO-GO or a PAUSE fails the run, as parity ready would."),
        ])

    public static let readiness = ObjectSchema(
        "ReadinessGate", "A migration plan's phase judged as part of parity check.",
        fields: [
            FieldSchema("plan", .string, "The MigrationPlan file, relative to parity.yaml.", required: true),
            FieldSchema("phase", .string, "The phase to judge (default: the plan's currentPhase)."),
            FieldSchema(
                "sources", .map(.string),
                "Sources of the plan replaced by name: a URL, or a saved file relative to parity.yaml (as parity ready --source)."
            ),
        ])

    public static let identity = ObjectSchema(
        "Identity", "The fields that tell apart the items of an unnamed list.",
        fields: [
            FieldSchema(
                "path", .string, "The lists it applies to, wildcards allowed: `services[*].ports`.", required: true),
            FieldSchema(
                "fields", .list(.string, .ordered),
                "The fields identifying each item, in the order paths show them joined by / (port, protocol).",
                required: true),
        ])

    public static let disabledRule = ObjectSchema(
        "DisabledRule", "A policy rule turned off in this repository, with the reason.",
        fields: [
            FieldSchema("id", .string, "The rule's id (`parity policy list` shows them).", required: true),
            FieldSchema("reason", .string, "Why the rule does not apply here.", required: true),
        ])

    public static let rules = ObjectSchema(
        "Rules", "Which policy rules run.",
        fields: [
            FieldSchema(
                "disable", .list(.object(disabledRule), .ordered), "Rules turned off, built-in or the repository's own."
            )
        ])

    public static let spec = ObjectSchema(
        "ParitySpec", "The parity rules of an environment repository (parity.yaml).",
        fields: [
            FieldSchema(
                "apiVersion", .enumeration(["parity/v1"]), "The file format version: parity/v1.", required: true),
            FieldSchema("kind", .enumeration(["ParitySpec"]), "ParitySpec.", required: true),
            FieldSchema("environments", .string, "The folder of environment files (default: environments)."),
            FieldSchema("policies", .string, "The folder of policy files (default: policies)."),
            FieldSchema(
                "builtin", .bool,
                "Whether the built-in policy pack runs beside the repository's policies (default: true)."),
            FieldSchema("rules", .object(rules), "Which policy rules run."),
            FieldSchema("pairs", .list(.object(pair), .ordered), "Which environment mirrors which."),
            FieldSchema("waivers", .list(.object(waiver), .ordered), "Accepted gaps and findings."),
            FieldSchema(
                "identities", .list(.object(identity), .ordered),
                "Which fields identify the items of unnamed lists, over the schema's (ports by port and protocol)."),
            FieldSchema("gate", .object(gate), "What fails the run."),
            FieldSchema(
                "schedule", .object(schedule),
                "How often rollbacks are rehearsed, and how far ahead due dates are warned about."),
        ])
}
