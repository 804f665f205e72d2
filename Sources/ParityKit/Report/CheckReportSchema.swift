/// The JSON Schema (draft 2020-12) of `parity check --format json`, published by
/// `parity schema --report` so scripts can rely on the report. Fields may be added within a
/// version; none changes meaning. Closed where the report is: an unknown field fails.
public enum CheckReportSchema {
    public static let id = "https://parity.dev/schema/check-report-v\(CheckJSONRenderer.version).json"

    public static func schema() -> JSONValue {
        .object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(id)),
            ("title", .string("parity check --format json, version \(CheckJSONRenderer.version)")),
            (
                "description",
                "What parity check found: the verdict, each pair's diff, the policy findings and the input diagnostics. Secret values are \"<redacted>\"."
            ),
            ("type", "object"),
            (
                "required",
                strings(["version", "verdict", "reasons", "failOn", "environments", "pairs", "findings", "diagnostics"])
            ),
            ("additionalProperties", false),
            (
                "properties",
                .object([
                    (
                        "version",
                        .object([
                            ("const", .int(CheckJSONRenderer.version)), ("description", "The report's format version."),
                        ])
                    ),
                    (
                        "verdict",
                        .object([
                            ("enum", strings(Verdict.allCases.map(\.rawValue))),
                            ("description", "go, no-go, or invalid (input errors)."),
                        ])
                    ),
                    (
                        "reasons",
                        .object([
                            ("type", "array"), ("items", string),
                            ("description", "One line per reason the gate failed."),
                        ])
                    ),
                    ("failOn", .object([("enum", strings(GateDecision.Level.allCases.map(\.rawValue)))])),
                    ("environments", .object([("type", "array"), ("items", string)])),
                    ("pairs", .object([("type", "array"), ("items", ref("pair"))])),
                    ("findings", .object([("type", "array"), ("items", ref("finding"))])),
                    ("diagnostics", .object([("type", "array"), ("items", ref("diagnostic"))])),
                    (
                        "readiness",
                        .object([
                            ("type", "array"), ("items", .object([("type", "object")])),
                            (
                                "description",
                                "Present when parity.yaml's gate judges migration phases: each as parity ready --format json writes it."
                            ),
                        ])
                    ),
                ])
            ),
            (
                "$defs",
                .object([
                    ("pair", pair), ("section", section), ("gap", gap), ("side", side), ("finding", finding),
                    ("diagnostic", diagnostic),
                ])
            ),
        ])
    }

    private static let string: JSONValue = .object([("type", "string")])
    private static let integer: JSONValue = .object([("type", "integer"), ("minimum", 0)])
    private static let share: JSONValue = .object([("type", "number"), ("minimum", 0), ("maximum", 1)])
    private static let optionalString: JSONValue = .object([("type", .array(["string", "null"]))])
    /// `file:line:col`, or a file alone.
    private static let location: JSONValue = .object([
        ("type", .array(["string", "null"])), ("description", "file:line:col, or a whole file."),
    ])

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
    private static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    private static func object(_ required: [String], _ properties: [(String, JSONValue)], description: String)
        -> JSONValue
    {
        .object([
            ("type", "object"), ("description", .string(description)), ("required", strings(required)),
            ("additionalProperties", false), ("properties", .object(properties)),
        ])
    }

    private static let pair = object(
        ["version", "reference", "mirror", "score", "summary", "sections", "gaps", "diagnostics"],
        [
            ("version", .object([("const", .int(DiffJSONRenderer.version))])),
            ("reference", string), ("mirror", string), ("score", share),
            (
                "summary",
                object(
                    ["differences", "failing", "allowed", "waived"],
                    [
                        ("differences", integer), ("failing", integer), ("allowed", integer), ("waived", integer),
                    ], description: "Counts of the pair's differences, whatever their status, and by status.")
            ),
            ("sections", .object([("type", "array"), ("items", ref("section"))])),
            ("gaps", .object([("type", "array"), ("items", ref("gap"))])),
            ("diagnostics", .object([("type", "array"), ("items", ref("diagnostic"))])),
        ], description: "One pair's diff, as parity diff --format json writes it.")

    private static let section = object(
        ["name", "attributes", "failing", "score"],
        [
            ("name", string), ("attributes", integer), ("failing", integer), ("score", share),
        ], description: "A section's share of compared attributes that match or vary as allowed.")

    private static let gap = object(
        ["kind", "path", "section", "status"],
        [
            ("kind", .object([("enum", strings(["missing", "extra", "changed", "violated", "missing-edge"]))])),
            ("path", string), ("section", string),
            (
                "edges",
                .object([
                    ("type", "array"), ("items", edge),
                    ("description", "For a missing-edge gap: the reference's edges the mirror lacks."),
                ])
            ),
            ("status", .object([("enum", strings(["failing", "allowed", "waived", "baselined"]))])),
            ("explanation", string),
            ("reference", ref("side")), ("mirror", ref("side")),
            (
                "variance",
                object(
                    ["rule", "reason"], [("rule", string), ("reason", string)],
                    description: "The allowed variance that accepts the gap.")
            ),
            ("waiver", waiver),
        ], description: "One difference between the reference and its mirror.")

    private static let edge = object(
        ["from", "to", "field", "inferred"],
        [
            ("from", string), ("to", string), ("field", string), ("inferred", .object([("type", "boolean")])),
            ("evidence", string), ("location", location),
        ], description: "An edge of the dependency graph: the item naming, the item named (kind:name), and the field.")

    private static let waiver = object(
        ["owner", "ticket", "expires", "reason", "expired"],
        [
            ("owner", string), ("ticket", optionalString), ("expires", string), ("reason", string),
            (
                "pairs",
                .object([
                    ("type", "string"),
                    ("description", "For a gap waiver: the pairs it is for ('every pair', or 'reference -> mirror')."),
                ])
            ),
            (
                "expired",
                .object([
                    ("type", "boolean"),
                    ("description", "The waiver ran out: the item fails again, and this is the waiver it had."),
                ])
            ),
        ], description: "The waiver that accepts the item, or that accepted it until it expired.")

    private static let side = object(
        ["value", "location"],
        [
            (
                "value",
                .object([
                    (
                        "description",
                        "The value on this side (any JSON; null where the item is missing), \"<redacted>\" for secrets."
                    )
                ])
            ),
            ("location", location),
        ], description: "One side of a gap.")

    private static let finding = object(
        ["rule", "title", "severity", "message", "environment", "item", "location", "status", "fingerprint"],
        [
            ("rule", string), ("title", string),
            ("severity", .object([("enum", strings(Finding.Severity.allCases.map(\.rawValue)))])),
            ("message", string),
            (
                "environment",
                .object([("type", "string"), ("description", "The environment, or the pair as 'reference -> mirror'.")])
            ),
            (
                "item",
                .object([
                    ("type", "string"), ("description", "The item's model path; empty for the whole environment."),
                ])
            ),
            ("location", location),
            (
                "status",
                .object([
                    ("enum", strings(["active", "error", "waived", "baselined"])),
                    ("description", "error: the rule could not be evaluated."),
                ])
            ),
            (
                "fingerprint",
                .object([
                    ("type", "string"),
                    ("description", "rule|environment|item: the identity baselines record, never a line."),
                ])
            ),
            ("waiver", waiver),
        ], description: "A policy rule's verdict on one item.")

    private static let diagnostic = object(
        ["severity", "code", "message", "location"],
        [
            ("severity", .object([("enum", strings(["error", "warning", "note"]))])),
            ("code", string), ("message", string), ("location", location),
        ], description: "An input problem.")
}
