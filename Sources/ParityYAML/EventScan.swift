internal import CYAML

/// libyaml's own event scan, with no nodes built: the floor a loader on libyaml cannot beat.
/// Benchmarks measure Parity against it.
public enum EventScan {
    /// The number of events libyaml produces for `bytes`, or nil if it rejects them.
    public static func count(_ bytes: [UInt8]) -> Int? {
        EventParser.reading(bytes, file: "") { events -> Int? in
            var count = 0
            while true {
                guard let type = try? events.next() else { return nil }
                count += 1
                if type == YAML_STREAM_END_EVENT { return count }
            }
        }
    }
}
