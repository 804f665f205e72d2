public import ParityDiagnostics

extension Waiver {
    /// Whole days from `today` (`YYYY-MM-DD`) to the waiver's last day: negative once expired.
    public func daysLeft(on today: String) -> Int? {
        guard let end = DateText.epochSeconds(expires), let start = DateText.epochSeconds(today) else { return nil }
        return Int((end - start) / 86_400)
    }

    /// What the report says beside a gap or finding a waiver waived until it expired.
    public var expiredText: String {
        "waiver expired on \(expires), owner \(owner)\(ticket.map { " (\($0))" } ?? "")"
    }

    /// The waiver as JSON reports show it beside what it waives (or waived, when `expired`).
    func json(expired: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("owner", .string(owner)), ("ticket", .optional(ticket)), ("expires", .string(expires)),
            ("reason", .string(reason)),
        ]
        if case .gap = subject { fields.append(("pairs", .string(scope))) }
        fields.append(("expired", .bool(expired)))
        return .object(fields)
    }

    /// A warning that the waiver, still waiving, runs out within `warnWithin` seconds of
    /// `today`, so the team hears before the gate fails; nil when it is further off or expired.
    public func expiringWarning(on today: String, warnWithin: Int) -> Diagnostic? {
        guard let days = daysLeft(on: today), days >= 0, days * 86_400 <= warnWithin else { return nil }
        let when = days == 0 ? "expires today" : "expires in \(days) day\(days == 1 ? "" : "s") (on \(expires))"
        return .warning(
            .specExpiringWaiver,
            "waiver for \(quotedTarget) \(when); fix what it waives or renew it with a reason (owner: \(owner))",
            at: location)
    }

    /// The warning `parity lint` gives for a waiver past its last day, before any diff shows what it waived.
    public func expiredWarning(on today: String) -> Diagnostic? {
        guard isExpired(on: today) else { return nil }
        return .warning(
            .specExpiredWaiver,
            "waiver for \(quotedTarget) expired on \(expires); what it waived fails again (owner: \(owner))",
            at: location)
    }

    /// `'services[search]'` for a gap, `rule x on y` for a finding, as messages quote it.
    var quotedTarget: String {
        if case .gap = subject { return "'\(target)'" }
        return target
    }
}

extension Diagnostic.Code {
    /// A waiver that runs out within the spec's warning horizon.
    public static let specExpiringWaiver: Self = "spec.expiring-waiver"
}
