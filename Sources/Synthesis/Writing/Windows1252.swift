/// Windows-1252, as Excel's "CSV (Comma delimited)" writes it in Western Europe: a character the
/// code page lacks becomes `_`.
enum Windows1252 {
    /// The code page's bytes 0x80–0x9F (undefined ones as nil).
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map(byte(for:))
    }

    static func byte(for scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        if let index = high.firstIndex(where: { $0 == scalar }) { return UInt8(0x80 + index) }
        return UInt8(ascii: "_")
    }
}
