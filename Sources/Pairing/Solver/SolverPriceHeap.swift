import Foundation

/// Prices of the stay objects in an indexed min-heap (ties by index).
struct SolverPriceHeap: Sendable {
    private var prices: [Int64]
    private var heap: [Int32]
    private var position: [Int32]

    init(count: Int) {
        prices = [Int64](repeating: 0, count: count)
        heap = (0..<count).map { Int32($0) }
        position = (0..<count).map { Int32($0) }
    }

    func price(_ k: Int) -> Int64 { prices[k] }

    private func less(_ a: Int32, _ b: Int32) -> Bool {
        prices[Int(a)] < prices[Int(b)] || (prices[Int(a)] == prices[Int(b)] && a < b)
    }

    /// The cheapest object and the runner-up.
    func twoLowest() -> (Int32?, Int32?) {
        guard let first = heap.first else { return (nil, nil) }
        var runnerUp: Int32?
        if heap.count > 1 { runnerUp = heap[1] }
        if heap.count > 2, let r = runnerUp, less(heap[2], r) { runnerUp = heap[2] }
        return (first, runnerUp)
    }

    /// Raises (or sets) a price and restores the heap.
    mutating func setPrice(_ k: Int, _ value: Int64) {
        let old = prices[k]
        prices[k] = value
        var p = Int(position[k])
        if value < old {
            while p > 0 {
                let up = (p - 1) >> 1
                guard less(heap[p], heap[up]) else { break }
                heap.swapAt(p, up)
                position[Int(heap[p])] = Int32(p)
                position[Int(heap[up])] = Int32(up)
                p = up
            }
        } else {
            while true {
                let left = 2 * p + 1
                if left >= heap.count { break }
                var down = left
                if left + 1 < heap.count && less(heap[left + 1], heap[left]) { down = left + 1 }
                guard less(heap[down], heap[p]) else { break }
                heap.swapAt(p, down)
                position[Int(heap[p])] = Int32(p)
                position[Int(heap[down])] = Int32(down)
                p = down
            }
        }
    }
}
