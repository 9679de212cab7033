import Dispatch
import Ingest

/// The elements of a `JSONValue.elements` array: how many, and how to write each. They are written
/// straight to bytes while the array is written, so that a long list (a large run's pairs) is
/// never made as values.
package struct JSONElements: Sendable {
    package let count: Int
    /// Writes element `index` as one value, where the writer stands (its line already started).
    package let write: @Sendable (_ index: Int, _ writer: inout JSONWriter) -> Void

    package init(count: Int, write: @escaping @Sendable (_ index: Int, _ writer: inout JSONWriter) -> Void) {
        self.count = count
        self.write = write
    }

    /// Elements per worker and block when written concurrently: about a megabyte of a large run's
    /// pairs; an array of fewer than two blocks is written on one thread.
    static let concurrentBlock = 1_024
    static let concurrentFrom = 2 * concurrentBlock
}

extension JSONWriter {
    /// An array of `elements`. A long one (a large run's pairs) is rendered on two threads, a block
    /// each at a time, and the two blocks handed on in order: the same bytes as on one thread. At
    /// 1,000,000 rows this is most of `summary.json`'s 117 MB. Inside a block, on its thread, a
    /// nested long array is written on that thread.
    package mutating func array(_ elements: JSONElements) {
        beginArray()
        if elements.count >= JSONElements.concurrentFrom && !isCollecting {
            writeConcurrently(elements)
        } else {
            for index in 0..<elements.count {
                element()
                elements.write(index, &self)
            }
        }
        endArray()
    }

    private mutating func writeConcurrently(_ elements: JSONElements) {
        let (count, depth) = (elements.count, self.depth)
        var start = 0
        while start < count {
            let (first, end) = (start, min(count, start + 2 * JSONElements.concurrentBlock))
            let middle = min(end, first + JSONElements.concurrentBlock)
            let blocks = [[UInt8]](unsafeUninitializedCapacity: 2) { blocks, initialized in
                guard let base = blocks.baseAddress else { return }
                let slots = UnsafeSendableBuffer(base)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    let range = half == 0 ? first..<middle : middle..<end
                    var block = JSONWriter.collecting(depth: depth, isFirst: range.lowerBound == 0)
                    for index in range {
                        block.element()
                        elements.write(index, &block)
                    }
                    (slots.pointer + half).initialize(to: block.collected)
                }
                initialized = 2
            }
            for block in blocks { append(elements: block) }
            start = end
        }
    }
}
