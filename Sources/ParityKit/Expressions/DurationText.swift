/// Durations as environment files write them: `90d`, `12h`, `1h30m`, `45s`, `2w`.
public enum DurationText {
    /// The number of seconds `text` stands for, or nil when it is not a duration.
    public static func seconds(_ text: String) -> Int? {
        var total = 0
        var number = 0
        var digits = 0
        var units = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, o1) = number.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                guard !o1, !o2 else { return nil }
                number = sum
                digits += 1
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
            guard digits > 0 else { return nil }
            let (part, o1) = number.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(part)
            guard !o1, !o2 else { return nil }
            total = sum
            number = 0
            digits = 0
            units += 1
        }
        return digits == 0 && units > 0 ? total : nil
    }
}

/// Calendar dates as files write them: `2026-03-31`.
public enum DateText {
    /// Seconds since 1970-01-01T00:00:00Z at the start of the day, or nil for a non-date.
    public static func epochSeconds(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400
    }

    /// Whether `text` is a valid `YYYY-MM-DD` date.
    public static func isDate(_ text: String) -> Bool { epochSeconds(text) != nil }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
