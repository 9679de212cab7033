import Foundation

/// A binary min-heap of `(key, tag)` entries, ordered by key, then tag: ties resolve the same way
/// on every run, which keeps the solver deterministic.
///
/// Entries live in one array (key and tag side by side) and the sift loops work on its buffer
/// directly: the restricted solver's searches push and pop millions of entries.
struct SolverHeap: Sendable {
    private struct Entry {
        var key: Int64
        var tag: Int32

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            key < other.key || (key == other.key && tag < other.tag)
        }
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ tag: Int32) {
        let entry = Entry(key: key, tag: tag)
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                let above = heap[parent]
                guard entry.precedes(above) else { break }
                heap[child] = above
                child = parent
            }
            heap[child] = entry
        }
    }

    /// The smallest entry, left in place.
    func peek() -> (key: Int64, tag: Int32)? {
        guard let top = entries.first else { return nil }
        return (top.key, top.tag)
    }

    mutating func pop() -> (key: Int64, tag: Int32)? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return (last.key, last.tag) }
        let top = entries[0]
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = 0
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                var child = left
                if left + 1 < count && heap[left + 1].precedes(heap[left]) { child = left + 1 }
                let below = heap[child]
                guard below.precedes(last) else { break }
                heap[parent] = below
                parent = child
            }
            heap[parent] = last
        }
        return (top.key, top.tag)
    }
}
