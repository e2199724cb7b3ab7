/// Escaping for text placed in HTML. Every piece of learner or rubric text goes through here, so an answer
/// containing `<script>`, `<img onerror=...>` or `</style>` shows as text and runs nothing.
public enum HTMLEscaping {
    /// The text escaped for element content and for quoted attribute values: `& < > " '` become character
    /// references, and characters HTML forbids (NUL and other C0 controls except tab and newline) become U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "\r": out += "\n"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0xFDD0...0xFDEF).contains(u.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
