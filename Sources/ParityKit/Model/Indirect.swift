/// A value kept behind a reference, for a field most values leave empty: the holder stays
/// small, and copying it retains one box instead of copying the value.
final class Indirect<Wrapped: Sendable>: Sendable {
    let value: Wrapped

    init(_ value: Wrapped) {
        self.value = value
    }
}
