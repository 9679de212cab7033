import Ingest

/// Who manages whom, followed up the `manager` column as far as the data reaches. Cycles in the
/// manager data are found and reported once each, never looped on.
///
/// People are numbered by respondent: the node of an id is the first respondent who has it (ids
/// equal as `String`s are one person). A manager value names an id, or else the email of someone in
/// the survey (the last one with that email, compared lower-cased); anything else ends the chain.
package struct ManagementChains: Sendable {
    /// The node of each respondent.
    private var nodeOfRespondent: [Int32]
    /// The manager's node of each node; -1 when none (or outside the survey).
    private var managerOf: [Int32]
    /// Canonical id → first respondent with it (its node).
    private let idIndex: ColumnIndex
    private let ids: TextColumn
    /// Cycles found, each as ids starting from the smallest, in chain order.
    package private(set) var cycles: [[String]] = []

    package init(pool: CandidatePool) {
        precondition(!pool.textsByCandidate, "chains built after the respondents' texts were let go")
        let count = pool.respondentCount
        let ids = pool.ids
        let managers = pool.managers
        precondition(ids.count == count && managers.count == count, "one id and one manager value per respondent")
        let (index, nodes) = ColumnIndex.build(ids, key: .canonical)
        // The manager value that holds for each node: the last respondent with the id and a manager.
        var valueOf = [Int32](repeating: -1, count: count)
        for respondent in 0..<count where !managers.isEmpty(respondent) {
            valueOf[Int(nodes[respondent])] = Int32(respondent)
        }
        // Manager values name ids first; only values that name no id are looked up as emails (and
        // the email index is built only when there is one). Both look-ups run on every core.
        let unresolved: Int32 = -2
        let idIndex = index
        let nodeOf = nodes
        var managerOf = Self.resolve(valueOf, nodes: nodeOf, managers: managers, index: idIndex, in: ids) {
            $0.map { Int32($0) } ?? unresolved
        }
        if managerOf.contains(unresolved) {
            let emails = Self.emailIndex(pool)
            let byEmail = Self.resolve(valueOf, nodes: nodeOf, managers: managers, index: emails, in: pool.emails) {
                $0.map { nodeOf[$0] } ?? -1
            }
            for node in 0..<count where managerOf[node] == unresolved { managerOf[node] = byEmail[node] }
        }
        for node in 0..<count where managerOf[node] == Int32(node) { managerOf[node] = -1 }
        self.nodeOfRespondent = nodes
        self.managerOf = managerOf
        self.idIndex = index
        self.ids = ids
        cycles = findCycles(pool: pool)
    }

    /// For the manager value of every node that has one (`valueOf`: the respondent whose value
    /// holds), `result` of the entry of `column` that `index` finds for it; -1 for the other
    /// nodes. The workers take a run of respondents each and look their values up in order
    /// (`ColumnIndex.findEach`); a node's result is written by the respondent whose value holds,
    /// so by one worker only.
    private static func resolve(
        _ valueOf: [Int32], nodes: [Int32], managers: TextColumn, index: ColumnIndex, in column: TextColumn,
        _ result: @Sendable (Int?) -> Int32
    ) -> [Int32] {
        let count = valueOf.count
        var results = [Int32](repeating: -1, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let shared = UnsafeSendableBuffer(start)
            concurrentRuns(count: count) { run in
                index.findEach(managers, in: run, where: { valueOf[Int(nodes[$0])] == Int32($0) }, in: column) {
                    respondent, entry in
                    shared.pointer[Int(nodes[respondent])] = result(entry)
                }
            }
        }
        return results
    }

    /// Lower-cased canonical email → the last respondent with it.
    private static func emailIndex(_ pool: CandidatePool) -> ColumnIndex {
        let emails = pool.emails
        var index = ColumnIndex(key: .lowercased, capacity: pool.respondentCount)
        for respondent in 0..<pool.respondentCount where !emails.isEmpty(respondent) {
            index.set(respondent, of: emails)
        }
        return index
    }

    /// The node of respondent `respondent`.
    package func node(ofRespondent respondent: Int) -> Int { Int(nodeOfRespondent[respondent]) }

    /// The node of the person with id `id`, if anyone has it.
    package func node(ofID id: String) -> Int? {
        var copy = id
        return copy.withUTF8 { bytes in
            idIndex.withKey(UnsafeRawBufferPointer(bytes)) { idIndex.find(keyed: $0, in: ids) }
        }
    }

    /// Everyone above `node` in the chain, nearest first; stops at a cycle.
    package func managers(of node: Int) -> [Int] {
        var chain: [Int] = []
        managers(of: node, into: &chain)
        return chain
    }

    /// `managers(of:)` into a buffer the caller reuses.
    package func managers(of node: Int, into chain: inout [Int]) {
        chain.removeAll(keepingCapacity: true)
        var seen: Set<Int>?
        var current = node
        while managerOf[current] >= 0 {
            let next = Int(managerOf[current])
            if next == node { break }
            // Chains are short: a linear search, and a set for the rare long one.
            if chain.count < 32 {
                if chain.contains(next) { break }
            } else {
                if seen == nil { seen = Set(chain) }
                if seen?.contains(next) == true { break }
                seen?.insert(next)
            }
            chain.append(next)
            current = next
        }
    }

    /// The cycles of the manager graph, each rotated to start at its smallest id, sorted.
    private func findCycles(pool: CandidatePool) -> [[String]] {
        var state = [UInt8](repeating: 0, count: managerOf.count)  // 1 on the current path, 2 finished
        var found: [[Int]] = []
        var path: [Int] = []
        for start in 0..<managerOf.count where managerOf[start] >= 0 && state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var current = start
            while current >= 0, state[current] == 0 {
                state[current] = 1
                path.append(current)
                current = Int(managerOf[current])
            }
            if current >= 0, state[current] == 1, let index = path.firstIndex(of: current) {
                found.append(Array(path[index...]))
            }
            for node in path { state[node] = 2 }
        }
        guard !found.isEmpty else { return [] }
        let texts = found.map { cycle in cycle.map { pool.withID(ofRespondent: $0) { FieldText.string($0) } } }
        if texts.joined().allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            return Self.canonicalOrder(texts)
        }
        // Ids beyond ASCII: spell the cycles exactly as the chain data spells them.
        return Self.cyclesFromStrings(pool)
    }

    /// Each cycle rotated to start at its smallest id; the cycles sorted.
    private static func canonicalOrder(_ cycles: [[String]]) -> [[String]] {
        var unique: Set<[String]> = []
        for cycle in cycles {
            if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                unique.insert(Array(cycle[smallest...] + cycle[..<smallest]))
            }
        }
        return unique.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The cycles found on the data as strings, id by id: the chains as the manager column spells
    /// them (used when ids go beyond ASCII, where equal ids may be spelt differently).
    private static func cyclesFromStrings(_ pool: CandidatePool) -> [[String]] {
        var ids: Set<String> = []
        var managerValue: [String: String] = [:]
        var idOfEmail: [String: String] = [:]
        for respondent in 0..<pool.respondentCount {
            let id = pool.withID(ofRespondent: respondent) { FieldText.string($0) }
            ids.insert(id)
            pool.withManager(ofRespondent: respondent) { if !$0.isEmpty { managerValue[id] = FieldText.string($0) } }
            pool.withEmail(ofRespondent: respondent) {
                if !$0.isEmpty { idOfEmail[FieldText.string($0).lowercased()] = id }
            }
        }
        var managerOf: [String: String] = [:]
        for (id, value) in managerValue {
            let manager = ids.contains(value) ? value : (idOfEmail[value.lowercased()] ?? value)
            if manager != id { managerOf[id] = manager }
        }
        var state: [String: Int] = [:]
        var cycles: [[String]] = []
        for start in managerOf.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let id = current, state[id] == nil {
                state[id] = 1
                path.append(id)
                current = managerOf[id]
            }
            if let id = current, state[id] == 1, let index = path.firstIndex(of: id) {
                cycles.append(Array(path[index...]))
            }
            for id in path { state[id] = 2 }
        }
        return canonicalOrder(cycles)
    }
}
