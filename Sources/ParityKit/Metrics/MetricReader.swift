import Foundation
public import ParityDiagnostics

/// Answers a criterion's query: the samples of a window ending at a time, or of one instant.
public protocol MetricReader: Sendable {
    /// The series the query selects; each holds the samples in (at - window, at], or its
    /// value at `at` when `window` is nil.
    func read(_ query: String, at time: Double, window: Int?, step: Int) throws(MetricReadFailure) -> [Series]
    /// The latest time the source has data for, when it is a saved file.
    var latestTime: Double? { get }
}

/// Why a source could not answer.
public struct MetricReadFailure: Error, Sendable {
    public var code: Diagnostic.Code
    public var message: String

    public init(_ code: Diagnostic.Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A Prometheus server as a reader.
public struct ServerReader: MetricReader {
    public var client: PrometheusClient
    public var latestTime: Double? { nil }

    public init(client: PrometheusClient) {
        self.client = client
    }

    public func read(_ query: String, at time: Double, window: Int?, step: Int) throws(MetricReadFailure) -> [Series] {
        do throws(QueryResponse.Failure) {
            if let window {
                // The range's first point sits one step after the window's start: (at - window, at].
                let start = time - Double(window) + Double(min(step, window))
                return try client.queryRange(query, start: start, end: time, step: step)
            }
            return try client.query(query, at: time)
        } catch {
            throw MetricReadFailure(.readySourceFailed, "\(client.baseURL.absoluteString): \(error.message)")
        }
    }
}

/// Saved series as a reader: it answers series selectors, over its samples' timestamps.
public struct FileReader: MetricReader {
    public var series: [Series]
    public var file: String
    /// How far back an instant looks for a sample, as Prometheus' default lookback.
    public static let lookback = 300.0

    public init(series: [Series], file: String) {
        self.series = series
        self.file = file
    }

    /// The series of a saved metrics file, or the diagnostic that says where it does not read.
    public static func load(_ path: String, format: MetricFileFormat) throws(Diagnostic) -> FileReader {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error(.readyInvalidFile, "cannot read '\(path)'; check the source's file", at: .file(path))
        }
        switch format {
        case .prometheusJSON:
            do throws(QueryResponse.Failure) {
                return FileReader(series: try QueryResponse.series(from: data), file: path)
            } catch {
                throw .error(
                    .readyInvalidFile, "'\(path)' is not a saved query answer: \(error.message)", at: .file(path))
            }
        case .prometheusText, .openMetrics:
            let text = String(decoding: data, as: UTF8.self)
            return FileReader(
                series: try ExpositionParser(openMetrics: format == .openMetrics).parse(text, file: path), file: path)
        case .reconciliationCSV, .reconciliationJSON:
            throw .error(.readyInvalidFile, "'\(path)' holds reconciliation results, not metrics", at: .file(path))
        }
    }

    public var latestTime: Double? {
        series.flatMap(\.samples).compactMap(\.time).max()
    }

    public func read(_ query: String, at time: Double, window: Int?, step: Int) throws(MetricReadFailure) -> [Series] {
        guard let selector = SeriesSelector(query) else {
            throw MetricReadFailure(
                .readyOfflineQuery,
                "'\(file)' is a saved file and answers series selectors only, not '\(query)'; record the expression as a series (a recording rule) or judge it on the server"
            )
        }
        return series.filter { selector.matches($0.labels) }.compactMap { found in
            var kept = found
            if let window {
                kept.samples = found.samples.filter { sample in
                    sample.time.map { $0 > time - Double(window) && $0 <= time } ?? true
                }
            } else {
                // An instant: the latest sample at or before the time, within the lookback.
                let candidates = found.samples.filter { sample in
                    sample.time.map { $0 <= time && $0 > time - Self.lookback } ?? true
                }
                kept.samples = candidates.max { ($0.time ?? time) < ($1.time ?? time) }.map { [$0] } ?? []
            }
            return kept.samples.isEmpty ? nil : kept
        }
    }
}
