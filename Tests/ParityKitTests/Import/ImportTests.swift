import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The importers on real descriptions from public projects (kept unedited, with their
/// licences, in Fixtures/importers): each imports to an environment that lints clean, the
/// same bytes every time, with a warning at the source for every key not mapped.
@Suite struct ImportTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("importers").path
    static let goldens = Golden.testsFolder.appendingPathComponent("Golden/import")

    struct Case: CustomTestStringConvertible, Sendable {
        var format: ImportRun.Format
        var path: String
        var name: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            format: .kubernetes, path: "kubernetes/online-boutique/kubernetes-manifests.yaml", name: "online-boutique"),
        Case(format: .compose, path: "compose/sock-shop/docker-compose.yml", name: "sock-shop"),
        Case(format: .compose, path: "compose/awesome-compose/nginx-golang-mysql", name: "nginx-golang-mysql"),
        Case(format: .compose, path: "compose/awesome-compose/react-java-mysql", name: "react-java-mysql"),
        Case(format: .compose, path: "compose/awesome-compose/react-express-mongodb", name: "react-express-mongodb"),
    ]

    static func run(
        _ format: ImportRun.Format, _ paths: [String], configure: (inout ImportRun.Options) -> Void = { _ in }
    ) -> Outcome<ImportRun.Report> {
        var options = ImportRun.Options(format: format, paths: paths)
        options.root = fixtures
        configure(&options)
        return ImportRun(sources: SourceStore()).run(options)
    }

    static func lint(_ path: String) -> [Diagnostic] {
        var options = LintRun.Options(paths: [path])
        options.root = (path as NSString).deletingLastPathComponent
        return LintRun(sources: SourceStore()).run(options).diagnostics
    }

    @Test(arguments: cases)
    func importsToAnEnvironmentThatLintsClean(_ test: Case) throws {
        let outcome = Self.run(test.format, [test.path])
        let report = try #require(outcome.report, "\(outcome.diagnostics)")
        #expect(outcome.status == .passed)
        try Golden.check(report.text, against: Self.goldens.appendingPathComponent("\(test.name).yaml"))
        let warnings = outcome.diagnostics.map { "\($0)\n" }.joined()
        try Golden.check(warnings, against: Self.goldens.appendingPathComponent("\(test.name).warnings"))
        #expect(
            outcome.diagnostics.allSatisfy { $0.severity == .warning && $0.location != nil },
            "every diagnostic a located warning")

        let scratch = try ScratchFolder()
        let file = try scratch.write("\(test.name).yaml", report.text)
        let lint = Self.lint(file)
        #expect(lint.isEmpty, "\(lint.map(\.description))")
    }

    @Test func theOnlineBoutiqueFrontendNamesAServiceTheFileDoesNotDefine() throws {
        let outcome = Self.run(.kubernetes, [Self.cases[0].path])
        let unknown = outcome.diagnostics.filter { $0.code == .importUnknownReference }
        #expect(unknown.count == 1)
        let warning = try #require(unknown.first)
        #expect(warning.location?.file == "kubernetes/online-boutique/kubernetes-manifests.yaml")
        #expect(warning.location?.line == 90)
        #expect(
            warning.message.contains("'SHOPPING_ASSISTANT_SERVICE_ADDR'")
                && warning.message.contains("'shoppingassistantservice'"))
        // The dependencies that are defined are inferred, with their evidence.
        let text = try #require(outcome.report?.text)
        #expect(
            text.contains(
                #"cartservice: "env CART_SERVICE_ADDR=cartservice:7070"  # kubernetes/online-boutique/kubernetes-manifests.yaml:80"#
            ))
        #expect(!text.contains("shoppingassistantservice\"  #"), "no dependency on the undefined service")
    }

    @Test func importingTwiceGivesTheSameBytes() throws {
        for test in Self.cases {
            let first = Self.run(test.format, [test.path]), second = Self.run(test.format, [test.path])
            #expect(first.report?.text == second.report?.text, "\(test.name)")
            #expect(first.diagnostics.map(\.description) == second.diagnostics.map(\.description))
        }
        let scratch = try ScratchFolder()
        var files: [[String: Data]] = []
        for _ in 0..<2 {
            let outcome = Self.run(.kubernetes, [Self.cases[0].path]) { options in
                options.output = scratch.path + "/boutique/"
                options.force = true
            }
            #expect(outcome.report?.written.count == 4, "environment, services, datastores, access")
            let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/boutique")
            files.append(
                try Dictionary(
                    uniqueKeysWithValues: names.map {
                        ($0, try Data(contentsOf: scratch.url.appendingPathComponent("boutique/\($0)")))
                    }))
        }
        #expect(files[0] == files[1])
        #expect(Self.lint(scratch.path + "/boutique").isEmpty, "the folder environment lints clean")
    }

    @Test func anExistingOutputIsReplacedOnlyWithForce() throws {
        let scratch = try ScratchFolder()
        let output = try scratch.write("env.yaml", "keep me\n")
        let refused = Self.run(.compose, [Self.cases[1].path]) { $0.output = output }
        #expect(refused.status == .invalidInput)
        #expect(refused.diagnostics.contains { $0.code == .importOutputExists && $0.severity == .error })
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")
        let forced = Self.run(.compose, [Self.cases[1].path]) { $0.output = output; $0.force = true }
        #expect(forced.status == .passed)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == forced.report?.text)
    }

    @Test func anImportNeverWritesOverItsInput() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("compose.yaml", "services:\n  web: {image: nginx}\n")
        var options = ImportRun.Options(format: .compose, paths: ["compose.yaml"])
        options.root = scratch.path
        options.output = "compose.yaml"
        options.force = true
        let outcome = ImportRun(sources: SourceStore()).run(options)
        #expect(outcome.status == .invalidInput)
        #expect(outcome.diagnostics.contains { $0.message.contains("is an input of this import") })
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "services:\n  web: {image: nginx}\n")
    }

    @Test func secretsAreImportedByNameOnly() throws {
        let outcome = Self.run(.compose, ["compose/sock-shop/docker-compose.yml"])
        let text = try #require(outcome.report?.text)
        #expect(!text.contains("MYSQL_ROOT_PASSWORD"), "a variable that looks like a secret is not copied")
        #expect(
            outcome.diagnostics.contains {
                $0.message.contains("'MYSQL_ROOT_PASSWORD'") && $0.message.contains("looks like a secret")
            })
        let nginx = try #require(Self.run(.compose, ["compose/awesome-compose/nginx-golang-mysql"]).report?.text)
        #expect(nginx.contains(#"secretRef: "file:db/password.txt""#))
    }
}
