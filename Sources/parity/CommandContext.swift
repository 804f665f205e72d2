import Foundation
import ParityDiagnostics
import ParityKit

/// What a command runs with: standard output and error, colour, and the sources read.
final class CommandContext {
    let sources = SourceStore()
    private(set) var colourOut: Bool
    private(set) var colourErr: Bool
    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        sources.maskedKeys = EnvironmentSchema.sensitiveFieldNames
        colourOut = ColorMode.auto.enabled(terminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        colourErr = ColorMode.auto.enabled(terminal: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    /// Colours both streams as `--color` says.
    func colour(_ mode: ColorMode) {
        colourOut = mode.enabled(terminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        colourErr = mode.enabled(terminal: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    private var pending: [UInt8] = []

    func out(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    func out(bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 16 { flush() }
    }

    func err(_ text: String) {
        flush()
        Self.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes what standard output holds; call before exiting.
    func flush() {
        Self.writeAll(pending, to: STDOUT_FILENO)
        pending.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)  // non-empty: offset < count
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Prints `diagnostics` on standard error, with source excerpts.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(DiagnosticRenderer(sources: sources, colour: colourErr).render(diagnostics))
    }
}
