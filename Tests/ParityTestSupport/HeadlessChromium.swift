import Foundation

/// Debian's `chromium`, run headless on a local page: the DOM after load, the console
/// messages it logged, and a screenshot.
public enum HeadlessChromium {
    /// The browser's path, or nil when none is installed.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Whether a test that needs the browser may run: it may skip only outside CI.
    public static var mustRun: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public struct Page: Sendable {
        /// The document as the browser built it.
        public var dom: String
        /// Lines the browser logged for the page's console (errors, failed loads).
        public var console: [String]
    }

    /// Loads `page` (a local file) with the network refused, and writes a screenshot.
    public static func load(_ page: URL, screenshot: URL, height: Int = 2400) throws -> Page {
        guard let executable else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "chromium"]) }
        let profile = page.deletingLastPathComponent().appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile.path)",
            "--window-size=1280,\(height)", "--virtual-time-budget=3000", "--enable-logging=stderr", "--v=0",
            // A page that tried to fetch anything would log the failure to its console.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ]
        let (dom, log) = try run(executable, common + ["--dump-dom", page.absoluteString])
        let (_, shotLog) = try run(executable, common + ["--screenshot=\(screenshot.path)", page.absoluteString])
        let console = (log + shotLog).split(separator: "\n").map(String.init).filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught")
        }
        return Page(dom: dom, console: console)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errors = Data()
        let reader = Thread { errors = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
