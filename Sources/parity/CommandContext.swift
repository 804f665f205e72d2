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
        sources.maskingSecrets()
        colourOut = ColorMode.auto.enabled(terminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        colourErr = ColorMode.auto.enabled(terminal: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    /// Colours both streams as `--color` says.
    func colour(_ mode: ColorMode) {
        colourOut = mode.enabled(terminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        colourErr = mode.enabled(terminal: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    /// What the command made, kept until the process exits: freeing the report of a large
    /// repository (hundreds of thousands of gaps) takes a tenth of a second that exiting
    /// does for nothing.
    private var keptUntilExit: [Any] = []

    func keepUntilExit(_ value: Any) {
        keptUntilExit.append(value)
    }

    private var pending: [UInt8] = []
    /// Why standard output could not take what was written (a full disk, a closed
    /// descriptor); nil while every write went through.
    private(set) var outputFailure: String?
    /// The reader of standard output went away (`| head`): the rest is dropped quietly.
    private var readerGone = false

    /// Standard output, with control characters from the input escaped (colour kept).
    func out(_ text: String) {
        var safe = TerminalText.sanitized(text, keepingStyles: colourOut)
        guard safe.utf8.count < 1 << 16 else {
            // A report of tens of megabytes goes out from its own storage, not copied here first.
            flush()
            safe.withUTF8 { write($0) }
            return
        }
        pending.append(contentsOf: safe.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    func out(bytes: [UInt8]) {
        pending.append(contentsOf: TerminalText.sanitized(bytes, keepingStyles: false))
        if pending.count >= 1 << 16 { flush() }
    }

    func err(_ text: String) {
        flush()
        _ = AtomicFile.writeAll(Array(TerminalText.sanitized(text, keepingStyles: colourErr).utf8), to: STDERR_FILENO)
    }

    /// Writes what standard output holds; call before exiting.
    func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        pending.withUnsafeBufferPointer { write($0) }
    }

    /// Writes `bytes` to standard output, unless it failed or its reader went away before.
    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, !readerGone, outputFailure == nil else { return }
        let code = AtomicFile.writeAll(bytes, to: STDOUT_FILENO)
        if code == EPIPE {
            readerGone = true
        } else if code != 0 {
            outputFailure = String(cString: strerror(code)).lowercased()
        }
    }

    /// The exit status once everything is written: a run whose output did not reach
    /// standard output failed (2, with a message); one whose reader left keeps its own.
    func finish(_ status: Int32) -> Int32 {
        flush()
        guard let outputFailure else { return status }
        _ = AtomicFile.writeAll(
            Array("parity: error: cannot write standard output: \(outputFailure)\n".utf8), to: STDERR_FILENO)
        return ExitStatus.invalidInput
    }

    /// Keeps descriptors 0 to 2 open (on /dev/null when the caller closed them, `>&-`), so a
    /// file the run opens never takes their place; a closed standard output is a failure.
    func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            if descriptor == STDOUT_FILENO { outputFailure = "it is closed" }
        }
    }

    /// Prints `diagnostics` on standard error, with source excerpts.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(DiagnosticRenderer(sources: sources, colour: colourErr).render(diagnostics))
    }
}
