import Foundation

/// Mentor places ("slots", one per unit of capacity) in a trie over mentor profiles, with prices,
/// answering "the two best places for this mentee" without looking at every mentor.
///
/// Levels: the location (only with the location rule), then one level per kept tool in order of
/// how many mentees are low on it (most first), branching on the mentor's digit for that tool
/// (0 = cannot teach it). A leaf holds the slots of all mentors with that exact relevant profile,
/// in a min-heap by price; every node knows the lowest price below it.
///
/// A query is a branch-and-bound search: a subtree's best value is at most
/// `scale × (bonus + score so far + the most the mentee's remaining low tools can add) − its lowest
/// price`, so subtrees that cannot beat the second-best value found are skipped. The bound is
/// exact for a subtree whose remaining levels are all tools the mentee is not low on, which is
/// what makes the search short: such subtrees are decided by their lowest price alone.
struct SolverMentorTrie: Sendable {
    let instance: SolverInstance
    /// Tool of each trie level after the location level.
    let toolOrder: [Int]
    let hasLocationLevel: Bool
    let radix: Int
    /// `radix` (or `locationCount` at the location level) child slots per node: index or -1.
    private(set) var children: [Int32] = []
    private(set) var childBase: [Int] = []
    private(set) var parent: [Int32] = []
    private(set) var nodeDepth: [Int32] = []
    /// Lowest price of a slot below the node (`Int64.max` when empty).
    private(set) var minPrice: [Int64] = []
    /// Leaf of each node, -1 for internal nodes.
    private(set) var leafOfNode: [Int32] = []
    /// Slots of each leaf, heap-ordered by price, and each slot's position in its heap.
    private(set) var leafHeap: [[Int32]] = []
    private(set) var leafNode: [Int32] = []
    private(set) var slotLeaf: [Int32] = []
    private(set) var slotPosition: [Int32] = []
    /// Price per slot.
    private(set) var price: [Int64]
    let slotMentor: [Int32]

    init(_ instance: SolverInstance, slotMentor: [Int32]) {
        self.instance = instance
        self.slotMentor = slotMentor
        price = [Int64](repeating: 0, count: slotMentor.count)
        var lowCount = [Int](repeating: 0, count: instance.toolCount)
        for mask in instance.menteeLow {
            var m = mask
            while m != 0 {
                lowCount[m.trailingZeroBitCount] += 1
                m &= m - 1
            }
        }
        toolOrder = (0..<instance.toolCount).sorted { (lowCount[$1], $0) < (lowCount[$0], $1) }
        hasLocationLevel = instance.locationCount > 1
        radix = instance.digitRadix
        slotLeaf = [Int32](repeating: -1, count: slotMentor.count)
        slotPosition = [Int32](repeating: -1, count: slotMentor.count)
        newNode(parent: -1, depth: 0)
        for (slot, mentor32) in slotMentor.enumerated() {
            let i = Int(mentor32)
            var node = 0
            var depth = 0
            if hasLocationLevel {
                node = child(of: node, digit: Int(instance.mentorLocation[i]), depth: depth)
                depth += 1
            }
            for t in toolOrder {
                node = child(of: node, digit: instance.mentorState(i, tool: t), depth: depth)
                depth += 1
            }
            var leaf = leafOfNode[node]
            if leaf < 0 {
                leaf = Int32(leafHeap.count)
                leafOfNode[node] = leaf
                leafHeap.append([])
                leafNode.append(Int32(node))
            }
            slotLeaf[slot] = leaf
            slotPosition[slot] = Int32(leafHeap[Int(leaf)].count)
            leafHeap[Int(leaf)].append(Int32(slot))  // all prices 0: already a heap
        }
        for leaf in 0..<leafHeap.count { refresh(from: Int(leafNode[leaf])) }
    }

    var levelCount: Int { toolOrder.count + (hasLocationLevel ? 1 : 0) }

    private func width(atDepth depth: Int) -> Int {
        hasLocationLevel && depth == 0 ? instance.locationCount : radix
    }

    @discardableResult
    private mutating func newNode(parent p: Int, depth: Int) -> Int {
        let node = parent.count
        parent.append(Int32(p))
        nodeDepth.append(Int32(depth))
        minPrice.append(Int64.max)
        leafOfNode.append(-1)
        childBase.append(children.count)
        if depth < levelCount {
            children.append(contentsOf: repeatElement(-1, count: width(atDepth: depth)))
        }
        return node
    }

    private mutating func child(of node: Int, digit: Int, depth: Int) -> Int {
        let existing = children[childBase[node] + digit]
        if existing >= 0 { return Int(existing) }
        let made = newNode(parent: node, depth: depth + 1)
        children[childBase[node] + digit] = Int32(made)
        return made
    }

    /// Recomputes lowest prices from `node` up to the root.
    private mutating func refresh(from start: Int) {
        var node = start
        while node >= 0 {
            var low = Int64.max
            let leaf = leafOfNode[node]
            if leaf >= 0 {
                if let top = leafHeap[Int(leaf)].first { low = price[Int(top)] }
            } else {
                let base = childBase[node]
                for k in 0..<width(atDepth: Int(nodeDepth[node])) {
                    let c = children[base + k]
                    if c >= 0 { low = min(low, minPrice[Int(c)]) }
                }
            }
            if low == minPrice[node] && node != start { break }
            minPrice[node] = low
            node = Int(parent[node])
        }
    }

    private func heapLess(_ a: Int32, _ b: Int32) -> Bool {
        price[Int(a)] < price[Int(b)] || (price[Int(a)] == price[Int(b)] && a < b)
    }

    /// Sets a slot's price, keeping its leaf heap and the subtree minima.
    mutating func setPrice(_ slot: Int, _ value: Int64) {
        let old = price[slot]
        if old == value { return }
        price[slot] = value
        let leaf = Int(slotLeaf[slot])
        var position = Int(slotPosition[slot])
        var heap = leafHeap[leaf]
        leafHeap[leaf] = []
        if value < old {
            while position > 0 {
                let up = (position - 1) >> 1
                guard heapLess(heap[position], heap[up]) else { break }
                heap.swapAt(position, up)
                slotPosition[Int(heap[position])] = Int32(position)
                slotPosition[Int(heap[up])] = Int32(up)
                position = up
            }
        } else {
            while true {
                let left = 2 * position + 1
                if left >= heap.count { break }
                var down = left
                if left + 1 < heap.count && heapLess(heap[left + 1], heap[left]) { down = left + 1 }
                guard heapLess(heap[down], heap[position]) else { break }
                heap.swapAt(position, down)
                slotPosition[Int(heap[position])] = Int32(position)
                slotPosition[Int(heap[down])] = Int32(down)
                position = down
            }
        }
        leafHeap[leaf] = heap
        refresh(from: Int(leafNode[leaf]))
    }

    /// The best and second-best places for mentee `j`: value = `scale × profit − price`.
    /// `second` is at least `floor` (the value of staying unpaired). `bestSlot` is -1 when no slot
    /// beats `floor`.
    struct Offer {
        var bestSlot: Int32 = -1
        var best: Int64
        var second: Int64
    }

    func bestOffers(for j: Int, scale: Int64, floor: Int64, stack: inout [SearchState]) -> Offer {
        let instance = self.instance
        let tools = instance.toolCount
        let low = instance.menteeLow[j]
        var offer = Offer(best: floor, second: floor)
        // Most the mentee can still gain from levels at or below each depth.
        let levels = levelCount
        var rest = [Int64](repeating: 0, count: levels + 1)
        var lastLow = -1
        let shift = hasLocationLevel ? 1 : 0
        if levels > shift {
            for depth in stride(from: levels - 1, through: shift, by: -1) {
                let t = toolOrder[depth - shift]
                var gain: Int64 = 0
                if low & (1 << UInt64(t)) != 0 {
                    gain = instance.weight[t] * (4 - Int64(instance.menteeValue[j * tools + t]))
                    if lastLow < 0 { lastLow = depth }
                }
                rest[depth] = rest[depth + 1] + gain
            }
            if shift == 1 { rest[0] = rest[1] }
        }
        let bonus = instance.bonus
        let scoreObjective = instance.objective == .score
        let menteeLocation = Int(instance.menteeLocation[j])
        stack.removeAll(keepingCapacity: true)
        stack.append(SearchState(node: 0, depth: 0, score: 0, teaches: false))
        while let state = stack.popLast() {
            let node = Int(state.node)
            let depth = Int(state.depth)
            let lowest = minPrice[node]
            if lowest == Int64.max { continue }
            // No teachable tool so far and none left: not a pair.
            if !state.teaches && depth > lastLow { continue }
            let bound = scale * (bonus + state.score + rest[depth]) - lowest
            if bound <= offer.second { continue }
            let leaf = leafOfNode[node]
            if leaf >= 0 {
                if scoreObjective && state.score <= 0 { continue }
                let profit = scale * (bonus + state.score)
                scanLeaf(Int(leaf), mentee: j, profit: profit, offer: &offer)
                continue
            }
            let base = childBase[node]
            if hasLocationLevel && depth == 0 {
                for k in 0..<instance.locationCount
                where k == 0 || menteeLocation == 0 || k == menteeLocation {
                    let c = children[base + k]
                    if c >= 0 { stack.append(SearchState(node: c, depth: 1, score: state.score, teaches: false)) }
                }
                continue
            }
            let t = toolOrder[depth - shift]
            let isLow = low & (1 << UInt64(t)) != 0
            let menteeScore = Int64(instance.menteeValue[j * tools + t])
            let restBelow = rest[depth + 1]
            // Children that can still beat the runner-up, explored best bound first.
            var pending = 0
            var bounds: (Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0)
            var states: (SearchState, SearchState, SearchState, SearchState, SearchState, SearchState) =
                (state, state, state, state, state, state)
            for digit in 0..<radix {
                let c = children[base + digit]
                if c < 0 { continue }
                let childLowest = minPrice[Int(c)]
                if childLowest == Int64.max { continue }
                var score = state.score
                var teaches = state.teaches
                if isLow && digit > 0 {
                    score += instance.weight[t] * (Int64(digit - 1 + instance.mentorMin) - menteeScore)
                    teaches = true
                }
                let childBound = scale * (bonus + score + restBelow) - childLowest
                if childBound <= offer.second { continue }
                let child = SearchState(node: c, depth: Int32(depth + 1), score: score, teaches: teaches)
                // Insertion into the small sorted buffer (ascending bound).
                withUnsafeMutableBytes(of: &bounds) { rawBounds in
                    withUnsafeMutableBytes(of: &states) { rawStates in
                        let b = rawBounds.bindMemory(to: Int64.self)
                        let st = rawStates.bindMemory(to: SearchState.self)
                        var k = pending
                        while k > 0 && b[k - 1] > childBound {
                            b[k] = b[k - 1]
                            st[k] = st[k - 1]
                            k -= 1
                        }
                        b[k] = childBound
                        st[k] = child
                    }
                }
                pending += 1
            }
            withUnsafeBytes(of: &states) { rawStates in
                let st = rawStates.bindMemory(to: SearchState.self)
                for k in 0..<pending { stack.append(st[k]) }
            }
        }
        return offer
    }

    struct SearchState: Sendable {
        var node: Int32
        var depth: Int32
        var score: Int64
        var teaches: Bool
    }

    /// Offers the leaf's cheapest compatible slots (in price order, through the heap).
    private func scanLeaf(_ leaf: Int, mentee j: Int, profit: Int64, offer: inout Offer) {
        let heap = leafHeap[leaf]
        // Best-first walk of the heap: a tiny frontier of heap positions.
        var frontier: [Int] = [0]
        var found = 0
        while !frontier.isEmpty && found < 2 {
            var pick = 0
            for k in 1..<frontier.count where heapLess(heap[frontier[k]], heap[frontier[pick]]) { pick = k }
            let position = frontier.remove(at: pick)
            let slot = heap[position]
            let value = profit - price[Int(slot)]
            if value <= offer.second { break }
            let left = 2 * position + 1
            if left < heap.count { frontier.append(left) }
            if left + 1 < heap.count { frontier.append(left + 1) }
            let mentor = Int(slotMentor[Int(slot)])
            guard instance.groupRulesAllow(mentor: mentor, mentee: j), !instance.isForbidden(mentor: mentor, mentee: j)
            else { continue }
            found += 1
            if value > offer.best || (value == offer.best && offer.bestSlot >= 0 && slot < offer.bestSlot) {
                if offer.bestSlot >= 0 { offer.second = max(offer.second, offer.best) }
                offer.best = value
                offer.bestSlot = slot
            } else if value > offer.second {
                offer.second = value
            }
        }
    }
}
