/// Calendar dates as environment files write them: `2026-03-31`.
public enum DateText {
    /// The year, month and day of `text`; nil unless it is a real date written YYYY-MM-DD.
    public static func components(_ text: String) -> (year: Int, month: Int, day: Int)? {
        // Byte by byte: policies read dates on every item (`lastRotated + rotation >= today`).
        text.utf8.withContiguousStorageIfAvailable(components) ?? Array(text.utf8).withUnsafeBufferPointer(components)
    }

    private static func components(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month),
            day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days ? (year, month, day) : nil
    }

    /// Whether `text` is a real date written YYYY-MM-DD.
    public static func isValid(_ text: String) -> Bool { components(text) != nil }
}
