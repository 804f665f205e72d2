import Foundation

/// Graphviz's own tools (`dot`, `acyclic`), to check Parity's DOT against the real parser.
/// Absent locally, the tests that need them are skipped; under CI they run and fail.
enum Graphviz {
    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func path(_ tool: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        return (folders + ["/usr/bin", "/usr/local/bin"]).map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var usable: Bool { underCI || (path("dot") != nil && path("acyclic") != nil) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tool` with `text` on standard input.
    static func run(_ tool: String, _ arguments: [String], input text: String) throws -> Result {
        guard let executable = path(tool) else {
            throw NSError(
                domain: "Graphviz", code: 1,
                userInfo: [
                    NSLocalizedDescriptionKey: "\(tool) is not installed (Debian package graphviz); .ci/run installs it"
                ])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
