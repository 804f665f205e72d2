/// A signed span of time in nanoseconds (about ±292 years, as cel-go's durations).
public struct CELDuration: Sendable, Hashable, Comparable {
    /// The span in nanoseconds, negative for spans backwards in time.
    public let nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// A duration of whole seconds plus nanoseconds, or a `cel.overflow` error.
    public init(seconds: Int64, nanos: Int64 = 0) throws(CELError) {
        let (scaled, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o2) = scaled.addingReportingOverflow(nanos)
        guard !o1, !o2 else { throw CELError(.overflow, "duration out of range") }
        nanoseconds = total
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Parses Go-style duration text: `90s`, `1h30m`, `-1.5h`, `250ms`, `10us`, `5ns`.
    public init(parsing text: String) throws(CELError) {
        func fail() -> CELError {
            CELError(.invalidArgument, "invalid duration '\(text)'; expected a form like 90s, 1h30m or 250ms")
        }
        func overflow() -> CELError { CELError(.overflow, "duration '\(text)' out of range") }
        var s = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        if s.count == 1, s.first == "0" {
            nanoseconds = 0
            return
        }
        guard !s.isEmpty else { throw fail() }
        var total: UInt64 = 0
        while !s.isEmpty {
            var whole: UInt64 = 0, fraction: UInt64 = 0, scale: UInt64 = 1, digits = 0
            while let c = s.first, c.isDigit {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(c.value - 48))
                guard !o1, !o2 else { throw overflow() }
                whole = a
                digits += 1
                s = s.dropFirst()
            }
            if s.first == "." {
                s = s.dropFirst()
                while let c = s.first, c.isDigit {
                    if scale < 1_000_000_000_000_000_000 {
                        fraction = fraction * 10 + UInt64(c.value - 48)
                        scale *= 10
                    }
                    digits += 1
                    s = s.dropFirst()
                }
            }
            guard digits > 0 else { throw fail() }
            var unitText = ""
            while let c = s.first, !c.isDigit, c != "." {
                unitText.unicodeScalars.append(c)
                s = s.dropFirst()
            }
            let unit: UInt64
            switch unitText {
            case "ns": unit = 1
            case "us", "\u{B5}s", "\u{3BC}s": unit = 1000
            case "ms": unit = 1_000_000
            case "s": unit = 1_000_000_000
            case "m": unit = 60_000_000_000
            case "h": unit = 3_600_000_000_000
            default: throw fail()
            }
            let (value, o1) = whole.multipliedReportingOverflow(by: unit)
            guard !o1 else { throw overflow() }
            let part = UInt64(Double(fraction) * Double(unit) / Double(scale))
            let (sum1, o2) = value.addingReportingOverflow(part)
            let (sum2, o3) = total.addingReportingOverflow(sum1)
            guard !o2, !o3 else { throw overflow() }
            total = sum2
        }
        if negative {
            guard total <= UInt64(Int64.max) + 1 else { throw overflow() }
            nanoseconds = total == UInt64(Int64.max) + 1 ? .min : -Int64(total)
        } else {
            guard total <= UInt64(Int64.max) else { throw overflow() }
            nanoseconds = Int64(total)
        }
    }

    /// Seconds with a fraction as needed and an `s` suffix (`90s`, `1.5s`), as CEL's string() gives.
    public var text: String {
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        var text = sign + String(magnitude / 1_000_000_000)
        let fraction = magnitude % 1_000_000_000
        if fraction != 0 {
            var digits = CELTimestamp.pad(Int(fraction), 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "s"
    }
}
