import Foundation
import Testing

/// Runs the built `parity` binary, as a user would, for the model commands' tests.
enum ModelCLI {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let invalidExamples = repositoryRoot.appendingPathComponent("examples/invalid")

    static var recording: Bool { ProcessInfo.processInfo.environment["PARITY_RECORD"] == "1" }

    /// The `parity` executable, built next to the test bundle.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // Inside an .xctest bundle on macOS, the products sit beside the bundle.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS"
            || folder.lastPathComponent == "Contents"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("parity")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `parity arguments...` in `directory`, with `input` on standard input.
    static func run(_ arguments: [String], in directory: URL = repositoryRoot, input: String? = nil) throws -> Outcome {
        try run(executable: binary, arguments, in: directory, input: input)
    }

    static func run(executable: URL, _ arguments: [String], in directory: URL = repositoryRoot, input: String? = nil)
        throws -> Outcome
    {
        // Output goes to files, not pipes, so a large output cannot fill a pipe and stall.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("parity-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err"),
            inURL = scratch.appendingPathComponent("in")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data((input ?? "").utf8).write(to: inURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL),
            stdin = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close(); try stdin.close()
        return Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The invalid examples: YAML files and folders, each with `NAME.expected` beside it.
    static var examples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: invalidExamples.path)) ?? []
        return names.filter { name in
            name.hasSuffix(".yaml")
                || (try? invalidExamples.appendingPathComponent(name).resourceValues(forKeys: [.isDirectoryKey])
                    .isDirectory) == true
        }.sorted()
    }

    /// Whether python3 can import jsonschema, the independent validator.
    /// Under CI a missing test tool is a failure, never a skip: the tests run and fail.
    static let underCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether the JSON Schema tests run: with the validator, or under CI without it (to fail).
    static let runsJSONSchemaTests = hasJSONSchema || underCI

    static let hasJSONSchema: Bool = {
        (try? run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import jsonschema"]).status) == 0
    }()
}
