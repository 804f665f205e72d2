import Foundation

/// Times as reports and options write them: RFC 3339 in UTC, or seconds since the epoch.
public enum EpochText {
    /// `2026-11-30T12:00:00Z` (fractions of a second kept when there are any).
    public static func rfc3339(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            seconds == seconds.rounded() ? [.withInternetDateTime] : [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// `2026-11-30T12:00:00Z`, `2026-11-30T12:00:00.5+01:00` or `1764504000`; nil otherwise.
    public static func seconds(_ text: String) -> Double? {
        if let number = Double(text), number.isFinite { return number }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}
