/// Orders text the way people read numbers in it: `L2` < `L10`, `Grade 9` < `Grade 12`.
package enum NaturalOrder {
    package static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = chunks(lhs)
        let right = chunks(rhs)
        for (a, b) in zip(left, right) where a != b {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x < y
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let x), .text(let y)): return x < y
            }
        }
        if left.count != right.count { return left.count < right.count }
        return lhs < rhs
    }

    private enum Chunk: Equatable {
        case number(Int)
        case text(String)
    }

    private static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        var digits = ""
        var letters = ""
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                if !letters.isEmpty { result.append(.text(letters)); letters = "" }
                digits.append(character)
            } else {
                if !digits.isEmpty { result.append(.number(Int(digits) ?? Int.max)); digits = "" }
                letters.append(character)
            }
        }
        if !digits.isEmpty { result.append(.number(Int(digits) ?? Int.max)) }
        if !letters.isEmpty { result.append(.text(letters)) }
        return result
    }
}
