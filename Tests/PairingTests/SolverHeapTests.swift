import Testing

@testable import Pairing

@Suite("Solver heap")
struct SolverHeapTests {
    @Test("Pops come out by key, then tag, whatever the push order", arguments: 0..<20)
    func order(seed: Int) {
        var rng = SolverTestRandom(seed: UInt64(31_000 + seed))
        var heap = SolverHeap()
        var expected: [(key: Int64, tag: Int32)] = []
        var popped: [(key: Int64, tag: Int32)] = []
        for _ in 0..<rng.int(0...400) {
            if rng.chance(0.3), let top = heap.pop() {
                popped.append(top)
                let smallest = expected.indices.min {
                    (expected[$0].key, expected[$0].tag) < (expected[$1].key, expected[$1].tag)
                }
                if let smallest { #expect(top == expected.remove(at: smallest)) }
            } else {
                // Few distinct keys, so ties are common.
                let entry = (key: Int64(rng.int(-3...6)), tag: Int32(rng.int(0...50)))
                heap.push(entry.key, entry.tag)
                expected.append(entry)
            }
        }
        expected.sort { ($0.key, $0.tag) < ($1.key, $1.tag) }
        var rest: [(key: Int64, tag: Int32)] = []
        while let top = heap.pop() { rest.append(top) }
        #expect(rest.map(\.key) == expected.map(\.key))
        #expect(rest.map(\.tag) == expected.map(\.tag))
        #expect(heap.isEmpty && heap.peek() == nil)
    }
}
