import Foundation
public import ParityDiagnostics

/// Runs `git` read-only in one folder: never a command that checks out or writes, and with
/// optional locks off so not even the index is refreshed.
public struct GitCommand: Sendable {
    /// The folder git runs in (the environment repository, possibly inside a larger one).
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The options every invocation starts with: output that no user configuration changes.
    static let fixedOptions = [
        "-c", "core.quotePath=false", "-c", "log.showRoot=true", "-c", "color.ui=false", "--no-pager",
    ]

    /// `git arguments` started in the folder with the standard streams given.
    func launch(_ arguments: [String], input: Any, output: Any, errors: Any) throws(DiagnosticList) -> Process {
        let process = process(arguments)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DiagnosticList([
                .error(
                    .historyGitFailed, "cannot run git: \(error.localizedDescription); install git and run again",
                    at: nil)
            ])
        }
        return process
    }

    private func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + Self.fixedOptions + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        return process
    }

    /// The standard output of `git arguments`; a failure is a diagnostic quoting git's message.
    public func run(_ arguments: [String]) throws(DiagnosticList) -> [UInt8] {
        let output = Pipe()
        let errors = Pipe()
        let process = try launch(arguments, input: FileHandle.nullDevice, output: output, errors: errors)
        // Standard error is drained beside standard output, so neither pipe can fill and stall git.
        let drained = ErrorDrain(errors.fileHandleForReading)
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let message = drained.text()
        guard process.terminationStatus == 0 else {
            let firstLine =
                message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw DiagnosticList([
                .error(.historyGitFailed, "git \(arguments.first ?? "") failed: \(firstLine.lowercased())", at: nil)
            ])
        }
        return bytes
    }

    /// Standard output as text, without the final line break.
    public func text(_ arguments: [String]) throws(DiagnosticList) -> String {
        var text = String(decoding: try run(arguments), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Reads a pipe to its end on another thread.
private final class ErrorDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

extension Diagnostic.Code {
    /// git could not be run, or refused the request (not a repository, an unknown revision).
    public static let historyGitFailed: Self = "history.git-failed"
}
