public import ParityCEL
public import ParityDiagnostics

/// How often things with a date must happen, and how far ahead a run warns: `schedule:` in
/// parity.yaml, read by rules as `schedule.rehearseEvery` and `schedule.warnWithin` (CEL
/// durations).
public struct Schedule: Sendable, Hashable {
    /// The longest a rollback procedure may go unrehearsed, in seconds (default 30 days).
    public var rehearseEvery = 30 * 86_400
    /// How far ahead credentials and waivers falling due are warned about, in seconds (default 14 days).
    public var warnWithin = 14 * 86_400

    public init() {}

    static let typeName = "parity.Schedule"

    /// The schedule as rules read it.
    public var celValue: CELValue {
        func duration(_ seconds: Int) -> CELValue {
            (try? CELDuration(seconds: Int64(seconds))).map(CELValue.duration) ?? .null
        }
        return .map(["rehearseEvery": duration(rehearseEvery), "warnWithin": duration(warnWithin)])
    }

    /// Declares `schedule` for the checker.
    public static func declare(in declarations: inout CELDeclarations) {
        declarations.declare(objectType: typeName, fields: ["rehearseEvery": .duration, "warnWithin": .duration])
        declarations.declare(variable: "schedule", .object(typeName))
    }

    /// The schedule a decoded `schedule:` describes (the schema has checked the duration texts).
    static func from(_ value: Value?, diagnostics: inout [Diagnostic]) -> Schedule {
        var schedule = Schedule()
        guard let value else { return schedule }
        if let field = value["rehearseEvery"], let text = field.string, let seconds = DurationText.seconds(text) {
            if seconds == 0 {
                diagnostics.append(
                    .error(
                        .specInvalidSchedule,
                        "rehearseEvery is how often each rollback is rehearsed and cannot be zero; write 30d for monthly",
                        at: field.location))
            } else {
                schedule.rehearseEvery = seconds
            }
        }
        if let field = value["warnWithin"], let text = field.string, let seconds = DurationText.seconds(text) {
            schedule.warnWithin = seconds
        }
        return schedule
    }
}

extension Diagnostic.Code {
    /// A `schedule:` setting that cannot hold (a zero rehearsal cadence).
    public static let specInvalidSchedule: Self = "spec.invalid-schedule"
}
