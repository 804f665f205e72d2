import Foundation
import Testing

/// Files and folders that are hard to read are read, or said to be unreadable, never taken
/// for missing or empty (issue 17, point 17): names that are not UTF-8, folders no one may list.
@Suite struct UnreadableInputTests {
    /// Runs `script` in bash in `folder`: its status and what it printed, both streams.
    func sh(_ script: String, in folder: URL) throws -> (status: Int32, output: String) {
        let run = try ParityBinary.bash(script, in: folder, withOutput: true)
        return (run.status, run.stderr)
    }

    /// The sample's environments, policies and spec in a scratch folder.
    func sample() throws -> URL {
        let folder = try ParityBinary.temporaryFolder()
        let root = ParityBinary.repositoryRoot.path
        let copy = try sh("cp -R '\(root)/environments' '\(root)/policies' '\(root)/parity.yaml' .", in: folder)
        #expect(copy.status == 0, "\(copy.output)")
        return folder
    }

    @Test func aFileNamedOnTheCommandLineInBytesThatAreNotUTF8IsRead() throws {
        let folder = try ParityBinary.temporaryFolder()
        let run = try sh(#"printf 'a: [1\n' > "$(printf 'bad\377.yaml')"; "$PARITY" lint "$(printf 'bad\377.yaml')""#, in: folder)
        #expect(run.status == 2)
        // Its own problem, at its line, with the byte named.
        #expect(run.output.hasPrefix(#"bad\xFF.yaml:2:1: error: "#), "\(run.output)")
        #expect(run.output.contains("[yaml.syntax]"))
    }

    @Test func anEnvironmentWhoseFileNameIsNotUTF8IsCompared() throws {
        let folder = try sample()
        let run = try sh(
            #"mv environments/staging.yaml "environments/$(printf 'st\377ging.yaml')" && "$PARITY" lint && "$PARITY" diff production staging --format json; echo "diff $?""#,
            in: folder)
        #expect(run.output.hasSuffix("diff 1\n"), "\(run.output)")  // staging drifts: gaps, not an input error
        #expect(run.output.contains("\"staging\""), "\(run.output)")
        #expect(!run.output.contains("cannot read"))
    }

    @Test func aRepositoryFolderWhoseNameIsNotUTF8IsLinted() throws {
        let folder = try sample()
        let run = try sh(
            #"mkdir "$(printf 'r\377po')" && mv environments policies parity.yaml "$(printf 'r\377po')/" && "$PARITY" lint "$(printf 'r\377po')""#,
            in: folder)
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("not an environment repository"), "\(run.output)")
    }

    @Test func aManifestWhoseNameIsNotUTF8IsImported() throws {
        let folder = try ParityBinary.temporaryFolder()
        let manifest = "apiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: api}\\nspec:\\n  replicas: 2\\n"
            + "  template:\\n    spec:\\n      containers: [{name: api, image: registry.example.com/api:1.0}]\\n"
        let run = try sh(
            #"mkdir k8s && printf '\#(manifest)' > "k8s/$(printf 'd\377.yaml')" && "$PARITY" import kubernetes k8s --name p"#,
            in: folder)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains(#"- name: "api""#), "\(run.output)")
    }

    static let asRoot = getuid() == 0

    @Test(
        .disabled(if: asRoot, "runs as root, where file permissions do not apply: a chmod 000 folder stays readable"),
        arguments: [
            ("environments", "cannot read the environments folder 'environments': permission denied"),
            ("environments/production", "cannot read the environment folder 'environments/production': permission denied"),
            ("policies", "cannot read the policies folder 'policies': permission denied"),
            ("policies/extra", "cannot read 'policies/extra' in the policies folder: permission denied"),
        ])
    func anUnreadableFolderIsSaidToBeUnreadable(_ path: String, _ message: String) throws {
        let folder = try sample()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("policies/extra"), withIntermediateDirectories: true)
        defer { chmod(folder.appendingPathComponent(path).path, 0o755) }  // so the folder can be removed
        for command in ["lint", "check"] {
            let run = try sh("chmod 000 \(path) && \"$PARITY\" \(command); status=$?; chmod 755 \(path); exit $status", in: folder)
            #expect(run.status == 2, "\(command): \(run.output)")
            #expect(run.output.contains(message), "\(command): \(run.output)")
        }
    }
}
