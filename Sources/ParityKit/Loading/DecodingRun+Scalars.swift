import ParityDiagnostics
import ParityYAML

extension DecodingRun {
    /// YAML 1.1 booleans, which the 1.2 core schema reads as strings, with what to write instead.
    static let yaml11Booleans: [String: Bool] = {
        var table: [String: Bool] = [:]
        for (words, value) in [(["yes", "y", "on"], true), (["no", "n", "off"], false)] {
            for word in words {
                table[word] = value
                table[word.uppercased()] = value
                table[word.prefix(1).uppercased() + word.dropFirst()] = value
            }
        }
        return table
    }()

    /// What `scalar` decodes to as the scalar type `type` when that needs no diagnostic; nil
    /// when it does (or `type` is not a scalar type), and `scalar(_:_:label:field:)` says why.
    /// The decoder reading events (`EventDecoder`) takes only what this accepts.
    static func plainContent(of scalar: Scalar, as type: SchemaType, field: FieldSchema?) -> Value.Content? {
        if scalar.value == .null { return nil }
        if field?.sensitive == true, case .bool = scalar.value { return nil }
        func inBounds(_ number: Double) -> Bool {
            !(field?.minimum.map { number < $0 } ?? false) && !(field?.maximum.map { number > $0 } ?? false)
        }
        switch type {
        case .string:
            if case .bool = scalar.value { return nil }
            if let format = field?.format, !format.isValid(scalar.text) { return nil }
            return .string(scalar.text)
        case .int:
            guard case .int(let number) = scalar.value, inBounds(Double(number)) else { return nil }
            return .int(number)
        case .double:
            let number: Double
            switch scalar.value {
            case .int(let value): number = Double(value)
            case .float(let value): number = value
            default: return nil
            }
            return inBounds(number) ? .double(number) : nil
        case .bool:
            if case .bool(let flag) = scalar.value { return .bool(flag) }
            return nil
        case .enumeration(let cases): return cases.contains(scalar.text) ? .string(scalar.text) : nil
        case .duration: return DurationText.seconds(scalar.text) != nil ? .string(scalar.text) : nil
        case .date: return DateText.isValid(scalar.text) ? .string(scalar.text) : nil
        default: return nil
        }
    }

    /// Decodes a scalar field: strings keep their source text, numbers and booleans are checked.
    mutating func scalar(_ node: Node, _ type: SchemaType, label: Label, field: FieldSchema?) -> Value {
        if let scalar = node.scalar, let content = Self.plainContent(of: scalar, as: type, field: field) {
            return Value(content, at: node.location)
        }
        guard let scalar = node.scalar, scalar.value != .null else {
            return mismatch(node, expected: type.expectation, label: label)
        }
        // A secret's text never goes into a message, even a wrong one.
        if field?.sensitive == true, case .bool = scalar.value {
            return mismatch(node, expected: "a string", label: label, quoting: false)
        }
        switch type {
        case .string:
            if case .bool = scalar.value {
                return mismatch(
                    node, expected: "a string", label: label, hint: "; quote it ('\(scalar.text)') to mean the text")
            }
            if let format = field?.format, !format.isValid(scalar.text) {
                let shown = field?.sensitive == true ? "" : ", found '\(scalar.text)'"
                return invalid(node, "expected \(format.expectation)\(label.phrase)\(shown)")
            }
            return Value(.string(scalar.text), at: node.location)
        case .int:
            guard case .int(let number) = scalar.value else {
                return mismatch(node, expected: "an integer", label: label)
            }
            checkBounds(Double(number), noun: "an integer", node: node, label: label, field: field)
            return Value(.int(number), at: node.location)
        case .double:
            let number: Double
            switch scalar.value {
            case .int(let value): number = Double(value)
            case .float(let value): number = value
            default: return mismatch(node, expected: "a number", label: label)
            }
            checkBounds(number, noun: "a number", node: node, label: label, field: field)
            return Value(.double(number), at: node.location)
        case .bool:
            if case .bool(let flag) = scalar.value { return Value(.bool(flag), at: node.location) }
            if scalar.style == .plain, let meant = Self.yaml11Booleans[scalar.text] {
                if listed(.error) {
                    diagnostics.append(
                        .error(
                            .schemaYAML11Boolean,
                            "expected a boolean, found '\(scalar.text)' (YAML 1.1 spelling); write \(meant)",
                            at: node.location))
                }
                return Value(.bool(meant), at: node.location)
            }
            let unquote = scalar.text == "true" || scalar.text == "false" ? "; write \(scalar.text) without quotes" : ""
            return mismatch(node, expected: "a boolean", label: label, hint: unquote)
        case .enumeration(let cases):
            guard cases.contains(scalar.text) else {
                // A truncated word (`prod`) is as likely a slip as a typo.
                let closest =
                    Suggestion.closest(to: scalar.text, in: cases)
                    ?? cases.first { !scalar.text.isEmpty && $0.hasPrefix(scalar.text.lowercased()) }
                let hint = closest.map { "; did you mean '\($0)'?" } ?? ""
                return invalid(
                    node,
                    "expected one of \(cases.joined(separator: ", "))\(label.phrase), found '\(scalar.text)'\(hint)")
            }
            return Value(.string(scalar.text), at: node.location)
        case .duration:
            guard DurationText.seconds(scalar.text) != nil else {
                return invalid(
                    node, "expected a duration such as 90d, 12h or 1h30m\(label.phrase), found '\(scalar.text)'")
            }
            return Value(.string(scalar.text), at: node.location)
        case .date:
            guard DateText.isValid(scalar.text) else {
                return invalid(node, "expected a date such as 2026-03-31\(label.phrase), found '\(scalar.text)'")
            }
            return Value(.string(scalar.text), at: node.location)
        default:
            return Value(generic: node)
        }
    }

    private mutating func invalid(_ node: Node, _ message: String) -> Value {
        if listed(.error) {
            diagnostics.append(.error(.schemaInvalidValue, message, at: node.location))
        }
        return Value(generic: node)
    }

    private mutating func checkBounds(_ number: Double, noun: String, node: Node, label: Label, field: FieldSchema?) {
        guard let field else { return }
        let text = node.scalar?.text ?? ""
        let range: String
        switch (field.minimum, field.maximum) {
        case let (low?, high?): range = "from \(Self.format(low)) to \(Self.format(high))"
        case let (low?, nil): range = "\(Self.format(low)) or more"
        case let (nil, high?): range = "\(Self.format(high)) or less"
        case (nil, nil): return
        }
        if let low = field.minimum, number < low {
            if listed(.error) {
                diagnostics.append(
                    .error(
                        .schemaInvalidValue, "expected \(noun) \(range)\(label.phrase), found \(text)", at: node.location))
            }
        } else if let high = field.maximum, number > high {
            if listed(.error) {
                diagnostics.append(
                    .error(
                        .schemaInvalidValue, "expected \(noun) \(range)\(label.phrase), found \(text)", at: node.location))
            }
        }
    }

    /// A bound as people write it: `100`, not `100.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
