import Foundation
import ParityDiagnostics
import ParityKit
import ParityYAML

/// `parity-bench [--services N] [--runs R] [--policies DIR] [--out DIR]`: generates a pair of
/// environments and times, in one run, libyaml's own event scan of the files (the floor),
/// export --raw's load and JSON writing, and each stage of `parity check`, each as a ratio
/// to the floor (medians of R runs). `parity-bench history` times `parity history` instead
/// (see HistoryBench).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

if arguments.first == "history" {
    let commits = option("--commits").flatMap(Int.init) ?? 500
    try HistoryBench.run(commits: commits, runs: option("--runs").flatMap(Int.init) ?? 3,
                         folder: option("--out") ?? NSTemporaryDirectory() + "parity-bench-history-\(commits)")
    exit(0)
}

let services = option("--services").flatMap(Int.init) ?? 10_000
let runs = option("--runs").flatMap(Int.init) ?? 5
let policies = option("--policies") ?? FileManager.default.currentDirectoryPath + "/policies"
let folder = option("--out") ?? NSTemporaryDirectory() + "parity-bench-\(services)"
let generator = Generator(services: services)

try? FileManager.default.removeItem(atPath: folder)
try FileManager.default.createDirectory(atPath: folder + "/environments", withIntermediateDirectories: true)
let files = [folder + "/environments/production.yaml", folder + "/environments/staging.yaml"]
try generator.environment(tier: "production").write(toFile: files[0], atomically: true, encoding: .utf8)
try generator.environment(tier: "staging").write(toFile: files[1], atomically: true, encoding: .utf8)
try (Generator.spec + "\npolicies: \(policies)\n").write(toFile: folder + "/parity.yaml", atomically: true, encoding: .utf8)
let inputs = try files.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
let inputBytes = inputs.reduce(0) { $0 + $1.count }
print("input: 2 x \(services) services, \(inputBytes) bytes, in \(folder)")

var stages: [String: [Double]] = [:]
var last: CheckReport?
for _ in 0..<runs {
    stages["libyaml event scan", default: []].append(time { for bytes in inputs { _ = EventScan.count(bytes) } })
    stages["export --raw (load + JSON)", default: []].append(time {
        for bytes in inputs {
            var out: [UInt8] = []
            // Generated input is valid: a failure here is a bug in the generator.
            for document in try! YAMLLoader(strictTags: false).load(bytes, file: "bench.yaml") { document.root.appendJSON(to: &out) }
        }
    })
    let sources = SourceStore()
    var workspace: Workspace!
    var resolved: [ResolvedEnvironment] = []
    stages["load + validate", default: []].append(time {
        workspace = Workspace(root: folder, sources: sources)
        resolved = workspace.environments.map { workspace.resolve($0) }
    })
    let diff = EnvironmentDiff(schema: EnvironmentSchema.root)
    stages["diff (raw)", default: []].append(time { _ = diff.compare(reference: resolved[0].value, mirror: resolved[1].value) })
    stages["graph (pair, missing edges)", default: []].append(time {
        _ = PairGraph(reference: GraphBuilder().graph(name: resolved[0].name, root: resolved[0].value),
                      mirror: GraphBuilder().graph(name: resolved[1].name, root: resolved[1].value))
    })
    let loaded = PolicyLoader().load(files: RepositoryLayout.policyFiles(in: policies), sources: sources)
    let subjects = resolved.map { PolicySubject(name: $0.name, tier: $0.value["metadata"]?["tier"]?.string, value: $0.value) }
    stages["policies (\(loaded.rules.count) rules)", default: []].append(time {
        _ = PolicyEngine(rules: loaded.rules, schema: EnvironmentSchema.root).evaluate(environments: subjects, pairs: [(subjects[0], subjects[1])])
    })
    var options = CheckRun.Options(today: "2026-11-25")
    options.root = folder
    var result: CheckReport!
    stages["whole check (text report)", default: []].append(time {
        result = CheckRun(sources: SourceStore()).run(options).report
        _ = CheckTextRenderer(style: TextStyle(enabled: false)).render(result)
    })
    last = result
}

let floor = median(stages["libyaml event scan"]!)
let order = ["libyaml event scan", "export --raw (load + JSON)", "load + validate", "diff (raw)", "graph (pair, missing edges)"] + stages.keys.filter { $0.hasPrefix("policies") } + ["whole check (text report)"]
for name in order {
    let value = median(stages[name]!)
    print(String(format: "%-28@ %9.1f ms  %6.2fx the scan", name as NSString, value, value / floor))
}
if let last {
    let failing = last.pairs.first?.failingGaps.count ?? -1
    print("gaps failing: \(failing) (deliberate: \(generator.expectedGaps)); findings: \(last.activeFindings.count); input errors: \(last.diagnostics.filter { $0.severity == .error }.count)")
    for diagnostic in last.diagnostics.prefix(5) { print("  \(diagnostic)") }
}
if arguments.contains("--rules") {
    // Each rule alone, slowest first: where a policy pack's time goes.
    let sources = SourceStore()
    let workspace = Workspace(root: folder, sources: sources)
    let subjects = workspace.environments.map { workspace.resolve($0) }.map { PolicySubject(name: $0.name, tier: $0.value["metadata"]?["tier"]?.string, value: $0.value) }
    let rules = PolicyLoader().load(files: RepositoryLayout.policyFiles(in: policies), sources: sources).rules
    let timings = rules.map { rule in
        (rule.rule.id, time { _ = PolicyEngine(rules: [rule], schema: EnvironmentSchema.root).evaluate(environments: subjects, pairs: [(subjects[0], subjects[1])]) })
    }
    for (id, value) in timings.sorted(by: { $0.1 > $1.1 }).prefix(8) {
        print(String(format: "  %-48@ %8.1f ms", id as NSString, value))
    }
}
var usage = rusage()
getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
print("peak memory: \(usage.ru_maxrss / 1024) MiB (\(String(format: "%.1f", Double(usage.ru_maxrss * 1024) / Double(inputBytes)))x the input)")
