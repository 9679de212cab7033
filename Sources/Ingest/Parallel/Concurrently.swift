import Dispatch
import Foundation

/// `transform` of `0..<count`, kept in order, worked out in `parts` runs of consecutive indexes at
/// the same time (by default one per processor for long lists, one run for short ones).
package func concurrentMap<Element: Sendable>(
    count: Int, parts: Int? = nil, _ transform: @Sendable (Int) -> Element
) -> [Element] {
    [Element](unsafeUninitializedCapacity: count) { result, initialized in
        guard let start = result.baseAddress else { return }
        let base = UnsafeSendableBuffer(start)
        concurrentRuns(count: count, parts: parts) { run in
            for index in run { (base.pointer + index).initialize(to: transform(index)) }
        }
        initialized = count
    }
}

/// Calls `body` with `parts` runs of consecutive indexes that together make `0..<count`, the runs
/// at the same time (by default one per processor for long lists, one run for short ones). What
/// `body` writes for its run must be its own.
package func concurrentRuns(count: Int, parts: Int? = nil, _ body: @Sendable (Range<Int>) -> Void) {
    let parts = max(1, parts ?? (count < 4_096 ? 1 : ProcessInfo.processInfo.activeProcessorCount))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        body((count * part / parts)..<(count * (part + 1) / parts))
    }
}

/// `first()` and `second()`, worked out at the same time on two threads.
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    var a: A?
    var b: B?
    withUnsafeMutablePointer(to: &a) { a in
        withUnsafeMutablePointer(to: &b) { b in
            let (slotA, slotB) = (UnsafeSendableBuffer(a), UnsafeSendableBuffer(b))
            DispatchQueue.concurrentPerform(iterations: 2) { which in
                if which == 0 { slotA.pointer.pointee = first() } else { slotB.pointer.pointee = second() }
            }
        }
    }
    guard let a, let b else { preconditionFailure("concurrentPerform ran both") }
    return (a, b)
}

/// A buffer handed to the workers of `concurrentPerform`, each writing its own elements.
package struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    package let pointer: UnsafeMutablePointer<Element>
    package init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
