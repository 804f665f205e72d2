import Foundation
import ParityKit
import ParityYAML

/// `parity-bench yaml [--services N] [--runs R]`: export --raw's load and JSON writing
/// against libyaml's own event scan of the same bytes, as a ratio measured in one run.
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
func option(_ name: String, default value: Int, in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

let services = option("--services", default: 10_000)
let runs = option("--runs", default: 7)
let bytes = Array(Generator(services: services, tier: "production", name: "production").yaml().utf8)
print("input: \(services) services, \(bytes.count) bytes")

var scan: [Double] = []
var export: [Double] = []
for _ in 0..<runs {
    scan.append(time { _ = EventScan.count(bytes) })
    export.append(time {
        do {
            var out: [UInt8] = []
            for document in try YAMLLoader(strictTags: false).load(bytes, file: "bench.yaml") {
                document.root.appendJSON(to: &out)
            }
            precondition(!out.isEmpty)
        } catch {
            fatalError("generated input failed to load: \(error)")
        }
    })
}
let floor = median(scan), measured = median(export)
print(String(format: "libyaml event scan   %8.1f ms (median of %d)", floor, runs))
print(String(format: "export --raw         %8.1f ms  = %.2fx the scan", measured, measured / floor))
