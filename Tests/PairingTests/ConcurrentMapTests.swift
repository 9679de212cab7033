import Testing

@testable import Pairing

@Suite("Work shared out over the processors")
struct ConcurrentMapTests {
    @Test("every element is made once and kept in order", arguments: [0, 1, 4_095, 4_096, 100_003])
    func inOrder(count: Int) {
        let made = concurrentMap(count: count) { index in "element \(index)" }
        #expect(made == (0..<count).map { "element \($0)" })
    }
}
