import Foundation
import Testing

@Suite struct ExportRawTests {
    func write(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try ParityBinary.temporaryFolder()
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func eachDocumentIsOneLineInOrder() throws {
        let folder = try write([
            "a.yaml": Array("x: 1\n---\n- !Ref b\n- 'no'\n".utf8),
            "b.yaml": Array("version: 1.10\non: yes\n".utf8),
        ])
        let run = try ParityBinary.run(["export", "--raw", "a.yaml", "b.yaml"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            {"x":1}
            ["b","no"]
            {"version":1.1,"on":"yes"}

            """)
    }

    @Test func invalidFileExitsTwoWithCaretDiagnostics() throws {
        let folder = try write(["bad.yaml": Array("a: 1\nb: [1, 2\nc: 3\n".utf8)])
        let run = try ParityBinary.run(["export", "--raw", "bad.yaml"], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("bad.yaml:3:"))
        #expect(run.stderr.contains("[yaml.syntax]"))
        #expect(run.stderr.contains("\n    ^") || run.stderr.contains(" ^\n"))
    }

    @Test func missingFileIsAnErrorNotEmpty() throws {
        let run = try ParityBinary.run(["export", "--raw", "/nonexistent/parity.yaml"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "/nonexistent/parity.yaml: error: cannot read '/nonexistent/parity.yaml': no such file or directory [io.unreadable]\n"
        )
    }

    static let hostile: [(String, [UInt8])] = {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        return [
            ("billion-laughs", Array(laughs.utf8)),
            ("deep-nesting", Array(String(repeating: "[", count: 100_000).utf8)),
            ("huge-scalar", Array("k: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 50_000_000)),
            ("invalid-utf8", Array("a: ".utf8) + [0xC3, 0x28, 0x0A]),
            ("nul-byte", Array("a: b".utf8) + [0x00]),
            ("duplicate-keys", Array("a: 1\na: 2\n".utf8)),
            ("self-alias", Array("a: &a [*a]\n".utf8)),
        ]
    }()

    @Test(arguments: hostile.map(\.0))
    func hostileInputEndsInADiagnosticAndExitTwo(_ name: String) throws {
        let bytes = try #require(Self.hostile.first { $0.0 == name }?.1)
        let folder = try write(["\(name).yaml": bytes])
        let started = Date()
        let run = try ParityBinary.run(["export", "--raw", "\(name).yaml"], in: folder)
        #expect(!run.signalled)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(name).yaml:"))
        #expect(run.stderr.contains(": error: "))
        // Not a timing test: only a guard against a hang turning into a stuck CI run, generous
        // because a shared machine under load has made a 13 s run take 77 s.
        #expect(Date().timeIntervalSince(started) < 300)
    }
}
