import Foundation
import Testing

/// What Parity writes never destroys anything, and a failed write is never a silent success.
@Suite struct OutputSafetyTests {
    func sh(_ script: String, in folder: URL? = nil) throws -> (status: Int32, stderr: String) {
        try ParityBinary.bash(script, in: folder)
    }

    @Test func aReaderThatLeavesEarlyEndsTheRunQuietlyWithItsOwnStatus() throws {
        // The sample's check fails (1); `head` closes the pipe after one line.
        let run = try sh(#""$PARITY" check --format json 2>&1 | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}" >&2"#)
        #expect(run.stderr == "1\n")
    }

    @Test func aClosedOrFullStandardOutputIsAnError() throws {
        let closed = try sh(#""$PARITY" export staging 2>&1 >&- | cat >&2"#)
        #expect(closed.stderr.contains("parity: error: cannot write standard output: it is closed"))
        let status = try sh(#""$PARITY" export staging >&- 2>/dev/null; echo "$?" >&2"#)
        #expect(status.stderr == "2\n")
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let full = try sh(#""$PARITY" export staging > /dev/full; echo "$?" >&2"#)
        #expect(full.stderr == "parity: error: cannot write standard output: no space left on device\n2\n")
    }

    @Test func devicesAndFIFOsAreWrittenIntoNotReplaced() throws {
        let folder = try ParityBinary.temporaryFolder()
        let run = try sh(#"""
            mkfifo "$0/fifo" && (cat "$0/fifo" > "$0/read" &) && sleep 0.2
            "$PARITY" check --output "$0/fifo" 2>/dev/null; echo "fifo $?" >&2
            "$PARITY" check --output /dev/null 2>/dev/null; echo "null $?" >&2
            test -p "$0/fifo" && test -c /dev/null && echo "kept" >&2
            """#.replacingOccurrences(of: "$0", with: folder.path))
        #expect(run.stderr == "fifo 1\nnull 1\nkept\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("read"), encoding: .utf8).contains("NO-GO"))
    }

    @Test func aFIFOThatNobodyReadsIsAnErrorNotAWait() throws {
        let folder = try ParityBinary.temporaryFolder()
        let run = try sh(
            "mkfifo \(folder.path)/fifo; \"$PARITY\" check --output \(folder.path)/fifo 2>&1 >/dev/null | grep -o 'no process reads this FIFO' >&2"
        )
        #expect(run.stderr == "no process reads this FIFO\n")
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let folder = try ParityBinary.temporaryFolder()
        let path = folder.appendingPathComponent("report.txt").path
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        _ = try ParityBinary.run(["check", "--output", path])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("NO-GO"))
    }

    @Test(arguments: [
        ["--output", "parity.yaml"], ["--output", "json=environments/staging.yaml"],
        ["--write-baseline", "policies/credentials.yaml"],
    ])
    func anOutputThatIsAnInputOfTheRunIsRefused(_ arguments: [String]) throws {
        let folder = try ParityBinary.temporaryFolder()
        let copy = try sh("cp -R parity.yaml environments policies \(folder.path)/")
        #expect(copy.status == 0)
        let target = arguments[1].split(separator: "=").last.map(String.init) ?? arguments[1]
        let before = try Data(contentsOf: folder.appendingPathComponent(target))
        let run = try ParityBinary.run(["check"] + arguments, in: folder)
        #expect(run.status == 64)
        #expect(run.stderr.contains("'\(target)' is a file this run reads"))
        #expect(try Data(contentsOf: folder.appendingPathComponent(target)) == before)
    }

    @Test func anEmptyOutputPathIsAUsageError() throws {
        let run = try ParityBinary.run(["check", "--output", ""])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--output names no file"))
    }
}
