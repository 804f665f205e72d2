import Testing
import ParityDiagnostics
@testable import ParityKit

/// Gaps point at the file and line that wrote each value, through `extends` and folders.
@Suite struct DiffLocationTests {
    static func report(_ reference: String, _ mirror: String) throws -> PairReport {
        var options = DiffRun.Options(reference: reference, mirror: mirror, today: "2026-11-25")
        options.root = Golden.repositoryRoot.path
        let outcome = DiffRun(sources: SourceStore()).run(options)
        let (report, diagnostics) = (outcome.report, outcome.diagnostics)
        #expect(!diagnostics.containsError, "\(diagnostics)")
        return try #require(report)
    }

    func gap(_ report: PairReport, _ path: String) throws -> Gap {
        try #require(report.gaps.first { $0.path.description == path }, "no gap at \(path)")
    }

    func file(_ location: ParityDiagnostics.SourceLocation?) -> String? {
        location.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }
    }

    @Test func inheritedValuesPointAtTheParentAndOverridesAtTheChild() throws {
        let report = try Self.report("production", "preview")
        // Overridden in preview.yaml.
        #expect(file(try gap(report, "services[checkout-api].replicas").mirrorLocation) == "preview.yaml:15")
        // Inherited from staging.yaml, unchanged by preview.
        #expect(file(try gap(report, "services[fraud-detector]").referenceLocation) == "services.yaml:133")
        #expect(file(try gap(report, "observability.tracing.sampleRate").mirrorLocation) == "preview.yaml:36")
        let inherited = try gap(report, "access.roles[checkout-deployer].permissions[\"*\"]")
        #expect(file(inherited.mirrorLocation) == "staging.yaml:321")
    }

    @Test func folderEnvironmentsPointAtTheFileOfEachSection() throws {
        let report = try Self.report("production", "staging")
        let version = try gap(report, "datastores[orders-db].version")
        #expect(file(version.referenceLocation) == "datastores.yaml:\(version.referenceLocation?.line ?? 0)")
        #expect(version.referenceLocation?.file.hasSuffix("environments/production/datastores.yaml") == true)
        #expect(
            file(try gap(report, "observability.tracing.enabled").referenceLocation)?.hasPrefix("operations.yaml:")
                == true)
    }
}

import Foundation
