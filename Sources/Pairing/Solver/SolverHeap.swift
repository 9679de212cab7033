import Foundation

/// A binary min-heap of `(key, tag)` entries, ordered by key, then tag: ties resolve the same way
/// on every run, which keeps the solver deterministic.
struct SolverHeap: Sendable {
    private var keys: [Int64] = []
    private var tags: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        keys[a] < keys[b] || (keys[a] == keys[b] && tags[a] < tags[b])
    }

    mutating func push(_ key: Int64, _ tag: Int32) {
        keys.append(key)
        tags.append(tag)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            guard less(child, parent) else { break }
            keys.swapAt(child, parent)
            tags.swapAt(child, parent)
            child = parent
        }
    }

    /// The smallest entry, left in place.
    func peek() -> (key: Int64, tag: Int32)? {
        guard let key = keys.first, let tag = tags.first else { return nil }
        return (key, tag)
    }

    mutating func pop() -> (key: Int64, tag: Int32)? {
        guard let lastKey = keys.last, let lastTag = tags.last else { return nil }
        let top = (keys[0], tags[0])
        keys.removeLast()
        tags.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            tags[0] = lastTag
            var parent = 0
            let count = keys.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                var child = left
                if left + 1 < count && less(left + 1, left) { child = left + 1 }
                guard less(child, parent) else { break }
                keys.swapAt(child, parent)
                tags.swapAt(child, parent)
                parent = child
            }
        }
        return top
    }
}
