/// The arithmetic operators, with int and uint overflow as errors and IEEE doubles.
enum Arithmetic {
    static func overflow(_ op: String) -> CELError { CELError(.overflow, "integer overflow in '\(op)'") }

    static func add(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow("+") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow("+") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return .timestamp(try shift(t, by: d.nanoseconds))
        case (.duration(let x), .duration(let y)):
            let (r, o) = x.nanoseconds.addingReportingOverflow(y.nanoseconds)
            if o { throw CELError(.overflow, "duration out of range") }
            return .duration(CELDuration(nanoseconds: r))
        default: throw Builtins.noOverload("_+_", a, b)
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow("-") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow("-") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp(let t), .duration(let d)):
            guard d.nanoseconds != .min else { throw CELError(.overflow, "timestamp out of range") }
            return .timestamp(try shift(t, by: -d.nanoseconds))
        case (.timestamp(let x), .timestamp(let y)):
            let seconds = x.seconds - y.seconds  // both within years 1-9999: no overflow
            return .duration(try CELDuration(seconds: seconds, nanos: Int64(x.nanos) - Int64(y.nanos)))
        case (.duration(let x), .duration(let y)):
            let (r, o) = x.nanoseconds.subtractingReportingOverflow(y.nanoseconds)
            if o { throw CELError(.overflow, "duration out of range") }
            return .duration(CELDuration(nanoseconds: r))
        default: throw Builtins.noOverload("_-_", a, b)
        }
    }

    static func multiply(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow("*") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow("*") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: throw Builtins.noOverload("_*_", a, b)
        }
    }

    static func divide(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw CELError(.divisionByZero, "division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw overflow("/") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw CELError(.divisionByZero, "division by zero") }
            return .uint(x / y)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: throw Builtins.noOverload("_/_", a, b)
        }
    }

    static func modulo(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw CELError(.divisionByZero, "modulus by zero") }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { throw overflow("%") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw CELError(.divisionByZero, "modulus by zero") }
            return .uint(x % y)
        default: throw Builtins.noOverload("_%_", a, b)
        }
    }

    static func negate(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .int(let x):
            if x == .min { throw overflow("-") }
            return .int(-x)
        case .double(let x): return .double(-x)
        case .duration(let d):
            if d.nanoseconds == .min { throw CELError(.overflow, "duration out of range") }
            return .duration(CELDuration(nanoseconds: -d.nanoseconds))
        default: throw Builtins.noOverload("-_", a)
        }
    }

    static func shift(_ t: CELTimestamp, by nanoseconds: Int64) throws(CELError) -> CELTimestamp {
        let seconds = t.seconds + nanoseconds / 1_000_000_000  // |duration| < 300 years: no overflow
        return try CELTimestamp(seconds: seconds, nanos: Int32(Int64(t.nanos) + nanoseconds % 1_000_000_000))
    }
}
