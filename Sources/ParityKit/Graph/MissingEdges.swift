/// Turns the gaps that remove an edge of the reference's graph into gaps of their own
/// kind: a dependency dropped from a list, a segment changed, a name that now names an item
/// of another kind. An edge lost with its whole item stays inside that item's gap.
struct MissingEdges {
    let schema: ObjectSchema

    func mark(
        _ gaps: inout [Gap], attributes: inout [String: Int], reference: (name: String, value: Value),
        mirror: (name: String, value: Value)
    ) {
        // Only the difference, unsorted: the mirror's identities, then the reference's edges not
        // among them. One side after the other, each keeping no more than that: both sides'
        // whole edges at once were the largest thing a drifted pair held (the other cores
        // are busy with the rules meanwhile).
        let builder = GraphBuilder(schema: schema)
        let (mirrorItems, present) = builder.identities(of: mirror.value)
        var seen = Set<DependencyGraph.EdgeIdentity>()
        let missing = builder.edges(of: reference.value, except: present).filter {
            seen.insert($0.identity).inserted
        }.sorted()
        guard !missing.isEmpty else { return }
        // A gap can hold an edge only at the edge's member or list, so only gaps ending in one
        // of their last steps are keyed by path: a step hashes in a fraction of a whole path.
        var places = Set<ModelPath.Component>()
        for edge in missing {
            places.insert(.item(edge.to.name))
            if let last = edge.path.components.last { places.insert(last) }
        }
        var byPath: [ModelPath: Int] = [:]
        for index in gaps.indices where gaps[index].kind == .missing || gaps[index].kind == .changed {
            guard let last = gaps[index].path.components.last, places.contains(last) else { continue }
            byPath[gaps[index].path] = index
        }
        // Each missing edge's holder found through a dictionary per list, not a scan of it.
        let lookup = ItemLookup()
        for edge in missing {
            let member = edge.path.item(edge.to.name)
            if let index = byPath[member] ?? byPath[edge.path] {
                gaps[index].kind = .missingEdge
                gaps[index].missingEdges.append(edge)
                continue
            }
            // The holder is gone from the mirror: its whole-item gap says so already.
            guard mirrorItems.contains(edge.from), let holder = lookup.value(in: mirror.value, at: edge.path) else {
                continue
            }
            // Same name, but in the mirror it names an item of another kind.
            var gap = Gap(
                .missingEdge, at: member, reference: Value(.string(edge.to.name), at: edge.location), mirror: nil,
                sensitive: false, mirrorLocation: holder.location, referenceLocation: edge.location)
            gap.missingEdges = [edge]
            gaps.append(gap)
            attributes[gap.section, default: 0] += 1
        }
    }
}
