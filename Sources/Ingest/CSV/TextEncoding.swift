/// The encodings genbridge reads. Everything is turned into UTF-8 before libcsv sees it.
package enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"

    /// The name messages use.
    package var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 LE"
        case .utf16BigEndian: "UTF-16 BE"
        case .windows1252: "Windows-1252"
        }
    }
}

/// What the user asked for: a named encoding, or detection (`auto`).
package enum EncodingChoice: String, Sendable, Hashable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
}

/// How the start of an input looks: its byte-order mark, and whether it is text at all.
package struct ByteOrderMark: Sendable, Hashable {
    package var encoding: TextEncoding
    package var length: Int

    /// The BOM at the start of `bytes`, if any.
    package static func detect(in bytes: UnsafeRawBufferPointer) -> ByteOrderMark? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return ByteOrderMark(encoding: .utf8, length: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return ByteOrderMark(encoding: .utf16LittleEndian, length: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return ByteOrderMark(encoding: .utf16BigEndian, length: 2)
        }
        return nil
    }
}

package enum ContentSniffer {
    /// True when the bytes look like a binary file rather than text: a known binary signature,
    /// or more than 5% control bytes other than tab, line feed, form feed and carriage return.
    /// A stray NUL in a text file is not binary; it rejects its row later.
    package static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let sample = UnsafeRawBufferPointer(rebasing: bytes.prefix(8192))
        if sample.isEmpty { return false }
        if isWorkbook(sample) { return true }
        var controls = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D {
            controls += 1
        }
        return controls >= 4 && controls * 20 > sample.count
    }

    /// True for a ZIP container (an .xlsx workbook) or an old .xls compound file.
    package static func isWorkbook(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 { return true }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        return bytes.count >= 8 && zip(bytes.prefix(8), ole).allSatisfy { $0 == $1 }
    }
}
