import Foundation
import Testing
@testable import ParityKit

/// The repository is found upward from where the user stands, as git finds `.git`.
@Suite struct RootDiscoveryTests {
    @Test func theNearestFolderWithASpecOrEnvironmentsIsTheRoot() throws {
        let scratch = try ScratchFolder()
        try scratch.write("parity.yaml", "apiVersion: parity/v1\nkind: ParitySpec\n")
        try scratch.write("environments/production/services.yaml", "")
        let found = RepositoryLayout.discoverRoot(from: scratch.path + "/environments/production")
        #expect(Workspace.canonical(found) == Workspace.canonical(scratch.path))
        #expect(found.hasSuffix("/../.."))
    }

    @Test func anEnvironmentsFolderAloneMarksARepository() throws {
        let scratch = try ScratchFolder()
        try scratch.write("repo/environments/staging.yaml", "")
        try scratch.write("repo/docs/notes.md", "")
        let found = RepositoryLayout.discoverRoot(from: scratch.path + "/repo/docs")
        #expect(Workspace.canonical(found) == Workspace.canonical(scratch.path + "/repo"))
    }

    @Test func outsideAnyRepositoryTheStartStays() throws {
        let scratch = try ScratchFolder()
        try scratch.write("loose/file.yaml", "")
        #expect(RepositoryLayout.discoverRoot(from: scratch.path + "/loose") == scratch.path + "/loose")
    }

    @Test func pathsThroughTheRootAreShortenedFromHere() {
        let here = FileManager.default.currentDirectoryPath
        let name = (here as NSString).lastPathComponent
        #expect(RelativePath.shortest("../\(name)/a.yaml") == "a.yaml")
        #expect(RelativePath.shortest("../\(name)") == ".")
        #expect(RelativePath.shortest("../other/a.yaml") == "../other/a.yaml")
    }
}
