/// Header and answer text folded for matching: lower case, apostrophes dropped, every other run of
/// punctuation or space turned into one space, trimmed. `"Don't know"` → `dont know`,
/// `"X (Twitter)"` → `x twitter`, `"E-mail address:"` → `e mail address`.
package enum HeaderText {
    package static func fold(_ text: some StringProtocol) -> String {
        if let ascii = foldASCII(text.utf8) { return ascii }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The same folding for pure ASCII text, byte by byte; nil when the text is not ASCII.
    private static func foldASCII(_ bytes: some Collection<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace, !output.isEmpty { output.append(UInt8(ascii: " ")) }
                pendingSpace = false
                output.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace, !output.isEmpty { output.append(UInt8(ascii: " ")) }
                pendingSpace = false
                output.append(byte + 32)
            case UInt8(ascii: "'"):
                continue
            default:
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The folded words of `text`.
    package static func words(_ text: some StringProtocol) -> [Substring] {
        fold(text).split(separator: " ")
    }

    /// `text` as names are compared where case, spaces and punctuation do not matter: `L-2`,
    /// `l 2` and `L2` are one level, `Tik Tok` is `TikTok`.
    package static func key(_ text: some StringProtocol) -> String {
        fold(text).filter { $0 != " " }
    }

    /// `EmployeeID` → `Employee ID`, `JobLevel` → `Job Level`: spaces where a lower-case letter
    /// meets an upper-case one, and before the last capital of a run followed by a lower-case letter.
    package static func splittingCamelCase(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if index > 0, character.isUppercase {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || (previous.isUppercase && next?.isLowercase == true) { result.append(" ") }
            }
            result.append(character)
        }
        return result
    }

    /// `text` without parenthesised or bracketed asides: `Willing to mentor (yes/no)` → `Willing to mentor `.
    package static func withoutAsides(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }
}
