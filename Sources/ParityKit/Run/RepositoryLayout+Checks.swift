public import ParityDiagnostics

/// What a repository's layout must hold before anything in it is judged: environments in the
/// environments folder, a policies folder where the spec names one, pairs it can tell. One
/// place that `check` (the gate) and `lint` (the hook) both ask, so they cannot disagree.
extension RepositoryLayout {
    /// A pair of environments to compare, as the spec names it or as the tiers imply.
    public struct PairSpec: Sendable {
        public var reference: String
        public var mirror: String
        public var variances: [Variance]
    }

    /// Why `workspace` (read from the environments folder) holds no environment to check:
    /// the folder is missing, no folder, unreadable or empty; nil when it holds one.
    public func environmentsProblem(_ workspace: Workspace) -> Diagnostic? {
        guard workspace.environments.isEmpty else { return nil }
        let folder = workspace.environmentsFolder
        let shown = TerminalText.clipped(folder)
        let next = "run parity check in an environment repository, or name its parity.yaml with --config"
        if let reason = fileSystem.listingProblem(of: folder) {
            return .error(
                .checkNothingToCheck, "cannot read the environments folder '\(shown)': \(reason)",
                at: spec.environmentsLocation)
        }
        let why =
            fileSystem.exists(folder) && !fileSystem.isDirectory(folder)
            ? "'\(shown)' is not a folder, so there are no environments under it"
            : "no environments under '\(shown)'"
        let written = spec.environmentsLocation != nil
        return .error(
            .checkNothingToCheck, why + "; " + (written ? "check 'environments:' in parity.yaml, or " : "") + next,
            at: spec.environmentsLocation)
    }

    /// Why the policies folder gives no policies where some are needed: a folder named by
    /// `policies:` that is missing, no folder or unreadable, or no guardrail at all with the
    /// built-in pack off. `files` are the policy files found there.
    public func policiesProblem(files: [String]) -> Diagnostic? {
        let folder = policiesFolder
        let shown = TerminalText.clipped(folder)
        let missing = !fileSystem.isDirectory(folder)
        // The repository's own rules are there, unread (in the folder or one below it): no run
        // may go on without them.
        if let (path, reason) = fileSystem.unlistableFolder(under: folder) {
            let which = path == folder ? "the policies folder '\(shown)'" : "'\(TerminalText.clipped(path))' in the policies folder"
            return .error(.checkNoPolicies, "cannot read \(which): \(reason)", at: spec.policiesLocation)
        }
        let what =
            missing && fileSystem.exists(folder)
            ? "'\(shown)' is not a folder, so it holds no policies"
            : missing ? "no policies folder '\(shown)'" : "no policy files in '\(shown)'"
        let hint = "; check 'policies:' in parity.yaml"
        if spec.builtinPack {
            // A misspelt folder must not drop the repository's own rules.
            guard missing, spec.policiesFolderWritten else { return nil }
            return .error(.checkNoPolicies, what + hint, at: spec.policiesLocation)
        }
        // No guardrail at all is a choice to make out loud.
        guard files.isEmpty else { return nil }
        let message = what + " and the built-in pack is off (builtin: false); no guardrail runs"
        if spec.policiesFolderWritten {
            return .error(.checkNoPolicies, message + hint, at: spec.policiesLocation)
        }
        return .warning(.checkNoPolicies, message, at: spec.builtinLocation)
    }

    /// The pairs to compare: the spec's, or by default every staging environment mirroring
    /// the production one (by the tiers of `environments`, those that resolved); with the
    /// problems of either.
    public func pairs(workspace: Workspace, environments: [String: Value]) -> ([PairSpec], [Diagnostic]) {
        if let pairs = spec.pairs {
            return (
                pairs.map { PairSpec(reference: $0.reference, mirror: $0.mirror, variances: $0.variances) },
                SpecReferences.unknownEnvironments(spec, workspace: workspace)
            )
        }
        let tiers = environments.mapValues { $0["metadata"]?["tier"]?.string }
        let productions = workspace.environmentNames.filter { tiers[$0] == "production" }
        if productions.count > 1 {
            return (
                [],
                [
                    .error(
                        .specInvalidPair,
                        "several production environments (\(productions.joined(separator: ", "))): say which one each staging environment mirrors under 'pairs' in parity.yaml",
                        at: nil)
                ]
            )
        }
        guard let production = productions.first else { return ([], []) }
        let stagings = workspace.environmentNames.filter { tiers[$0] == "staging" }
        return (stagings.map { PairSpec(reference: production, mirror: $0, variances: []) }, [])
    }
}
