import Foundation

/// Decodes plain-text bytes (.txt, .md, and the raw bytes of .html) by detection, not silent guessing.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 LE/BE with a byte-order mark are recognised; bytes that
/// are not valid UTF-8 are read as Windows-1252 with a note; binary noise is an error.
enum TextDecoding {
    /// Decoded text and the notes that explain how it was read.
    struct Decoded {
        var text: String
        var notes: [String]
    }

    static let binaryNoise = DocumentReadError(
        "the file does not contain text (it looks like binary data); save the answer as .txt, .docx or .pdf and check that"
    )

    /// Decodes `bytes`: BOM first, then strict UTF-8, then Windows-1252 with a note; binary noise throws.
    static func decode(_ bytes: [UInt8]) throws(DocumentReadError) -> Decoded {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = bytes[3...]
            try rejectBinary(body)
            if isValidUTF8(body) {
                return Decoded(text: String(decoding: body, as: UTF8.self), notes: [])
            }
            return Decoded(
                text: String(decoding: body, as: UTF8.self),
                notes: [
                    "marked as UTF-8 but some bytes are not valid UTF-8; those characters were replaced with \u{FFFD}"
                ])
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            let pairs = (bytes.count - 2) / 2
            var units = [UInt16](repeating: 0, count: pairs)
            for i in 0..<pairs {
                let a = UInt16(bytes[2 + 2 * i])
                let b = UInt16(bytes[3 + 2 * i])
                units[i] = littleEndian ? a | b << 8 : a << 8 | b
            }
            let text = String(decoding: units, as: UTF16.self)
            try rejectBinary(text.utf8)
            var notes = ["read as UTF-16 \(littleEndian ? "little" : "big")-endian (from its byte-order mark)"]
            if bytes.count % 2 == 1 { notes.append("the file ends with half a character, which was ignored") }
            return Decoded(text: text, notes: notes)
        }
        try rejectBinary(bytes[...])
        if isValidUTF8(bytes[...]) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), notes: [])
        }
        return Decoded(
            text: windows1252(bytes[...]),
            notes: ["no byte-order mark and not valid UTF-8; read as Windows-1252"])
    }

    /// Decodes `bytes` that declare their character set themselves (an HTML `<meta charset>`).
    ///
    /// A byte-order mark and valid UTF-8 still win (a page saved as UTF-8 under an old declaration is common, and
    /// valid UTF-8 is almost never an accident); the declaration decides how bytes that are not UTF-8 are read.
    static func decode(_ bytes: [UInt8], declaredCharset: String?) throws(DocumentReadError) -> Decoded {
        guard let declared = declaredCharset?.lowercased(), !hasByteOrderMark(bytes) else { return try decode(bytes) }
        try rejectBinary(bytes[...])
        if isValidUTF8(bytes[...]) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), notes: [])
        }
        if windows1252Names.contains(declared) {
            return Decoded(
                text: windows1252(bytes[...]),
                notes: ["read as Windows-1252, as its <meta charset=\"\(declared)\"> says"])
        }
        if let encoding = foundationEncodings[declared], let text = String(data: Data(bytes), encoding: encoding) {
            return Decoded(text: text, notes: ["read as \(declared), as its <meta charset> says"])
        }
        let reason =
            utf8Names.contains(declared)
            ? "declares UTF-8 but is not valid UTF-8"
            : "declares the character set \"\(declared)\", which draftcheck cannot read,"
        return Decoded(text: windows1252(bytes[...]), notes: ["\(reason); read as Windows-1252"])
    }

    private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            || (bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    }

    private static let utf8Names: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8"]

    /// Labels that browsers read as Windows-1252 (the WHATWG Encoding Standard maps Latin-1 and ASCII to it).
    private static let windows1252Names: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
        "ascii", "ansi_x3.4-1968",
    ]

    /// Other single- and multi-byte character sets that Foundation decodes.
    private static let foundationEncodings: [String: String.Encoding] = [
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "macintosh": .macOSRoman, "x-mac-roman": .macOSRoman,
        "shift_jis": .shiftJIS, "sjis": .shiftJIS, "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
    ]

    /// Throws when the bytes contain NUL or are mostly control characters.
    static func rejectBinary<C: Collection>(_ bytes: C) throws(DocumentReadError) where C.Element == UInt8 {
        var controls = 0
        var total = 0
        for byte in bytes {
            total += 1
            if byte == 0 { throw binaryNoise }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        // A few stray control characters are tolerated; a text with more than 5% of them is not text.
        if total > 0 && controls * 20 > total { throw binaryNoise }
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            while i < n {
                let b0 = buffer[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && buffer[i + k] & 0xC0 == 0x80 }
                if b0 >= 0xC2 && b0 <= 0xDF {
                    guard cont(1) else { return false }
                    i += 2
                } else if b0 >= 0xE0 && b0 <= 0xEF {
                    guard cont(1), cont(2) else { return false }
                    let b1 = buffer[i + 1]
                    if b0 == 0xE0 && b1 < 0xA0 { return false }  // overlong
                    if b0 == 0xED && b1 >= 0xA0 { return false }  // surrogate
                    i += 3
                } else if b0 >= 0xF0 && b0 <= 0xF4 {
                    guard cont(1), cont(2), cont(3) else { return false }
                    let b1 = buffer[i + 1]
                    if b0 == 0xF0 && b1 < 0x90 { return false }
                    if b0 == 0xF4 && b1 >= 0x90 { return false }
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Windows-1252's characters for bytes 0x80...0x9F (the five unassigned bytes map to the C1 controls, as browsers do).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes Windows-1252 bytes.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        let high = windows1252High
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            appendUTF8(scalar, to: &utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        var scalar = value
        if scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { scalar = 0xFFFD }
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
