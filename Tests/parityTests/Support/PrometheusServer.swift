import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Prometheus for one test: series backfilled with promtool into a temporary storage
/// folder, served on a free loopback port, stopped (and its folder removed) by `stop`.
final class PrometheusServer {
    static let prometheus = "/usr/bin/prometheus"
    static let promtool = "/usr/bin/promtool"
    static var installed: Bool {
        FileManager.default.isExecutableFile(atPath: prometheus)
            && FileManager.default.isExecutableFile(atPath: promtool)
    }
    /// Under CI a missing Prometheus is a failure, never a skip (`.ci/run` installs it).
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    let folder: URL
    let port: Int
    private let process: Process
    var url: String { "http://127.0.0.1:\(port)" }

    /// Backfills `openMetrics` (timestamps in seconds, ending in `# EOF`) and starts the server.
    init(openMetrics: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-prometheus-\(UUID().uuidString)")
        let storage = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: storage, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("series.om")
        try openMetrics.write(to: input, atomically: true, encoding: .utf8)
        let backfill = try Self.runBounded(
            Self.promtool, ["tsdb", "create-blocks-from", "openmetrics", input.path, storage.path], seconds: 60)
        guard backfill == 0 else { throw Failure("promtool exited \(backfill)") }
        let config = folder.appendingPathComponent("prometheus.yml")
        try "global:\n  scrape_interval: 1h\n".write(to: config, atomically: true, encoding: .utf8)
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.prometheus)
        process.arguments = [
            "--config.file=\(config.path)", "--storage.tsdb.path=\(storage.path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--storage.tsdb.retention.time=100y",
        ]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // Ready within 30 seconds, or the test fails rather than waiting on.
        let deadline = Date().addingTimeInterval(30)
        while !Self.ready("\(url)/-/ready") {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw Failure("prometheus did not become ready on port \(port)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    deinit { stop() }

    /// Stops the server (SIGTERM, then SIGKILL after five seconds) and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A port nothing listens on now: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func ready(_ url: String) -> Bool {
        guard let url = URL(string: url) else { return false }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = 0
        var request = URLRequest(url: url)
        request.timeoutInterval = 1
        let task = URLSession.shared.dataTask(with: request) { _, response, _ in
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + 2) == .timedOut { task.cancel(); return false }
        return status == 200
    }

    /// Runs a tool to its end, killing it after `seconds`.
    static func runBounded(_ tool: String, _ arguments: [String], seconds: Double) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return -1 }
        return process.terminationStatus
    }
}

/// A loopback socket that completes connections and never answers: a server that hangs.
final class SilentServer {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard listening else { close(descriptor); throw PrometheusServer.Failure("cannot listen on loopback") }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
