import Testing
@testable import ParityKit

/// A drifted 10,000-service pair holds millions of values and a hundred thousand gaps: what
/// each costs is part of whether a check fits in ten times its input's memory.
@Suite struct FootprintTests {
    @Test func modelValuesStaySmall() {
        #expect(MemoryLayout<Value>.stride <= 32)
    }

    /// Waivers and variances are boxed in a gap's and a finding's status (inline, each was 464 bytes).
    @Test func gapsAndFindingsStaySmall() {
        #expect(MemoryLayout<Gap>.stride <= 192)
        #expect(MemoryLayout<Finding>.stride <= 192)
    }
}
