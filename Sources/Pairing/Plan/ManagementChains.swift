import Ingest

/// Who manages whom, followed up the `manager` column as far as the data reaches. Cycles in the
/// manager data are found and reported once each, never looped on.
package struct ManagementChains: Sendable {
    private var managerOf: [String: String] = [:]
    /// Cycles found, each as ids starting from the smallest, in chain order.
    package private(set) var cycles: [[String]] = []

    package init(pool: CandidatePool) {
        for id in pool.managerOf.keys {
            if let manager = pool.resolveManager(of: id), manager != id { managerOf[id] = manager }
        }
        cycles = Self.findCycles(managerOf)
    }

    /// Everyone above `id` in the chain, nearest first; stops at a cycle.
    package func managers(of id: String) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [id]
        var current = id
        while let next = managerOf[current], !seen.contains(next) {
            chain.append(next)
            seen.insert(next)
            current = next
        }
        return chain
    }

    private static func findCycles(_ managerOf: [String: String]) -> [[String]] {
        var state: [String: Int] = [:]  // 1 on the current path, 2 finished
        var cycles: Set<[String]> = []
        for start in managerOf.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let id = current, state[id] == nil {
                state[id] = 1
                path.append(id)
                current = managerOf[id]
            }
            if let id = current, state[id] == 1, let index = path.firstIndex(of: id) {
                let cycle = Array(path[index...])
                if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                    cycles.insert(Array(cycle[smallest...] + cycle[..<smallest]))
                }
            }
            for id in path { state[id] = 2 }
        }
        return cycles.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
