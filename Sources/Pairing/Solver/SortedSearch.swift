/// Small searches the solver and the planner share.
extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// Whether `value` is in this collection, which must be sorted ascending (binary search).
    @inline(__always)
    func sortedContains(_ value: Element) -> Bool {
        var lo = startIndex
        var hi = endIndex
        while lo < hi {
            let mid = (lo + hi) >> 1
            let element = self[mid]
            if element == value { return true }
            if element < value { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}

/// The greatest common divisor of two non-negative integers (Euclid).
func greatestCommonDivisor<T: BinaryInteger>(_ a: T, _ b: T) -> T {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
