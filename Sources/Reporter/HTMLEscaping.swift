/// Escaping for text placed in HTML. Every piece of learner or rubric text goes through here, so an answer
/// containing `<script>`, `<img onerror=...>` or `</style>` shows as text and runs nothing.
public enum HTMLEscaping {
    /// The text escaped for element content and for quoted attribute values: `& < > " '` become character
    /// references, a carriage return becomes a newline, and the other control characters HTML forbids
    /// (NUL, C0 controls except tab and newline, DEL) become U+FFFD.
    public static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { escape(utf8: $0) }
    }

    /// The same for UTF-8 bytes (assumed valid UTF-8). Text needing no escape is decoded as it is.
    public static func escape<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> String {
        guard bytes.contains(where: needsEscape) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for b in bytes {
            guard needsEscape(b) else {
                out.append(b)
                continue
            }
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x0D: out.append(0x0A)
            default: out += [0xEF, 0xBF, 0xBD]  // U+FFFD
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F:
            return true
        case 0x09, 0x0A: return false
        default: return b < 0x20
        }
    }
}
