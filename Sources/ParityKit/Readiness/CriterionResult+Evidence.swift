/// The evidence of a result as labelled lines, shared by the text and Markdown reports.
extension CriterionResult {
    /// `(label, text)` pairs: the queries, the measurements, each judgement, the rollback.
    public var evidence: [(label: String, text: String)] {
        var lines: [(String, String)] = []
        if let description { lines.append(("about", description)) }
        if let query { lines.append(("query", query)) }
        if let baselineQuery { lines.append(("baseline query", baselineQuery)) }
        let over = window.map { " over \(DurationWords.seconds(Double($0)))" } ?? " at the instant"
        if let measured { lines.append(("measured", measured.summary(over: over, display: display))) }
        if let baseline { lines.append(("baseline", baseline.summary(over: over, display: display))) }
        if status == .noData { lines.append(("no data", "\(note ?? "no data"); \(noDataMeaning)")) }
        for judgement in judgements {
            var text =
                (judgement.subject.map { "\($0): " } ?? "")
                + "\(judgement.passed ? "holds" : "fails"): \(judgement.observed); bound \(judgement.threshold)"
            if let margin = judgement.margin { text += "; margin \(margin)" }
            lines.append((judgement.kind.rawValue, text))
            if let statistic = judgement.statistic { lines.append(("statistic", statistic)) }
        }
        if let rollback, effect == .noGo { lines.append(("rollback", rollback.line)) }
        return lines
    }

    /// What no data means for this criterion, in words.
    public var noDataMeaning: String {
        switch noData {
        case .fail:
            role == .success ? "counts as a failure (noData: fail)" : "counts as a failure, which pauses (noData: fail)"
        case .pause: "pauses (noData: pause)"
        case .pass: "counts as passing (noData: pass)"
        }
    }

    /// A value in the unit of the criterion's absolute bound, if it has one.
    func display(_ value: Double) -> String {
        let unit = judgements.first { $0.kind == .absolute }?.threshold
        return unit.flatMap(Threshold.init).map { $0.display(value) } ?? SampleValue.text(value)
    }

    /// `PASS`, `FAIL`, `PAUSE`, `NO DATA`: the mark a report shows.
    public var mark: String {
        switch (status, effect) {
        case (.passed, _): "PASS"
        case (.noData, .none): "NO DATA (pass)"
        case (.noData, _): "NO DATA"
        case (.failed, .noGo): "FAIL"
        case (.failed, _): "PAUSE"
        }
    }
}

extension Measurement {
    /// `212ms, the mean of 30 samples over 30m (1 series)`.
    func summary(over: String, display: (Double) -> String) -> String {
        guard let value else {
            return series == 0 ? "no series" : "no numeric samples (\(nanSamples) NaN, \(series) series)"
        }
        var text = "\(display(value)) from \(samples) sample\(samples == 1 ? "" : "s")\(over), \(series) series"
        if nanSamples > 0 { text += ", \(nanSamples) NaN sample\(nanSamples == 1 ? "" : "s") left out" }
        return text
    }
}

extension RollbackCall {
    /// `checkout-release-rollback (redeploy-previous, 10m): https://runbooks...`.
    public var line: String {
        let details = [strategy, duration].compactMap { $0 }
        return name + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            + (runbook.map { ": \($0)" } ?? "")
    }
}
