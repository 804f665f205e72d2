import Foundation
import ParityKit

/// `parity-bench history [--commits N] [--runs R] [--out DIR]`: builds a repository of N
/// commits of the sample (from the current folder) with `git fast-import`, drifting as real
/// repositories do (production changes staging follows late or never, staging edits, a broken
/// file now and then, commits that touch only the README), and times `parity history` on it.
enum HistoryBench {
    static func run(commits: Int, runs: Int, folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: folder)
        let stream = try self.stream(commits: commits)
        let started = DispatchTime.now().uptimeNanoseconds
        try git(["fast-import", "--quiet"], in: folder, input: stream)
        let built = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print("repository: \(commits) commits of the sample in \(folder) (built in \(String(format: "%.2f", built)) s)")

        var times: [Double] = []
        var summary = ""
        for run in 1...runs {
            let cache = ParseCache()
            var options = HistoryRun.Options(date: RunDate(day: "2027-12-31")!)  // a literal date: cannot fail
            options.root = folder
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = HistoryRun(cache: cache).run(options)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            times.append(seconds)
            guard let report = outcome.report else {
                print("history failed: \(outcome.diagnostics.map(\.description).joined(separator: "; "))")
                return
            }
            let invalid = report.points.filter { !$0.isValid }.count
            summary =
                "\(report.points.count) of \(report.commitsInRange) commits judged (\(invalid) invalid), \(report.open.count) open gaps, "
                + "\(report.closed.count) closed; parses: \(cache.misses) made, \(cache.hits) reused"
            print("run \(run): \(String(format: "%.2f", seconds)) s")
        }
        let median = times.sorted()[times.count / 2]
        print(summary)
        print(
            "parity history: median \(String(format: "%.2f", median)) s over \(runs) run\(runs == 1 ? "" : "s") "
                + "(\(String(format: "%.1f", median * 1000 / Double(commits))) ms a commit)")
    }

    /// The fast-import stream: the sample, then `commits - 1` commits of drift.
    static func stream(commits: Int) throws -> Data {
        let root = FileManager.default.currentDirectoryPath
        var files: [String: String] = [
            "parity.yaml": try String(contentsOfFile: root + "/parity.yaml", encoding: .utf8),
            "README.md": "# environments\n",
        ]
        for folder in ["environments", "policies"] {
            for file in RepositoryLayout.yamlFiles(in: root + "/" + folder) {
                files[folder + String(file.dropFirst(root.count + folder.count + 1))] = try String(
                    contentsOfFile: file, encoding: .utf8)
            }
        }
        let staging = files["environments/staging.yaml"] ?? "",
            services = files["environments/production/services.yaml"] ?? ""
        var out = Data()
        var production = 2, mirrored = 2, replicas = 2
        for index in 1...commits {
            var changed: [String: String] = [:]
            var message = "drift \(index)"
            if index == 1 {
                changed = files
                message = "the sample"
            } else if index % 10 == 0 {
                changed["README.md"] = "# environments\n\nrevision \(index)\n"
            } else if index % 7 == 0 {
                production += 1
                changed["environments/production/services.yaml"] = services.replacingOccurrences(
                    of: "version: 4.18.2", with: "version: 4.18.\(production)")
            } else {
                // Staging follows production some of the time, and its replicas move.
                if index % 7 == 3 { mirrored = production }
                replicas = 1 + index % 3
                var text = staging.replacingOccurrences(
                    of: "version: 4.18.2\n    replicas: 2", with: "version: 4.18.\(mirrored)\n    replicas: \(replicas)"
                )
                if index % 50 == 25 {
                    text = text.replacingOccurrences(of: "  - name: storefront-web", with: "\t- name: storefront-web")
                }
                changed["environments/staging.yaml"] = text
            }
            let when = 1_767_225_600 + index * 3_600
            out += Data("commit refs/heads/main\nmark :\(index)\nauthor Bench <bench@example.com> \(when) +0000\n".utf8)
            out += Data(
                "committer Bench <bench@example.com> \(when) +0000\ndata \(message.utf8.count)\n\(message)\n".utf8)
            if index > 1 { out += Data("from :\(index - 1)\n".utf8) }
            for (path, text) in changed.sorted(by: { $0.key < $1.key }) {
                out += Data("M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n".utf8)
            }
        }
        return out
    }

    @discardableResult
    static func git(_ arguments: [String], in folder: String, input: Data? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
