import ParityDiagnostics
import ParityKit

/// Failures a command reports as a message and an exit status rather than as diagnostics.
enum CommandFailure: Error {
    /// The command is part of Parity's interface but not in this build yet.
    case unavailable(String)
    /// Invalid input, already described by these diagnostics.
    case diagnostics([Diagnostic])
}
