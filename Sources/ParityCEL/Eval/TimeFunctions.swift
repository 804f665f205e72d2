import Foundation

/// Timestamp and duration accessors (`getFullYear`, `getHours`, ...), with an optional time zone.
extension Builtins {
    static let accessorNames = [
        "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfYear", "getDayOfWeek",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds",
    ]

    static let time: [(String, Int, Function)] = accessorNames.flatMap { name -> [(String, Int, Function)] in
        [
            (name, 1, Function { (a: CELValue) throws(CELError) -> CELValue in try accessor(name, a, nil) }),
            (name, 2, Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in try accessor(name, a, b) }),
        ]
    }

    static func accessor(_ name: String, _ value: CELValue, _ zone: CELValue?) throws(CELError) -> CELValue {
        switch (value, zone) {
        case (.duration(let d), nil):
            switch name {
            case "getHours": return .int(d.nanoseconds / 3_600_000_000_000)
            case "getMinutes": return .int(d.nanoseconds / 60_000_000_000)
            case "getSeconds": return .int(d.nanoseconds / 1_000_000_000)
            case "getMilliseconds": return .int(d.nanoseconds / 1_000_000)
            default: throw noOverload(name, value)
            }
        case (.timestamp(let t), nil):
            return .int(Int64(field(name, of: t, offset: 0)))
        case (.timestamp(let t), .string(let zone)?):
            return .int(Int64(field(name, of: t, offset: try offset(zone, at: t))))
        default:
            if let zone { throw noOverload(name, value, zone) }
            throw noOverload(name, value)
        }
    }

    private static func field(_ name: String, of t: CELTimestamp, offset: Int) -> Int {
        let local = t.seconds + Int64(offset)
        let days = Int(local.floorDivided(by: 86_400))
        let secondOfDay = Int(local.floorModulo(86_400))
        let (year, month, day) = Civil.date(days: days)
        switch name {
        case "getFullYear": return year
        case "getMonth": return month - 1
        case "getDate": return day
        case "getDayOfMonth": return day - 1
        case "getDayOfYear": return days - Civil.days(year: year, month: 1, day: 1)
        case "getDayOfWeek": return Int((Int64(days) + 4).floorModulo(7))  // 1970-01-01 was a Thursday
        case "getHours": return secondOfDay / 3600
        case "getMinutes": return secondOfDay / 60 % 60
        case "getSeconds": return secondOfDay % 60
        default: return Int(t.nanos) / 1_000_000
        }
    }

    /// Seconds east of UTC for a zone written `UTC`, `+05:30`, `-02:00`, `02:00` or as an IANA name.
    static func offset(_ zone: String, at t: CELTimestamp) throws(CELError) -> Int {
        if zone == "UTC" || zone == "Z" { return 0 }
        let scalars = Array(zone.unicodeScalars)
        if let first = scalars.first, first == "+" || first == "-" || first.isDigit {
            let body = first.isDigit ? scalars[...] : scalars.dropFirst()
            let parts = String(String.UnicodeScalarView(body)).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
                parts[0].count == 2, parts[1].count == 2, hours < 24, minutes < 60
            else { throw CELError(.invalidArgument, "invalid time zone offset '\(zone)'; expected a form like +05:30") }
            return (hours * 3600 + minutes * 60) * (first == "-" ? -1 : 1)
        }
        guard let timeZone = TimeZone(identifier: zone) else {
            throw CELError(.invalidArgument, "unknown time zone '\(zone)'")
        }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.seconds)))
    }
}
