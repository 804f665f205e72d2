import Foundation
public import ParityCEL

/// The run's date, read once so that every rule, variance predicate, message hole and waiver
/// of one run sees the same day.
///
/// In CEL, `today` is that day at 00:00:00 UTC, a timestamp like every date of the model
/// (`lastRotated`, `lastRehearsed`), so `self.lastRotated + self.rotation < today` compares
/// like with like; `now` is the instant the run started, or the start of the day when the day
/// is fixed (`--today`, `PARITY_TODAY`), so a fixed day gives the same report on any day.
public struct RunDate: Sendable, Hashable {
    /// The day, `YYYY-MM-DD` (UTC).
    public let day: String
    /// The day at 00:00:00 UTC.
    public let today: CELTimestamp
    /// The instant the run started; the start of `day` when the day was fixed.
    public let now: CELTimestamp

    /// The run on `day` (`YYYY-MM-DD`), at `now` (default: the start of the day); nil for a non-date.
    public init?(day: String, now: CELTimestamp? = nil) {
        guard let seconds = DateText.epochSeconds(day), let today = try? CELTimestamp(seconds: seconds) else {
            return nil
        }
        self.day = day
        self.today = today
        self.now = now ?? today
    }

    /// `PARITY_TODAY` when it is a date (tests, reproducible runs), else the clock, in UTC.
    public static func current(
        environment: [String: String] = ProcessInfo.processInfo.environment, clock: Date = Date()
    ) -> RunDate {
        if let fixed = environment["PARITY_TODAY"], let date = RunDate(day: fixed) { return date }
        // The clock is within CEL's years 1 to 9999, and RFC 3339 in UTC begins with the date.
        let instant = (try? CELTimestamp(clock)) ?? (try? CELTimestamp(seconds: 0))
        let day = instant.map { String($0.rfc3339.prefix(10)) } ?? "1970-01-01"
        return RunDate(day: day, now: instant) ?? RunDate(day: "1970-01-01")! // a literal date: cannot fail
    }

    /// Whole days from the run's day to `date` (`YYYY-MM-DD`): negative when it is past.
    public func days(until date: String) -> Int? {
        DateText.epochSeconds(date).map { Int(($0 - today.seconds) / 86_400) }
    }

    /// `now` and `today`, as expressions read them.
    public var bindings: [String: CELValue] { ["now": .timestamp(now), "today": .timestamp(today)] }

    /// Declares `now` and `today` for the checker.
    public static func declare(in declarations: inout CELDeclarations) {
        declarations.declare(variable: "now", .timestamp)
        declarations.declare(variable: "today", .timestamp)
    }
}
