import Foundation

/// A time series: its labels (the metric name as `__name__`) and its samples.
public struct Series: Sendable, Equatable {
    /// One measurement; `time` in seconds since the epoch, nil when the file gave none.
    public struct Sample: Sendable, Equatable {
        public var time: Double?
        public var value: Double

        public init(time: Double?, value: Double) {
            self.time = time
            self.value = value
        }

        public static func == (a: Sample, b: Sample) -> Bool {
            a.time == b.time && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
        }
    }

    public var labels: [String: String]
    public var samples: [Sample]

    public init(labels: [String: String], samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }

    /// `name{a="1", b="2"}`, labels sorted.
    public var description: String {
        let name = labels["__name__"] ?? ""
        let rest = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
        return name + (rest.isEmpty ? "" : "{\(rest.joined(separator: ", "))}")
    }
}

/// Prometheus' spelling of sample values: numbers, `NaN`, `+Inf`, `-Inf`.
public enum SampleValue {
    /// The value `text` spells; nil when it is not a number.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        switch text {
        case "NaN", "nan": return .nan
        case "+Inf", "Inf", "+inf", "inf": return .infinity
        case "-Inf", "-inf": return -.infinity
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else {
                return nil
            }
            return Double(String(text))
        }
    }

    /// `0.25`, `NaN`, `+Inf`: how reports print a value.
    public static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.6g", value)
        if text.contains("e") { return text }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
