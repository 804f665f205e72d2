import CYAMLScan
import Foundation

/// The floor: libyaml's bare C event loop over files' bytes, with no Swift work per event.
enum FloorScan {
    /// The events of `bytes`, or nil when libyaml rejects them.
    static func events(_ bytes: [UInt8]) -> Int? {
        let count = bytes.withUnsafeBufferPointer { parity_bench_scan($0.baseAddress, $0.count) }
        return count < 0 ? nil : count
    }

    /// `parity-bench scan FILE...`: reads and scans each file, as a process of its own.
    static func run(files: [String]) -> Int32 {
        var total = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let count = events([UInt8](data)) else {
                FileHandle.standardError.write(Data("parity-bench: cannot scan \(file)\n".utf8))
                return 2
            }
            total += count
        }
        print("\(total) events")
        return 0
    }
}
