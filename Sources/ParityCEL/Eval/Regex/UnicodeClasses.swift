/// Unicode general categories for `\p{L}`, `\pN` and friends, as scalar ranges built once.
enum UnicodeClasses {
    private static let groups: [String: [Unicode.GeneralCategory]] = [
        "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
        "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
        "Lm": [.modifierLetter], "Lo": [.otherLetter],
        "N": [.decimalNumber, .letterNumber, .otherNumber], "Nd": [.decimalNumber],
        "P": [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
              .initialPunctuation, .finalPunctuation, .otherPunctuation],
        "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol],
        "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator], "Zs": [.spaceSeparator],
        "M": [.nonspacingMark, .spacingMark, .enclosingMark],
        "C": [.control, .format, .surrogate, .privateUse, .unassigned], "Cc": [.control],
    ]

    /// Built in one pass over all scalars, the first time any `\p` class is used.
    private static let table: [String: [ClosedRange<UInt32>]] = {
        var names: [Unicode.GeneralCategory: [String]] = [:]
        for (name, categories) in groups {
            for category in categories { names[category, default: []].append(name) }
        }
        for key in names.keys { names[key]?.sort() }
        var table: [String: [ClosedRange<UInt32>]] = [:]
        var open: [String: UInt32] = [:]
        var previous: [String] = []
        for value in UInt32(0)...0x110000 {
            var current: [String] = []
            if value <= 0x10FFFF {
                let category = Unicode.Scalar(value)?.properties.generalCategory ?? .surrogate
                current = names[category] ?? []
            }
            if current != previous {
                for name in current where !previous.contains(name) { open[name] = value }
                for name in previous where !current.contains(name) {
                    if let start = open.removeValue(forKey: name) {
                        table[name, default: []].append(start...(value - 1))
                    }
                }
                previous = current
            }
        }
        table["Any"] = [0...0x10FFFF]
        return table
    }()

    static func ranges(_ name: String) -> [ClosedRange<UInt32>]? {
        guard groups[name] != nil || name == "Any" else { return nil }
        return table[name] ?? []
    }
}
