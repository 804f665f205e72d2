import Foundation
import Testing

/// The binary `scripts/build-release` makes needs nothing at run time but the C library and
/// libcurl: no Swift runtime, no libyaml, nothing beside it, and it runs with the toolchain
/// out of reach.
@Suite(
    .enabled(
        if: PortableBuild.binary != nil || ExternalTool.underCI,
        "no portable build; run scripts/build-release (.ci/run does)"))
struct PortableBinaryTests {
    static let path = PortableBuild.path
    static var binary: String? { PortableBuild.binary }

    /// The libraries the binary names as needed (`readelf -d`).
    func neededLibraries(_ binary: String) throws -> [String] {
        let readelf = try #require(ExternalTool.find("readelf"), "readelf (binutils) is not installed")
        let run = try ExternalTool.run(readelf, ["-d", binary])
        try #require(run.status == 0, "\(run.output)")
        return run.output.split(separator: "\n").compactMap { line in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    @Test func itNeedsOnlyTheSystemsLibraries() throws {
        let binary = try #require(Self.binary, "no \(Self.path); scripts/build-release builds it")
        let needed = try neededLibraries(binary)
        #expect(!needed.isEmpty, "a dynamically linked binary names its C library")
        #expect(
            needed.allSatisfy {
                !$0.hasPrefix("libswift") && !$0.hasPrefix("libyaml") && !$0.hasPrefix("libFoundation")
                    && !$0.hasPrefix("libdispatch")
            }, "\(needed)")
        // glibc, and libcurl, which FoundationNetworking (parity ready's Prometheus client) calls.
        let system: Set = [
            "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2",
            "ld-linux-aarch64.so.1", "libcurl.so.4",
        ]
        #expect(Set(needed).isSubset(of: system), "\(needed)")
    }

    @Test func itRunsWithTheToolchainOutOfReach() throws {
        let binary = try #require(Self.binary, "no \(Self.path); scripts/build-release builds it")
        // A copy alone in a folder: its RUNPATH ($ORIGIN) finds nothing there.
        let folder = try ParityBinary.temporaryFolder()
        let copy = folder.appendingPathComponent("parity").path
        try FileManager.default.copyItem(atPath: binary, toPath: copy)
        let example = ParityBinary.repositoryRoot.appendingPathComponent("examples/clean-mirror")
        let bare = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PARITY_TODAY": "2026-11-25"]

        // The dynamic loader says what it loads: nothing of the toolchain, no libyaml.
        var traced = bare
        traced["LD_DEBUG"] = "libs"
        let run = try ExternalTool.run(copy, ["check"], in: example, environment: traced)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("GO: no gaps or findings"))
        let loaded = run.output.split(separator: "\n").filter { $0.contains("calling init:") }
        #expect(!loaded.isEmpty, "LD_DEBUG traced the libraries loaded")
        #expect(loaded.allSatisfy { !$0.contains("swift") && !$0.contains("libyaml") }, "\(loaded)")

        // Where a mount namespace can be made (root), hide the toolchain's runtime outright.
        guard let swift = ExternalTool.find("swift"), let unshare = ExternalTool.find("unshare") else { return }
        let runtime = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("lib/swift").path
        let empty = try ParityBinary.temporaryFolder().path
        let hidden = try ExternalTool.run(
            unshare,
            [
                "--mount", "sh", "-c", "mount --bind \"$1\" \"$2\" && ls \"$2\" | wc -l && exec \"$3\" check", "sh",
                empty, runtime, copy,
            ],
            in: example, environment: bare)
        if hidden.output.contains("Operation not permitted") || hidden.output.contains("unshare failed")
            || hidden.output.contains("permission denied")
        {
            return // no namespace here; the loader's trace above is the proof
        }
        #expect(hidden.status == 0, "\(hidden.output)")
        #expect(hidden.output.hasPrefix("0\n"), "the toolchain's runtime folder is empty inside")
        #expect(hidden.output.contains("GO: no gaps or findings"))
    }
}

/// Where `scripts/build-release` leaves the portable binary.
enum PortableBuild {
    static let path = ParityBinary.repositoryRoot.appendingPathComponent(".build/portable/release/parity").path
    static var binary: String? { FileManager.default.isExecutableFile(atPath: path) ? path : nil }
}
