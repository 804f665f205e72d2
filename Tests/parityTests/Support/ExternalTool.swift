import Foundation

/// Runs a tool other than parity (readelf, git, pre-commit) with a time limit, capturing its output.
enum ExternalTool {
    struct Run {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// Whether the tests run under CI, where a missing tool is a failure rather than a skip.
    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The first executable named `name` on `PATH`.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable arguments...` in `directory`; stdout and stderr together, in order.
    /// `environment` replaces the inherited environment when given.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        timeout: TimeInterval = 120
    ) throws -> Run {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parity-tool-\(UUID().uuidString).log")
        try Data().write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }
        try handle.close()
        return Run(
            status: process.terminationStatus, output: String(decoding: try Data(contentsOf: log), as: UTF8.self),
            timedOut: timedOut)
    }
}
