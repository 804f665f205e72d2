import ParityDiagnostics

extension ImportedSystem {
    /// How one importer speaks of what it reads, for the messages about environment variables.
    struct VariableWording {
        /// The service as messages name it ("Deployment 'frontend'", "service 'web'").
        var owner: String
        /// Where a secret should be kept instead ("a Secret read with secretKeyRef").
        var secretHome: String
        /// What would define a service the variable names ("no Service in the input").
        var noDefinition: String
    }

    /// One environment variable with a literal value: a configuration entry, unless its name
    /// says it is a secret or it is a URL with a password (then nothing, and a warning); and a
    /// dependency, marked inferred with its evidence, when it names a service of `targets`
    /// (names that reach a service).
    mutating func readVariable(
        _ name: String, _ value: String, at location: SourceLocation, of service: String,
        targets: [String: String], wording: VariableWording, diagnostics: inout [Diagnostic]
    ) -> ImportedValue? {
        if AddressInference.looksSecret(name) {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "the value of '\(name)' in \(wording.owner) looks like a secret and is not copied; keep it in \(wording.secretHome)",
                    at: location))
            return nil
        }
        let password = AddressInference.holdsPassword(value)
        if password {
            diagnostics.append(
                .warning(
                    .importUnmapped,
                    "the value of '\(name)' in \(wording.owner) is a URL with a password and is not copied; keep the password in \(wording.secretHome)",
                    at: location))
        }
        if let named = AddressInference.named(variable: name, value: value) {
            if let target = targets[named.host] {
                if target != service {
                    let via = target == named.host ? "" : " (\(named.host))"
                    // The evidence is written beside the dependency: a password in it would be too.
                    let evidence = password ? "env \(name), a URL naming \(named.host)" : "env \(name)=\(value)\(via)"
                    depend(service, on: .init(target: target, origin: location, evidence: evidence))
                }
            } else if named.isAddress {
                diagnostics.append(
                    .warning(
                        .importUnknownReference,
                        "environment variable '\(name)' of \(wording.owner) names '\(named.host)', which \(wording.noDefinition) defines; no dependency is written for it (import what defines it, or remove the variable)",
                        at: location))
            }
        }
        return password ? nil : .string(value, from: location)
    }
}
