/// What `parity init` wrote, and what to do next.
public struct InitTextRenderer {
    public init() {}

    public func render(_ report: InitRun.Report) -> String {
        var out = "parity init: wrote \(report.written.joined(separator: ", "))\n\n"
        out += """
            Next steps:
              1. describe your environments in environments/ (`parity schema > parity.schema.json`
                 gives editors completion and checks as you type)
              2. parity check          lint, diff production -> staging, run the built-in policies
              3. pre-commit install    lint and check on every commit (.pre-commit-config.yaml)
              4. run `parity check` in CI; Parity's examples/ci/ has GitHub Actions and GitLab CI jobs

            """
        return out
    }
}
