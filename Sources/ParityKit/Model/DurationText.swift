/// Durations as environment files write them: `90d`, `12h`, `30m`, `45s`, or combinations
/// such as `1h30m`, largest unit first.
public enum DurationText {
    /// The length of `text` in seconds; nil when it is not a duration.
    public static func seconds(_ text: String) -> Int? {
        var total = 0
        var number: Int?
        var lastUnit = Int.max
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                guard !o1, !o2 else { return nil }
                number = sum
                continue
            }
            let unit: Int
            switch character {
            case "w": unit = 604_800
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Each unit once, largest first, so `30m1h` is refused rather than guessed at.
            guard let value = number, unit < lastUnit else { return nil }
            let (part, o1) = value.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(part)
            guard !o1, !o2 else { return nil }
            total = sum
            number = nil
            lastUnit = unit
        }
        guard number == nil, lastUnit != .max else { return nil }
        return total
    }
}
