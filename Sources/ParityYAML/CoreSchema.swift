#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolution of plain scalars under the YAML 1.2 core schema.
///
/// Works on the UTF-8 bytes, so most strings are told apart by their first byte alone.
enum CoreSchema {
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(bytes, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(bytes, "true", "True", "TRUE") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(bytes, "false", "False", "FALSE") ? .bool(false) : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(bytes) ?? .string
        default:
            return .string
        }
    }

    /// The value of `text` as a core-schema integer, for `!!int`.
    static func integer(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            if case .int(let value)? = number(bytes) { return value }
            return nil
        }
    }

    /// The value of `text` as a core-schema float (integers included), for `!!float`.
    static func float(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            switch number(bytes) {
            case .int(let value)?: Double(value)
            case .float(let value)?: value
            default: nil
            }
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ spellings: StaticString...) -> Bool {
        spellings.contains { spelling in
            spelling.utf8CodeUnitCount == bytes.count
                && memcmp(spelling.utf8Start, bytes.baseAddress!, bytes.count) == 0  // non-empty: checked by the caller
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        let count = bytes.count
        // 0o and 0x integers take no sign in the core schema.
        if count > 2, bytes[0] == UInt8(ascii: "0") {
            let radix: Int? = bytes[1] == UInt8(ascii: "o") ? 8 : bytes[1] == UInt8(ascii: "x") ? 16 : nil
            if let radix {
                let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[2...]), as: UTF8.self)
                guard digits.allSatisfy({ $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
                if let value = Int(digits, radix: radix) { return .int(value) }
                return Double("0x" + digits).map { .float($0) } ?? nil
            }
        }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: ".") {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self)
            if rest == "inf" || rest == "Inf" || rest == "INF" { return .float(negative ? -.infinity : .infinity) }
            if index == 0, rest == "nan" || rest == "NaN" || rest == "NAN" { return .float(.nan) }
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        let digitsStart = index
        while index < count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - digitsStart
        if index == count {
            guard integerDigits > 0 else { return nil }
            var value = 0
            for position in digitsStart..<count {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = negative
                    ? times.subtractingReportingOverflow(Int(bytes[position] - 0x30))
                    : times.addingReportingOverflow(Int(bytes[position] - 0x30))
                if o1 || o2 { return parseDouble(bytes) }
                value = sum
            }
            return .int(value)
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            fractionDigits = index - start
        }
        guard integerDigits + fractionDigits > 0, integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let start = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index == count else { return nil }
        return parseDouble(bytes)
    }

    private static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        Double(String(decoding: bytes, as: UTF8.self)).map { .float($0) }
    }
}
