import Foundation
import ParityDiagnostics
import ParityKit
import ParityYAML

/// The benchmark: per size, a generated repository, and in one run (stages alternating, R
/// times, medians) the bare C scan of its files, each stage of `parity check` in process, each
/// report format, and whole processes (the scan, `parity check`, `parity lint`) with peak
/// memory, each as a ratio to the floor.
struct Bench {
    var profile: Profile
    var sizes: [Int]
    var runs: Int
    /// The `parity` executable; by default the one built beside parity-bench.
    var parity: String?
    /// Also count instructions with valgrind's callgrind (slow; repeatable on a loaded machine).
    var instructions: Bool
    /// Only the processes (to measure another build's `parity`, say).
    var processesOnly = false

    struct Row {
        var stage: String
        var milliseconds: Double
        var ratio: Double
        var peak: Int?
    }

    func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let parity = self.parity ?? executable.deletingLastPathComponent().appendingPathComponent("parity").path
        guard FileManager.default.isExecutableFile(atPath: parity) else {
            throw BenchError(
                "no parity executable at \(parity); build it (swift build -c release --product parity) or pass --parity"
            )
        }
        var whole: [(services: Int, milliseconds: Double)] = []
        for size in sizes {
            let repository = try profile.generate(
                services: size, in: NSTemporaryDirectory() + "parity-bench-\(profile.name)-\(size)")
            print("\n## \(profile.name), \(size) services\n\n\(repository.summary)")
            let rows = try measure(repository, parity: parity, scanner: executable.path)
            print("\n| stage | ms | x the scan | peak memory |\n|---|---:|---:|---:|")
            for row in rows {
                let peak =
                    row.peak.map {
                        String(
                            format: "%.0f MB (%.1fx the input)", Double($0) / 1e6, Double($0) / Double(repository.bytes)
                        )
                    } ?? ""
                print(String(format: "| %@ | %.1f | %.2f | %@ |", row.stage, row.milliseconds, row.ratio, peak))
            }
            if let check = rows.first(where: { $0.stage == "parity check (process)" }) {
                whole.append((repository.services, check.milliseconds))
            }
            if instructions { try countInstructions(repository, parity: parity, scanner: executable.path) }
        }
        if whole.count > 1 {
            print("\n| services | parity check (ms) | x the cost of \(whole[0].services) |\n|---:|---:|---:|")
            for (services, milliseconds) in whole {
                print(
                    String(format: "| %d | %.0f | %.2f |", services, milliseconds, milliseconds / whole[0].milliseconds)
                )
            }
        }
    }

    private func measure(_ repository: Repository, parity: String, scanner: String) throws -> [Row] {
        let files = repository.files
        let inputs = try files.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        let environments = files.filter { $0.contains("/environments/") }
        let changed = environments.first { $0.hasSuffix("staging.yaml") } ?? environments[0]
        var stages: [String: [Double]] = [:]
        var peaks: [String: Int] = [:]
        var order: [String] = []
        func record(_ name: String, _ value: Double) {
            if stages[name] == nil { order.append(name) }
            stages[name, default: []].append(value)
        }
        func process(_ name: String, _ command: [String], expecting codes: Set<Int32>) throws {
            let (milliseconds, peak, status) = try Self.timed(command, in: repository.folder)
            guard codes.contains(status) else { throw BenchError("\(command.joined(separator: " ")) exited \(status)") }
            record(name, milliseconds)
            peaks[name] = max(peaks[name] ?? 0, peak)
        }
        var found: Counts?
        for _ in 0..<runs {
            record("libyaml C event scan (the floor)", time { for bytes in inputs { _ = FloorScan.events(bytes) } })
            if !processesOnly { found = try measureStages(repository, inputs: inputs, record: record) }
            try process("C scan (process)", [scanner, "scan"] + files, expecting: [0])
            try process("parity check (process)", [parity, "check", "--today", Profile.today], expecting: [0, 1])
            try process(
                "parity check --format json (process)",
                [parity, "check", "--today", Profile.today, "--format", "json"], expecting: [0, 1])
            try process("parity lint (process)", [parity, "lint"], expecting: [0, 1])
            try process("parity lint staging.yaml (process)", [parity, "lint", changed], expecting: [0, 1])
        }
        if let found {
            print(
                "found:    \(found)"
                    + (repository.proves(found) ? " (as expected)" : "\n  MISMATCH: expected \(repository.expected)"))
        }
        let floor = median(stages[order[0]]!), processFloor = median(stages["C scan (process)"]!)
        return order.map { name in
            let value = median(stages[name]!)
            return Row(
                stage: name, milliseconds: value, ratio: value / (name.hasSuffix("(process)") ? processFloor : floor),
                peak: peaks[name])
        }
    }

    /// Each stage of a check in process, and each report format; what the check found.
    private func measureStages(_ repository: Repository, inputs: [[UInt8]], record: (String, Double) -> Void) throws
        -> Counts
    {
        record(
            "YAML load (nodes)",
            time {
                // Generated input is valid: a failure here is a bug in the generator.
                for bytes in inputs { _ = try! YAMLLoader(strictTags: false).load(bytes, file: "bench.yaml") }
            })
        let sources = SourceStore()
        var resolved: [ResolvedEnvironment] = []
        record(
            "load + validate",
            time {
                let workspace = Workspace(root: repository.folder, sources: sources)
                resolved = workspace.environments.map { workspace.resolve($0) }
            })
        guard let reference = resolved.first(where: { $0.name == "production" }),
            let mirror = resolved.first(where: { $0.name == "staging" })
        else {
            throw BenchError("no production and staging in \(repository.folder)")
        }
        let diff = EnvironmentDiff(schema: EnvironmentSchema.root)
        record("diff (raw)", time { _ = diff.compare(reference: reference.value, mirror: mirror.value) })
        record(
            "graph (pair, missing edges)",
            time {
                _ = PairGraph(
                    reference: GraphBuilder().graph(name: reference.name, root: reference.value),
                    mirror: GraphBuilder().graph(name: mirror.name, root: mirror.value))
            })
        record(
            "graph check (cycles of both)",
            time {
                _ = GraphCheck(
                    environments: [(reference.name, reference.value), (mirror.name, mirror.value)], policy: .warn,
                    drawing: false)
            })
        let layout = RepositoryLayout.load(root: repository.folder, sources: sources).0
        let spec = layout.spec
        let pair = spec.pairs?.first { $0.reference == "production" && $0.mirror == "staging" }
        let evaluator = PairEvaluator(
            variances: pair?.variances ?? [], waivers: spec.waivers, today: Profile.today,
            expressions: CELVarianceExpressions(date: RunDate(day: Profile.today)!)) // a literal day
        record(
            "diff + variances + waivers",
            time {
                _ = evaluator.evaluate(
                    reference: (reference.name, reference.value), mirror: (mirror.name, mirror.value), diff: diff)
            })
        let policies = PolicyLoader().load(files: layout.policyFiles, sources: sources)
        let subjects = resolved.map {
            PolicySubject(name: $0.name, tier: $0.value["metadata"]?["tier"]?.string, value: $0.value)
        }
        let subject = { (name: String) in subjects.first { $0.name == name }! } // both were found above
        record(
            "policies (\(policies.rules.count) rules)",
            time {
                _ = PolicyEngine(
                    rules: policies.rules, schema: EnvironmentSchema.root, date: RunDate(day: Profile.today)!
                )
                .evaluate(environments: subjects, pairs: [(subject("production"), subject("staging"))])
            })
        var report: CheckReport?
        record("whole check, in process (no report)", time { report = try? Profile.check(repository.folder) })
        guard let report else { throw BenchError("no report") }
        for format in ReportFormat.allCases {
            record(
                "report: \(format.rawValue)",
                time { _ = format.render(report, ReportFormat.Options(base: repository.folder)) })
        }
        return Counts(report)
    }

    /// Wall time, peak resident memory (bytes) and exit status of `command` run in `folder`.
    static func timed(_ command: [String], in folder: String) throws -> (Double, Int, Int32) {
        let report = NSTemporaryDirectory() + "parity-bench-time-\(getpid())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report] + command
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let status = process.terminationStatus
        let kilobytes =
            Int(
                (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.map(String.init)
                    ?? "") ?? 0
        return (milliseconds, kilobytes * 1024, status)
    }

    /// Instructions (callgrind's count) of the scan and of `parity check`, as processes.
    private func countInstructions(_ repository: Repository, parity: String, scanner: String) throws {
        let scan = try Self.instructions([scanner, "scan"] + repository.files, in: repository.folder)
        let check = try Self.instructions([parity, "check", "--today", Profile.today], in: repository.folder)
        print(
            String(
                format: "\ninstructions: C scan %.0fM, parity check %.0fM (%.2fx)", Double(scan) / 1e6,
                Double(check) / 1e6, Double(check) / Double(scan)))
    }

    static func instructions(_ command: [String], in folder: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Collected :") }),
            let count = Int(line.split(separator: " ").last ?? "")
        else { throw BenchError("callgrind printed no count for \(command[0])") }
        return count
    }
}
