/// Whether a run passes the gate, and why not.
public struct GateDecision: Sendable {
    public var passed: Bool
    /// One line per reason the run failed (`3 parity gaps in production -> staging`).
    public var reasons: [String]

    /// The lowest severity that fails the run.
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, never
    }
}
