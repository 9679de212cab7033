import Foundation

extension ScoreCounts {
    /// A bootstrap resample: `n` answers drawn with replacement from this group's answers,
    /// returned as counts.
    ///
    /// The counts of such a resample are Multinomial(n; c₀/n, …, c₄/n). They are drawn
    /// directly, level by level, from the conditional binomials
    ///
    ///     X_k | X₀…X_{k−1} ~ Binomial(n − X₀ − … − X_{k−1},  c_k / (c_k + … + c₄))
    ///
    /// with X₄ taking what is left — O(1) expected work whatever `n` is. The conditional
    /// probabilities are ratios of the integer counts, so no floating-point drift accumulates
    /// from level to level. Levels with no answers (and the last occupied level) consume no
    /// random numbers.
    func resampled(using generator: inout SeededGenerator) -> ScoreCounts {
        var remainingDraws = n
        var remainingAnswers = n
        var drawn = [0, 0, 0, 0, 0]
        for score in Self.scores {
            let answers = count(of: score)
            guard remainingDraws > 0 else { break }
            guard answers > 0 else { continue }
            if answers == remainingAnswers {
                // Every answer left is at this score.
                drawn[score] = remainingDraws
                remainingDraws = 0
                break
            }
            let draws = BinomialSampler.draw(
                trials: remainingDraws,
                probability: Double(answers) / Double(remainingAnswers),
                using: &generator
            )
            drawn[score] = draws
            remainingDraws -= draws
            remainingAnswers -= answers
        }
        return ScoreCounts(counts: drawn)
    }
}
