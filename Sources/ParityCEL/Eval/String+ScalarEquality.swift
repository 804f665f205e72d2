extension String {
    /// Whether two strings hold the same Unicode scalars: CEL's string equality, with no
    /// normalisation (Swift's `==` compares canonical equivalence). Lengths first, then the
    /// contiguous bytes: `utf8.elementsEqual` steps a generic iterator byte by byte, which
    /// dominated `in` over long lists of names.
    func hasSameScalars(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var a = self, b = other
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }
}
