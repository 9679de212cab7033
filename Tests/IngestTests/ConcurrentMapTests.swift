import Ingest
import Testing

@Suite("Work shared out over the processors")
struct ConcurrentMapTests {
    @Test("every element is made once and kept in order", arguments: [0, 1, 4_095, 4_096, 100_003])
    func inOrder(count: Int) {
        let made = concurrentMap(count: count) { index in "element \(index)" }
        #expect(made == (0..<count).map { "element \($0)" })
    }

    @Test("two different jobs at once each give their own result")
    func twoJobs() {
        let (total, words) = concurrently(
            { (1...100_000).reduce(0, +) }, { (0..<1_000).map { "word \($0)" } })
        #expect(total == 5_000_050_000)
        #expect(words.count == 1_000 && words.first == "word 0" && words.last == "word 999")
    }
}
