import Foundation
import ParityDiagnostics

/// A plan's sources, opened once each, when first read.
struct Readers {
    let plan: MigrationPlan
    let environment: [String: String]
    private var metrics: [String: any MetricReader] = [:]
    private var reconciliations: [String: ReconciliationResults] = [:]

    init(plan: MigrationPlan, environment: [String: String]) {
        self.plan = plan
        self.environment = environment
    }

    /// Where the source is written in the plan (nil when `--source` replaced it).
    func location(of name: String) -> SourceLocation? {
        plan.sources.first { $0.name == name }?.written
    }

    private func source(_ name: String) throws(Diagnostic) -> PlanSource {
        guard let source = plan.sources.first(where: { $0.name == name }) else {
            throw .error(.planUnknownSource, "no source '\(name)' in the plan", at: nil)
        }
        return source
    }

    /// The reader of the metric source `name`.
    mutating func metrics(_ name: String) throws(Diagnostic) -> any MetricReader {
        if let reader = metrics[name] { return reader }
        let source = try source(name)
        let reader: any MetricReader
        switch source.location {
        case .server(let text):
            guard let url = URL(string: text) else {
                throw .error(.planInvalidSource, "'\(text)' is not a URL", at: source.written)
            }
            var token: String?
            if let variable = source.bearerTokenEnv {
                guard let value = environment[variable], !value.isEmpty else {
                    throw .error(
                        .planInvalidSource,
                        "source '\(name)' reads its bearer token from $\(variable), which is not set; export it",
                        at: source.written)
                }
                token = value
            }
            reader = ServerReader(
                client: PrometheusClient(
                    baseURL: url, bearerToken: token, timeout: source.timeout, retries: source.retries))
        case .file(let path):
            guard let format = source.fileFormat else {
                throw .error(
                    .planInvalidSource,
                    "cannot tell the format of '\(path)' from its extension; add format: to source '\(name)'",
                    at: source.written)
            }
            reader = try FileReader.load(path, format: format)
        }
        metrics[name] = reader
        return reader
    }

    /// The reconciliation results of the source `name`.
    mutating func reconciliation(_ name: String) throws(Diagnostic) -> ReconciliationResults {
        if let results = reconciliations[name] { return results }
        let source = try source(name)
        guard case .file(let path) = source.location else {
            throw .error(
                .planUnknownSource, "source '\(name)' is a server; reconciliation results are read from a file",
                at: source.written)
        }
        let results = try ReconciliationResults.load(
            path, format: source.fileFormat == .reconciliationJSON ? .reconciliationJSON : .reconciliationCSV)
        reconciliations[name] = results
        return results
    }

    /// The time to judge at when none is given: a saved file's last sample, when every
    /// metric source the phase reads is a file; nil means now.
    mutating func defaultTime(for names: Set<String>, diagnostics: inout [Diagnostic]) -> Double? {
        let metricSources = plan.sources.filter { names.contains($0.name) && !$0.isReconciliation }
        guard !metricSources.isEmpty, metricSources.allSatisfy({ if case .file = $0.location { true } else { false } })
        else { return nil }
        var latest: Double?
        for source in metricSources {
            do throws(Diagnostic) {
                if let time = try metrics(source.name).latestTime { latest = max(latest ?? time, time) }
            } catch {
                // Reported when a criterion reads it.
            }
        }
        return latest
    }
}
