import Foundation
import ParityDiagnostics
import ParityKit

/// What a run finds, counted the same way for what was expected and what was found.
struct Counts: Equatable, CustomStringConvertible {
    var failingGaps = 0, allowedGaps = 0, waivedGaps = 0, findings = 0, waivedFindings = 0, inputErrors = 0

    init(failingGaps: Int = 0, allowedGaps: Int = 0, waivedGaps: Int = 0, findings: Int = 0, waivedFindings: Int = 0) {
        (self.failingGaps, self.allowedGaps, self.waivedGaps) = (failingGaps, allowedGaps, waivedGaps)
        (self.findings, self.waivedFindings) = (findings, waivedFindings)
    }

    init(_ report: CheckReport) {
        for gap in report.pairs.flatMap(\.gaps) {
            switch gap.status {
            case .failing: failingGaps += 1
            case .allowed: allowedGaps += 1
            case .waived: waivedGaps += 1
            case .baselined: break
            }
        }
        findings = report.activeFindings.count
        waivedFindings = report.findings.filter { if case .waived = $0.status { true } else { false } }.count
        inputErrors = report.diagnostics.filter { $0.severity == .error }.count
    }

    /// `a + (b - a) * (copies - 1)`: the counts of `copies` clones, from those of one and two.
    static func extrapolate(one a: Counts, two b: Counts, copies: Int) -> Counts {
        func scale(_ x: Int, _ y: Int) -> Int { x + (y - x) * (copies - 1) }
        var counts = Counts(
            failingGaps: scale(a.failingGaps, b.failingGaps), allowedGaps: scale(a.allowedGaps, b.allowedGaps),
            waivedGaps: scale(a.waivedGaps, b.waivedGaps), findings: scale(a.findings, b.findings),
            waivedFindings: scale(a.waivedFindings, b.waivedFindings))
        counts.inputErrors = scale(a.inputErrors, b.inputErrors)
        return counts
    }

    var description: String {
        "\(failingGaps) failing gaps, \(allowedGaps) allowed, \(waivedGaps) waived; "
            + "\(findings) findings, \(waivedFindings) waived; \(inputErrors) input errors"
    }
}

/// A generated repository: where it is, its YAML files, and what a check of it must find.
struct Repository {
    var folder: String
    var services: Int
    var expected: Counts
    /// Whether `expected.allowedGaps` is known (the drifted profile counts only failing and waived).
    var countsAllowed: Bool

    /// Every YAML file a check reads (environments, parity.yaml, policies but their tests).
    var files: [String] {
        let all = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        return all.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".test.yaml") }.sorted().map { folder + "/" + $0 }
    }

    var bytes: Int {
        files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    }

    var summary: String {
        "\(folder): \(services) production services, \(files.count) files, \(bytes) bytes\nexpected: \(expected)"
            + (countsAllowed ? "" : " (allowed gaps not counted in advance)")
    }

    /// Whether `found` is what was expected.
    func proves(_ found: Counts) -> Bool {
        var want = expected
        if !countsAllowed { want.allowedGaps = found.allowedGaps }
        return want == found
    }
}

/// The generator's profiles: drifted (the default), matching (nearly everything matches), and
/// the bundled sample scaled up.
enum Profile {
    case drifted(share: Double)
    case matching
    case sample(folder: String)

    init(arguments option: (String) -> String?) throws {
        switch option("--profile") ?? "drifted" {
        case "drifted": self = .drifted(share: option("--drift").flatMap(Double.init) ?? 0.1)
        case "matching": self = .matching
        case "sample": self = .sample(folder: option("--sample") ?? FileManager.default.currentDirectoryPath)
        case let other: throw BenchError("unknown profile '\(other)'; use drifted, matching or sample")
        }
    }

    var name: String {
        switch self {
        case .drifted: "drifted"
        case .matching: "matching"
        case .sample: "sample"
        }
    }

    static let today = "2026-11-25"

    func generate(services: Int, in folder: String) throws -> Repository {
        let manager = FileManager.default
        try? manager.removeItem(atPath: folder)
        try manager.createDirectory(atPath: folder + "/environments", withIntermediateDirectories: true)
        let policies = manager.currentDirectoryPath + "/policies"
        switch self {
        case .drifted(let share):
            let generator = DriftGenerator(services: services, share: share)
            for tier in ["production", "staging"] {
                let files = generator.files(tier: tier)
                // One file is `environments/staging.yaml`; more are a folder, `environments/staging/`.
                let base = folder + "/environments/" + tier
                if files.count > 1 { try manager.createDirectory(atPath: base, withIntermediateDirectories: true) }
                for (name, text) in files {
                    let path = files.count > 1 ? base + "/" + name : base + ".yaml"
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                }
            }
            try generator.spec(policies: policies).write(
                toFile: folder + "/parity.yaml", atomically: true, encoding: .utf8)
            let expected = generator.expected
            return Repository(
                folder: folder, services: services,
                expected: Counts(
                    failingGaps: expected.failingGaps, waivedGaps: expected.waivedGaps,
                    findings: expected.findings, waivedFindings: expected.waivedFindings),
                countsAllowed: false)
        case .matching:
            let generator = Generator(services: services)
            try generator.environment(tier: "production").write(
                toFile: folder + "/environments/production.yaml", atomically: true, encoding: .utf8)
            try generator.environment(tier: "staging").write(
                toFile: folder + "/environments/staging.yaml", atomically: true, encoding: .utf8)
            try (Generator.spec + "\npolicies: \(policies)\n").write(
                toFile: folder + "/parity.yaml", atomically: true, encoding: .utf8)
            return Repository(
                folder: folder, services: services, expected: Counts(failingGaps: generator.expectedGaps),
                countsAllowed: false)
        case .sample(let sample):
            let copies =
                (services + SampleScaler.services(inSample: sample) - 1) / SampleScaler.services(inSample: sample)
            try SampleScaler.write(sample: sample, copies: copies, to: folder)
            // What one and two copies find, extrapolated: each copy must add the same.
            let small = try [1, 2].map { count -> Counts in
                let scratch = folder + "-\(count)"
                try SampleScaler.write(sample: sample, copies: count, to: scratch)
                defer { try? manager.removeItem(atPath: scratch) }
                return Counts(try Self.check(scratch))
            }
            return Repository(folder: folder, services: copies * SampleScaler.services(inSample: sample),
                              expected: .extrapolate(one: small[0], two: small[1], copies: copies), countsAllowed: true)
        }
    }

    /// `parity check` of `folder`, in process.
    static func check(_ folder: String) throws -> CheckReport {
        var options = CheckRun.Options(today: today)
        options.root = folder
        guard let report = CheckRun(sources: SourceStore()).run(options).report else {
            throw BenchError("no report for \(folder)")
        }
        return report
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
