/// Raised and lowered text (superscript and subscript) written with the Unicode characters that keep its
/// meaning: "m" + raised "2" is "m²", "CO" + lowered "2" is "CO₂", not "m2" and "CO2".
///
/// Only runs made entirely of characters that have such a form are changed; any other raised text (the "st" of
/// "1st", a note marker) stays as written.
enum ScriptShift: Equatable {
    case none, raised, lowered

    /// Rewrites `text[from...]` (UTF-8) in the shifted form when every character has one.
    static func apply(_ shift: ScriptShift, to text: inout [UInt8], from start: Int) {
        guard shift != .none, start < text.count else { return }
        let table = shift == .raised ? superscripts : subscripts
        var shifted: [UInt8] = []
        for scalar in String(decoding: text[start...], as: UTF8.self).unicodeScalars {
            guard let mapped = table[scalar] else { return }
            shifted.append(contentsOf: String(mapped).utf8)
        }
        text.replaceSubrange(start..., with: shifted)
    }

    private static let superscripts: [Unicode.Scalar: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "\u{2212}": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]

    private static let subscripts: [Unicode.Scalar: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "\u{2212}": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]
}
