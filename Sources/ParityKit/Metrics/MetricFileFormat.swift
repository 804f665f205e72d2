import Foundation

/// The formats of saved files a plan's sources may name.
public enum MetricFileFormat: String, Sendable, CaseIterable {
    /// Prometheus text exposition format (timestamps in milliseconds).
    case prometheusText = "prometheus-text"
    /// OpenMetrics text (timestamps in seconds, ends with `# EOF`).
    case openMetrics = "openmetrics"
    /// What `/api/v1/query` or `/api/v1/query_range` answers, or a JSON array of such answers.
    case prometheusJSON = "prometheus-json"
    /// Reconciliation results as CSV: `table,source,target,difference,status`.
    case reconciliationCSV = "reconciliation-csv"
    /// Reconciliation results as a JSON array of objects with the same fields.
    case reconciliationJSON = "reconciliation-json"

    /// The format a file's extension implies: `.prom`/`.txt`, `.om`, `.json`, `.csv`.
    public static func inferred(from path: String) -> MetricFileFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "prom", "txt": .prometheusText
        case "om", "openmetrics": .openMetrics
        case "json": .prometheusJSON
        case "csv": .reconciliationCSV
        default: nil
        }
    }

    /// Whether the file holds reconciliation results rather than metrics.
    public var isReconciliation: Bool { self == .reconciliationCSV || self == .reconciliationJSON }
}

extension PlanSource {
    /// The file's format, as written or implied by its extension; nil for a server.
    public var fileFormat: MetricFileFormat? {
        guard case .file(let path) = location else { return nil }
        return format ?? MetricFileFormat.inferred(from: path)
    }

    /// Whether the source holds reconciliation results.
    public var isReconciliation: Bool { fileFormat?.isReconciliation ?? false }
}
