import ParityKit

/// The command table: every command of `parity`, as help lists them.
enum Commands {
    static let root = CommandSpec(
        name: "parity",
        abstract:
            "Parity checks that staging really mirrors production: it validates environment files, reports every parity gap, and enforces guardrails.",
        options: [.flag("version", help: "print the version")],
        discussion:
            "Run 'parity COMMAND --help' for a command's options.\nExit status: 0 success, 1 findings, 2 invalid input, 64 wrong usage.",
        subcommands: [check, diff, lint, eval, export, policy, schema, ready, history, initialize, graph, importer]
    )

    static let check = CommandSpec(
        name: "check",
        abstract: "Validate every file, diff every pair, run every policy, and decide the gate.",
        options: [
            .value("config", short: "c", "FILE", help: "the ParitySpec (default: parity.yaml)"),
            .choice("format", short: "f", "F", help: "report format on stdout", of: ReportFormat.self),
            .value(
                "output", short: "o", "FORMAT=FILE",
                help:
                    "also write a report in FORMAT to FILE, atomically (a bare FILE takes the --format report instead of stdout)",
                repeatable: true),
            .value("baseline", "FILE", help: "report only findings not in this baseline"),
            .value("write-baseline", "FILE", help: "record the current findings as a baseline"),
            .choice("fail-on", "LEVEL", help: "the lowest severity that fails the run", of: GateDecision.Level.self),
            .value("link-base", "URL", help: "in html, link locations to URL/FILE#LLINE (a repository's blob URL)"),
            RunDateOption.spec,
            PairOption.spec,
            .value("rule", "ID", help: "run only this policy rule (repeatable)", repeatable: true),
            .value("skip-rule", "ID", help: "do not run this policy rule (repeatable)", repeatable: true),
        ] + TextOptions.specs + [ColorOption.spec],
        run: CheckCommand.run
    )

    static let diff = CommandSpec(
        name: "diff",
        abstract: "Show every parity gap between two environments.",
        positionals: [
            PositionalSpec(name: "REFERENCE", arity: .one, help: "the environment mirrored (name or file)"),
            PositionalSpec(name: "MIRROR", arity: .one, help: "the environment that should mirror it (name or file)"),
        ],
        options: [
            .value("format", short: "f", "F", help: "output format", choices: ["text", "json", "html"]),
            .value("link-base", "URL", help: "in html, link locations to URL/FILE#LLINE (a repository's blob URL)"),
            RunDateOption.spec,
        ] + TextOptions.specs + [ColorOption.spec],
        run: DiffCommand.run
    )

    static let lint = CommandSpec(
        name: "lint",
        abstract: "Validate environment, spec and policy files (the pre-commit hook).",
        positionals: [
            PositionalSpec(
                name: "FILE", arity: .many,
                help: "files or folders to validate (default: the repository: environments/, policies/, parity.yaml)")
        ],
        options: [
            RunDateOption.spec,
            .choice(
                "format", short: "f", "F",
                help: "how the problems are printed (text on stderr; json and github on stdout)", of: LintFormat.self),
            ColorOption.spec,
        ],
        run: LintCommand.run
    )

    static let eval = CommandSpec(
        name: "eval",
        abstract: "Evaluate a CEL expression, optionally over an environment or a YAML file.",
        positionals: [PositionalSpec(name: "EXPR", arity: .one, help: "the CEL expression")],
        options: [
            .value("env", "NAME", help: "bind the resolved environment NAME as 'env'"),
            .value("input", "FILE", help: "bind the YAML document in FILE as 'self'"),
            .value("var", "NAME=CEL", help: "bind NAME to the value of a CEL expression", repeatable: true),
            .value("format", short: "f", "F", help: "output format", choices: ["json", "cel"]),
            RunDateOption.spec,
        ],
        run: EvalCommand.run
    )

    static let history = CommandSpec(
        name: "history",
        abstract:
            "Show when each parity gap appeared and which reference change was never mirrored, from the git history.",
        options: [
            .value("since", "REV", help: "start at this commit (default: the first commit)"),
            .value("pair", "REF:MIRROR", help: "only this pair (production:staging)"),
            .value("format", short: "f", "F", help: "output format", choices: ["text", "json", "html"]),
            .value("link-base", "URL", help: "in html, link locations to URL/FILE#LLINE (a repository's blob URL)"),
            RunDateOption.spec,
        ],
        discussion: "Reads each commit from git's objects; never checks out or writes to the repository.",
        run: HistoryCommand.run
    )

    static let policy = CommandSpec(
        name: "policy",
        abstract: "Test, list and explain policy rules.",
        subcommands: [policyTest, policyList, policyExplain]
    )

    static let schema = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema of the file formats (for editors), or of the check report.",
        options: [.flag("report", help: "the JSON Schema of 'parity check --format json' instead")],
        run: SchemaCommand.run
    )

    static let ready = CommandSpec(
        name: "ready",
        abstract: "Judge a migration phase on real metrics: GO, NO-GO (with the rollback it calls for) or PAUSE.",
        positionals: [PositionalSpec(name: "PLAN", arity: .one, help: "the MigrationPlan file")],
        options: [
            .value("phase", "NAME", help: "the phase to judge (default: the plan's currentPhase)"),
            .value(
                "source", "NAME=URL|FILE", help: "replace the plan's source NAME with a Prometheus URL or a saved file",
                repeatable: true),
            .value(
                "at", "TIME",
                help: "judge at TIME (RFC 3339 or epoch seconds; default: now, or a saved file's last sample)"),
            .choice("format", short: "f", "F", help: "report format", of: ReportFormat.self),
            .value("output", short: "o", "FILE", help: "write the report to FILE (atomically)"),
        ],
        discussion: "Exit status: 0 GO, 1 NO-GO or PAUSE, 2 invalid input or a source that cannot answer.",
        run: ReadyCommand.run
    )

    static let initialize = CommandSpec(
        name: "init",
        abstract: "Scaffold parity.yaml, environments/ and a pre-commit config in the current directory.",
        discussion:
            "Writes nothing when any of the files exists. The built-in policies run without a policies/ folder.",
        run: InitCommand.run
    )
}
