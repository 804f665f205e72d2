/// Turns a `RegexNode` into Pike VM instructions, bounding the program size.
struct RegexCompiler {
    let pattern: String
    var program: [Regex.Inst] = []

    mutating func append(_ inst: Regex.Inst) throws(CELError) {
        program.append(inst)
        if program.count > Regex.maxInstructions {
            throw CELError(.regex, "regular expression '\(pattern)' is too large once repetitions are expanded")
        }
    }

    mutating func emit(_ node: RegexNode) throws(CELError) {
        switch node {
        case .empty: break
        case .literal(let scalar, let foldCase):
            let variants = foldCase ? CharClass.caseVariants(scalar) : []
            if variants.isEmpty {
                try append(.scalar(scalar.value))
            } else if variants.count == 1 {
                try append(.scalarFold(scalar.value, variants[0]))
            } else {
                try append(
                    .charClass(CharClass(ranges: CharClass.normalized(([scalar.value] + variants).map { $0...$0 }))))
            }
        case .any(let matchesNewline): try append(matchesNewline ? .any : .anyNotNewline)
        case .charClass(let c): try append(.charClass(c))
        case .assertion(let kind): try append(.assertion(kind))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            // split L1, next; L1: branch; jump end; next: split ... ; last branch.
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = program.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    try append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeat(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Each optional copy: split body, end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    try append(.split(program.count + 1, 0))
                    try emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                try append(.split(loop + 1, 0))
                try emit(inner)
                try append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
