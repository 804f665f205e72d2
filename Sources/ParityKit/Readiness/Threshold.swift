import Foundation

/// An absolute bound on a measured value, as a runbook writes it: `< 300ms`, `<= 0.1%`.
///
/// Units convert to the base units metrics use: durations to seconds (`300ms` is 0.3),
/// percentages to ratios (`0.1%` is 0.001). A bare number is taken as written.
public struct Threshold: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case below = "<", atMost = "<=", above = ">", atLeast = ">="
    }

    public var comparison: Comparison
    public var limit: Double
    /// As written in the plan.
    public var text: String
    /// The unit the limit was written in (`ms`, `%`), empty for a bare number: values print in it.
    public var unit: String

    /// Reads `< 300ms`; nil when `text` is not a bound.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let symbol = ["<=", ">=", "<", ">"].first { trimmed.hasPrefix($0) }
        guard let symbol, let comparison = Comparison(rawValue: symbol),
              let limit = Self.quantity(String(trimmed.dropFirst(symbol.count))) else { return nil }
        self.comparison = comparison
        self.limit = limit
        self.text = trimmed
        let written = trimmed.dropFirst(symbol.count).trimmingCharacters(in: .whitespaces)
        unit = Self.units.first { written.hasSuffix($0.suffix) }?.suffix ?? ""
    }

    /// Whether `value` satisfies the bound. NaN never does.
    public func holds(for value: Double) -> Bool {
        switch comparison {
        case .below: value < limit
        case .atMost: value <= limit
        case .above: value > limit
        case .atLeast: value >= limit
        }
    }

    /// How far `value` is inside the bound (positive) or beyond it (negative).
    public func margin(for value: Double) -> Double {
        switch comparison {
        case .below, .atMost: limit - value
        case .above, .atLeast: value - limit
        }
    }

    /// `300ms`, `0.1%`, `2.5`, `1e-3` as a number in base units; nil otherwise.
    public static func quantity(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number.isFinite
            else { return nil }
            return number * scale
        }
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }

    /// The units a bound may be written in, and their size in base units (seconds, ratios).
    static let units: [(suffix: String, scale: Double)] = [
        ("ms", 0.001), ("us", 0.000_001), ("%", 0.01), ("s", 1), ("m", 60), ("h", 3600),
    ]

    /// `value` (in base units) in the unit the bound was written in: `212ms`, `0.04%`.
    public func display(_ value: Double) -> String {
        guard let scale = Self.units.first(where: { $0.suffix == unit })?.scale, value.isFinite else {
            return SampleValue.text(value)
        }
        return SampleValue.text(Double(String(format: "%.4g", value / scale)) ?? value / scale) + unit
    }

    /// A share written as a percentage (`10%` is 0.1); nil without the `%`.
    public static func percentage(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix("%"), let number = Double(text.dropLast().trimmingCharacters(in: .whitespaces)),
            number.isFinite, number >= 0
        else { return nil }
        return number / 100
    }
}
