import ParityYAML

extension Node {
    /// What a node is, with its text where that helps, for "found ..." in messages.
    var foundDescription: String {
        guard let scalar else { return kindDescription }
        switch scalar.value {
        case .null: return "null"
        case .string: return "a string ('\(scalar.text)')"
        default: return "\(scalar.value.kindDescription) (\(scalar.text))"
        }
    }
}
