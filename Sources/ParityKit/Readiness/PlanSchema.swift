/// The `MigrationPlan` kind: the environments a migration compares, where its metrics come
/// from, and its phases, each with entry, success and pause criteria.
public enum PlanSchema {
    static let failsOn = SchemaType.enumeration(["increase", "decrease", "either"])

    public static let metadata = ObjectSchema(
        "PlanMetadata", "Who owns the migration and what it changes.",
        fields: [
            FieldSchema("name", .string, "The plan's name.", required: true),
            FieldSchema("owner", .string, "The team that answers for the migration."),
            FieldSchema("description", .string, "What the migration changes, in a sentence."),
        ])

    public static let source = ObjectSchema(
        "MetricSource", "Where measurements come from: a Prometheus server or a saved file.",
        fields: [
            FieldSchema(
                "name", .string, "The source's name, which criteria and `--source NAME=...` use.", required: true),
            FieldSchema("url", .string, "A Prometheus server's base URL (http or https)."),
            FieldSchema(
                "file", .string,
                "A saved file, relative to the plan: Prometheus text format (.prom), OpenMetrics (.om), the query API's JSON (.json), or reconciliation results (.csv, or .json with format)."
            ),
            FieldSchema(
                "format", .enumeration(MetricFileFormat.allCases.map(\.rawValue)),
                "The file's format, when its extension does not say."),
            FieldSchema("bearerTokenEnv", .string, "The environment variable holding a bearer token for the server."),
            FieldSchema("timeout", .duration, "How long one request may take (default 10s)."),
            FieldSchema(
                "retries", .int, "How many times a failed request is retried, with backoff (default 2).", minimum: 0,
                maximum: 10),
        ])

    public static let relative = ObjectSchema(
        "RelativeJudgement", "Judged against the baseline environment's value over the same window.",
        fields: [
            FieldSchema(
                "tolerance", .string, "How far the rehearsal may move from the baseline, in percent (`10%`).",
                required: true),
            FieldSchema(
                "failsOn", failsOn, "The change that fails: increase (default), decrease, or either.", required: false),
        ])

    public static let statistical = ObjectSchema(
        "StatisticalJudgement",
        "The rehearsal's samples against the baseline's: Mann-Whitney U with an effect size (Cliff's delta).",
        fields: [
            FieldSchema("test", .enumeration(["mann-whitney-u"]), "The test: mann-whitney-u."),
            FieldSchema("alpha", .double, "The significance level (default 0.05).", minimum: 0, maximum: 1),
            FieldSchema(
                "minEffect", .double, "The least effect size (Cliff's delta, 0 to 1) that fails (default 0.33).",
                minimum: 0, maximum: 1),
            FieldSchema("failsOn", failsOn, "The shift that fails: increase (default), decrease, or either."),
        ])

    public static let reconciliation = ObjectSchema(
        "ReconciliationJudgement",
        "Data reconciliation: per-table results (table, source, target, difference, status) compared with a threshold.",
        fields: [
            FieldSchema("source", .string, "The source holding the results file.", required: true),
            FieldSchema(
                "tables", .list(.string, .set), "The tables that must be present and reconciled.", required: true),
            FieldSchema(
                "tolerance", .string, "The largest difference allowed, as a percent of the source value (default `0%`)."
            ),
            FieldSchema("maxDifference", .double, "The largest absolute difference allowed (rows, say).", minimum: 0),
        ])

    public static let criterion = ObjectSchema(
        "Criterion", "One thing that must hold, the evidence it is judged on, and what its failure invokes.",
        fields: [
            FieldSchema("name", .string, "The criterion's name, unique in its phase.", required: true),
            FieldSchema("description", .string, "What it protects, in a sentence."),
            FieldSchema("source", .string, "The metric source (default: the plan's only server or metrics file)."),
            FieldSchema(
                "query", .string,
                "A PromQL template; `{{ environment }}` and `{{ service }}` (or `{{ datastore }}`, `{{ name }}`) are filled in."
            ),
            FieldSchema(
                "for", .enumeration(["services", "datastores"]), "Apply to each item of the rehearsal's topology."),
            FieldSchema(
                "when", .string, "A CEL filter over `self` (the item) and `env`: which items the criterion applies to."),
            FieldSchema(
                "window", .duration,
                "The window the samples are taken over, ending at the evaluation time; without it, one instant."),
            FieldSchema("step", .duration, "The spacing of samples in the window (default 1m)."),
            FieldSchema(
                "aggregate", .enumeration(MetricAggregate.allCases.map(\.rawValue)),
                "How the samples become one value: mean (default), max, min, last."),
            FieldSchema("absolute", .string, "A bound on the value: `< 300ms`, `<= 0.1%`, `>= 99.9%`."),
            FieldSchema("relative", .object(relative), "A bound relative to the baseline environment's value."),
            FieldSchema(
                "statistical", .object(statistical),
                "A statistical comparison with the baseline's samples (never alone)."),
            FieldSchema("reconciliation", .object(reconciliation), "A data-reconciliation check instead of a query."),
            FieldSchema(
                "noData", .enumeration(["fail", "pause", "pass"]),
                "What no data, or fewer samples than minSamples, means (default pause)."),
            FieldSchema(
                "minSamples", .int, "The fewest samples the judgement needs, on each side (default 1).", minimum: 1),
            FieldSchema(
                "rollback", .string, "The rollback procedure of the rehearsal environment its failure invokes."),
        ])

    public static let phase = ObjectSchema(
        "Phase", "A step of the migration and its criteria.",
        fields: [
            FieldSchema(
                "name", .string, "The phase's name (prep, migration, validation, cutover, or the plan's own).",
                required: true),
            FieldSchema("description", .string, "What happens in the phase."),
            FieldSchema(
                "entry", .list(.object(criterion), .named(key: "name")),
                "What must hold before the phase starts; a failure pauses."),
            FieldSchema(
                "success", .list(.object(criterion), .named(key: "name")),
                "What must hold for the phase to pass; a failure is a no-go and invokes its rollback."),
            FieldSchema(
                "pause", .list(.object(criterion), .named(key: "name")),
                "What must keep holding during the phase; a failure pauses."),
        ])

    public static let root = ObjectSchema(
        "MigrationPlan", "A migration's phases and the go / no-go / pause criteria of each.",
        fields: [
            FieldSchema(
                "apiVersion", .enumeration(["parity/v1"]), "The file format version: parity/v1.", required: true),
            FieldSchema("kind", .enumeration(["MigrationPlan"]), "MigrationPlan.", required: true),
            FieldSchema("metadata", .object(metadata), "The plan's name and owner.", required: true),
            FieldSchema("baseline", .string, "The reference environment, by name (production).", required: true),
            FieldSchema(
                "rehearsal", .string, "The environment the migration is rehearsed on, by name (staging).",
                required: true),
            FieldSchema(
                "currentPhase", .string, "The phase the migration is in now: `parity ready` judges it by default."),
            FieldSchema(
                "sources", .list(.object(source), .named(key: "name")), "Where measurements come from.", required: true),
            FieldSchema("phases", .list(.object(phase), .named(key: "name")), "The phases, in order.", required: true),
        ])
}
