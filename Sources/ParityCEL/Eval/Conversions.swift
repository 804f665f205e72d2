/// The type conversion functions: int, uint, double, string, bytes, bool, type, dyn,
/// duration and timestamp.
extension Builtins {
    static let conversions: [(String, Int, Function)] = [
        ("int", 1, Function(toInt)),
        ("uint", 1, Function(toUInt)),
        ("double", 1, Function(toDouble)),
        ("string", 1, Function(allocates: true, toString)),
        ("bytes", 1, Function(allocates: true, toBytes)),
        ("bool", 1, Function(toBool)),
        ("type", 1, Function { (a: CELValue) throws(CELError) -> CELValue in .type(a.type) }),
        ("dyn", 1, Function { (a: CELValue) throws(CELError) -> CELValue in a }),
        ("duration", 1, Function(toDuration)),
        ("timestamp", 1, Function(toTimestamp)),
    ]

    static func rangeError(_ what: String) -> CELError { CELError(.overflow, "\(what) out of range") }

    static func toInt(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .int: return a
        case .uint(let u):
            guard let i = Int64(exactly: u) else { throw rangeError("int conversion of \(u)u") }
            return .int(i)
        case .double(let d):
            // cel-go refuses both ends, -2^63 included, and NaN.
            guard d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
                throw rangeError("int conversion of \(CELValue.doubleLiteral(d))")
            }
            return .int(Int64(d))
        case .string(let s):
            guard let i = Int64(s) else { throw CELError(.conversion, "cannot convert '\(s)' to int") }
            return .int(i)
        case .timestamp(let t): return .int(t.seconds)
        case .duration(let d): return .int(d.nanoseconds)
        default: throw noOverload("int", a)
        }
    }

    static func toUInt(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .uint: return a
        case .int(let i):
            guard i >= 0 else { throw rangeError("uint conversion of \(i)") }
            return .uint(UInt64(i))
        case .double(let d):
            guard d >= 0, d < 18_446_744_073_709_551_616.0 else {
                throw rangeError("uint conversion of \(CELValue.doubleLiteral(d))")
            }
            return .uint(UInt64(d))
        case .string(let s):
            guard let u = UInt64(s) else { throw CELError(.conversion, "cannot convert '\(s)' to uint") }
            return .uint(u)
        default: throw noOverload("uint", a)
        }
    }

    static func toDouble(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .double: return a
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = parseDouble(s) else { throw CELError(.conversion, "cannot convert '\(s)' to double") }
            return .double(d)
        default: throw noOverload("double", a)
        }
    }

    /// Go's ParseFloat spellings: decimal and exponent forms, `NaN`, `Inf`, `Infinity`.
    private static func parseDouble(_ s: String) -> Double? {
        var body = Substring(s), sign = 1.0
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "nan": return .nan
        case "inf", "infinity": return sign * .infinity
        default: break
        }
        guard !body.isEmpty, body.unicodeScalars.allSatisfy({ $0.isDigit || ".eE+-_".unicodeScalars.contains($0) })
        else { return nil }
        return Double(s)
    }

    static func toString(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .string: return a
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(GoFloat.formatG(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else {
                throw CELError(.conversion, "bytes are not valid utf-8 and cannot convert to string")
            }
            return .string(s)
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.text)
        case .type(let t): return .string(t.runtimeName)
        case .object(let object as any CELScalarObject): return .string(object.celText)
        default: throw noOverload("string", a)
        }
    }

    static func toBytes(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .bytes: return a
        case .string(let s): return .bytes(Array(s.utf8))
        default: throw noOverload("bytes", a)
        }
    }

    static func toBool(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .bool: return a
        case .string(let s):
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw CELError(.conversion, "cannot convert '\(s)' to bool")
            }
        default: throw noOverload("bool", a)
        }
    }

    static func toDuration(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .duration: return a
        case .string(let s): return .duration(try CELDuration(parsing: s))
        case .int(let i): return .duration(CELDuration(nanoseconds: i))
        default: throw noOverload("duration", a)
        }
    }

    static func toTimestamp(_ a: CELValue) throws(CELError) -> CELValue {
        switch a {
        case .timestamp: return a
        case .string(let s): return .timestamp(try CELTimestamp(parsing: s))
        case .int(let i): return .timestamp(try CELTimestamp(seconds: i))
        default: throw noOverload("timestamp", a)
        }
    }
}

/// Go's `strconv.FormatFloat(d, 'g', -1, 64)`, which cel-go's string(double) uses.
enum GoFloat {
    static func formatG(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let (negative, digits, point) = shortestDigits(d)
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0" }
        let exponent = point - 1
        if exponent < -4 || exponent >= 6 {
            var text = sign + String(digits.first ?? "0")
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            return text + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-tripping decimal digits of `d` and where the point goes:
    /// d = 0.digits × 10^point.
    static func shortestDigits(_ d: Double) -> (negative: Bool, digits: String, point: Int) {
        var text = d.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let dot = text.firstIndex(of: ".")
        var point = (dot.map { text.distance(from: text.startIndex, to: $0) } ?? text.count) + exponent
        var digits = text.filter { $0 != "." }
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (d.sign == .minus, digits, point)
    }
}
