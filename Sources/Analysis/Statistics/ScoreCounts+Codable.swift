import Foundation

/// `ScoreCounts` is encoded as its five counts, index = score: `[3, 5, 0, 1, 2]`.
///
/// Decoding checks the shape and throws `DecodingError.dataCorrupted` for anything but five
/// non-negative integers, so a hand-edited or foreign file (e.g. `--previous summary.json`)
/// cannot trip the initialiser's precondition.
extension ScoreCounts: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let counts = try container.decode([Int].self)
        guard counts.count == Self.scores.count, counts.allSatisfy({ $0 >= 0 }) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "score counts must be 5 non-negative integers (scores 0-4), got \(counts)"
            )
        }
        self.init(counts: counts)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
