import Foundation
import Testing

@testable import Analysis

@Suite("Benjamini–Hochberg q-values")
struct StatisticsFalseDiscoveryTests {
    /// Reference q-values from SciPy 1.17.1:
    ///
    /// ```python
    /// from scipy.stats import false_discovery_control
    /// lists = [
    ///     [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
    ///      0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000],   # Benjamini & Hochberg (1995), table 1
    ///     [0.01, 0.04, 0.03, 0.04, 0.5, 1.0, 0.0, 0.2, 0.049, 0.9],  # unsorted, ties, 0 and 1
    ///     [0.9, 0.8, 0.95],
    /// ]
    /// for ps in lists:
    ///     print([float(q) for q in false_discovery_control(ps, method="bh")])
    /// ```
    static let sciPyCases: [([Double], [Double])] = [
        (
            [
                0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
                0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000,
            ],
            [
                0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
                0.0645, 0.07650000000000001, 0.486, 0.5811818181818181, 0.7148749999999999,
                0.7532307692307693, 0.8132142857142857, 1.0,
            ]
        ),
        (
            [0.01, 0.04, 0.03, 0.04, 0.5, 1.0, 0.0, 0.2, 0.049, 0.9],
            [0.05, 0.08, 0.08, 0.08, 0.625, 1.0, 0.0, 0.28571428571428575, 0.08166666666666668, 1.0]
        ),
        ([0.9, 0.8, 0.95], [0.95, 0.95, 0.95]),
        // The Mann–Whitney p-values of StatisticsMannWhitneyTests, from the same script there.
        (statisticsSciPyCases.map(\.p), statisticsSciPyQValues),
    ]

    @Test("agrees with scipy.stats.false_discovery_control", arguments: sciPyCases)
    func matchesSciPy(pValues: [Double], expected: [Double]) {
        let qValues = benjaminiHochbergQValues(pValues)
        #expect(qValues.count == expected.count)
        for (q, reference) in zip(qValues, expected) {
            #expect(StatisticsTolerance.matchesReference(q, reference), "q \(q) vs \(reference)")
        }
    }

    /// m = 3: q₍₃₎ = 0.03·3/3 = 0.03, q₍₂₎ = min(0.02·3/2, 0.03) = 0.03,
    /// q₍₁₎ = min(0.01·3/1, 0.03) = 0.03.
    @Test("hand-derived cases")
    func handDerived() {
        #expect(benjaminiHochbergQValues([]) == [])
        #expect(benjaminiHochbergQValues([0.5]) == [0.5])
        #expect(
            benjaminiHochbergQValues([0.03, 0.01, 0.02]).map { ($0 * 1e12).rounded() / 1e12 } == [0.03, 0.03, 0.03])
        // 0.04·2/1 = 0.08 > 0.06·2/2 = 0.06: the step-up takes the later, smaller value.
        #expect(benjaminiHochbergQValues([0.04, 0.06]) == [0.06, 0.06])
        // Capped at 1.
        #expect(benjaminiHochbergQValues([0.9, 0.99]) == [0.99, 0.99])
        #expect(benjaminiHochbergQValues([0.6, 1]) == [1, 1])
    }

    @Test("monotone in p, never below p, at most 1, input order kept")
    func properties() {
        var generator = SeededGenerator(seed: 2024)
        for size in [1, 2, 7, 50, 400] {
            let pValues = (0..<size).map { _ in generator.nextUnitDouble() * generator.nextUnitDouble() }
            let qValues = benjaminiHochbergQValues(pValues)
            #expect(qValues.count == size)
            for i in 0..<size {
                #expect(qValues[i] >= pValues[i])
                #expect(qValues[i] <= 1)
                for j in 0..<size where pValues[i] <= pValues[j] {
                    #expect(qValues[i] <= qValues[j])
                }
            }
            // Permuting the input permutes the output the same way.
            let reversed = benjaminiHochbergQValues(pValues.reversed())
            #expect(reversed == qValues.reversed())
        }
    }
}
