/// Picks the delimiter of a CSV text among `,` `;` and tab from its first records.
///
/// For each candidate it counts the delimiters outside quotes on each of the first records. The
/// winner splits the header into the most fields while giving the records that follow the same
/// number of fields as the header; a candidate that never appears cannot win. Delimiters inside
/// quoted fields are not counted, so `"Smith, Anna";3` is a `;` file.
package enum DelimiterSniffer {
    package static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    package static func sniff(_ text: UnsafeRawBufferPointer, maxRecords: Int = 30) -> UInt8 {
        var best = candidates[0]
        var bestScore = (consistent: 0, headerFields: 0)
        for candidate in candidates {
            let counts = fieldCounts(text, delimiter: candidate, maxRecords: maxRecords)
            guard let header = counts.first, header > 1 else { continue }
            let consistent = counts.dropFirst().filter { $0 == header }.count
            let score = (consistent: consistent, headerFields: header)
            if score.consistent > bestScore.consistent
                || (score.consistent == bestScore.consistent && score.headerFields > bestScore.headerFields)
            {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// Fields per record (delimiters outside quotes + 1) for the first records of `text`.
    /// The last record is left out when the text is cut inside it.
    static func fieldCounts(_ text: UnsafeRawBufferPointer, delimiter: UInt8, maxRecords: Int) -> [Int] {
        var counts: [Int] = []
        var inQuotes = false
        var fields = 1
        var sawContent = false
        for byte in text {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                sawContent = true
            } else if inQuotes {
                continue
            } else if byte == delimiter {
                fields += 1
                sawContent = true
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if sawContent { counts.append(fields) }
                if counts.count >= maxRecords { break }
                fields = 1
                sawContent = false
            } else {
                sawContent = true
            }
        }
        return counts
    }
}
