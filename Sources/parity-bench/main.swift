import Foundation

/// `parity-bench [--profile drifted|matching|sample] [--sizes 1000,10000,50000] [--runs R]`:
/// per size, generates a repository and times, in one run, libyaml's bare C event scan of its
/// files (the floor) and each stage of `parity check`, each report format, and the whole
/// `parity check` as a process, with peak memory; see Bench.
/// `parity-bench generate` writes a repository and prints what a run must find;
/// `parity-bench scan FILE...` is the floor as a process; `parity-bench history` times
/// `parity history` (see HistoryBench).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Milliseconds `body` takes.
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

do {
    switch arguments.first {
    case "history":
        let commits = option("--commits").flatMap(Int.init) ?? 500
        try HistoryBench.run(commits: commits, runs: option("--runs").flatMap(Int.init) ?? 3,
                             folder: option("--out") ?? NSTemporaryDirectory() + "parity-bench-history-\(commits)")
    case "scan":
        exit(FloorScan.run(files: Array(arguments.dropFirst())))
    case "generate":
        let profile = try Profile(arguments: option)
        let services = option("--services").flatMap(Int.init) ?? 10_000
        let folder = option("--out") ?? NSTemporaryDirectory() + "parity-\(profile.name)-\(services)"
        let repository = try profile.generate(services: services, in: folder)
        print(repository.summary)
    default:
        try Bench(
            profile: try Profile(arguments: option),
            sizes: (option("--sizes") ?? "1000,10000,50000").split(separator: ",").compactMap { Int($0) },
            runs: option("--runs").flatMap(Int.init) ?? 3,
            parity: option("--parity"),
            instructions: arguments.contains("--instructions"), processesOnly: arguments.contains("--processes-only")
        ).run()
    }
} catch {
    FileHandle.standardError.write(Data("parity-bench: \(error)\n".utf8))
    exit(2)
}
