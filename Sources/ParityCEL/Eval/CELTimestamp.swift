import Foundation

/// A point in time with nanosecond precision, between years 0001 and 9999 as CEL requires.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, 0 to 999,999,999.
    public let nanos: Int32

    static let minSeconds: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    static let maxSeconds: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    /// A timestamp, or a `cel.overflow` error outside years 0001 to 9999.
    public init(seconds: Int64, nanos: Int32 = 0) throws(CELError) {
        var seconds = seconds, nanos = nanos
        if nanos < 0 || nanos >= 1_000_000_000 {
            let carry = Int64(nanos).floorDivided(by: 1_000_000_000)
            seconds += carry
            nanos = Int32(Int64(nanos) - carry * 1_000_000_000)
        }
        guard seconds >= Self.minSeconds, seconds <= Self.maxSeconds else {
            throw CELError(.overflow, "timestamp out of range (years 0001 to 9999)")
        }
        self.seconds = seconds
        self.nanos = nanos
    }

    /// A timestamp for a Foundation date, truncated to microseconds.
    public init(_ date: Date) throws(CELError) {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded(.down)
        guard let micros = Int64(exactly: micros) else { throw CELError(.overflow, "timestamp out of range") }
        try self.init(seconds: micros.floorDivided(by: 1_000_000), nanos: Int32(micros.floorModulo(1_000_000) * 1000))
    }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Parses RFC 3339 text such as `2026-01-01T00:00:00Z` or `2026-01-01T01:00:00.5+01:00`.
    public init(parsing text: String) throws(CELError) {
        let s = Array(text.utf8)
        func fail() -> CELError {
            CELError(.invalidArgument, "invalid timestamp '\(text)'; expected RFC 3339 such as 2026-01-01T00:00:00Z")
        }
        func number(_ from: Int, _ count: Int) throws(CELError) -> Int {
            guard from + count <= s.count else { throw fail() }
            var value = 0
            for byte in s[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { throw fail() }
                value = value * 10 + Int(byte) - 48
            }
            return value
        }
        guard s.count >= 20, s[4] == 45, s[7] == 45, s[10] == 84 || s[10] == 116, s[13] == 58, s[16] == 58 else {
            if s.count > 4, s[4] != 45, s.prefix(5).allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                throw CELError(.overflow, "timestamp out of range (years 0001 to 9999)")
            }
            throw fail()
        }
        let year = try number(0, 4), month = try number(5, 2), day = try number(8, 2)
        let hour = try number(11, 2), minute = try number(14, 2), second = try number(17, 2)
        guard (1...12).contains(month), day >= 1, day <= Civil.daysInMonth(year, month),
            hour < 24, minute < 60, second < 60
        else { throw fail() }
        var at = 19, nanos = 0
        if at < s.count, s[at] == 46 {
            at += 1
            var digits = 0
            while at < s.count, s[at] >= 48, s[at] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int(s[at]) - 48 }
                digits += 1
                at += 1
            }
            guard digits > 0 else { throw fail() }
            if digits < 9 { for _ in digits..<9 { nanos *= 10 } }
        }
        guard at < s.count else { throw fail() }
        var offset = 0
        if s[at] == 90 || s[at] == 122 {
            at += 1
        } else if s[at] == 43 || s[at] == 45 {
            guard at + 6 == s.count, s[at + 3] == 58 else { throw fail() }
            let hours = try number(at + 1, 2), minutes = try number(at + 4, 2)
            offset = (hours * 60 + minutes) * 60 * (s[at] == 45 ? -1 : 1)
            at += 6
        }
        guard at == s.count else { throw fail() }
        let days = Civil.days(year: year, month: month, day: day)
        let total = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        try self.init(seconds: total, nanos: Int32(nanos))
    }

    /// RFC 3339 in UTC, with as many fractional digits as needed (`2009-02-13T23:31:30Z`).
    public var rfc3339: String {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = Civil.date(days: Int(days))
        var text = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T"
        text +=
            Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2) + ":"
            + Self.pad(secondOfDay % 60, 2)
        if nanos != 0 {
            var fraction = Self.pad(Int(nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms).
enum Civil {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}
