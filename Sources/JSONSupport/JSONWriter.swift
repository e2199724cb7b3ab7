/// A small JSON value with ordered keys, written deterministically (the JSON contract's field order).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized(pretty: false) == b.serialized(pretty: false)
    }

    /// The JSON text.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, written into one growing buffer (no intermediate strings).
    public func utf8(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(&out, pretty: pretty, indent: 0)
        return out
    }

    private func write(_ out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: Self.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .int(let i): Self.writeInt(i, into: &out)
        case .double(let d):
            if d.isFinite && d == d.rounded() && abs(d) < 1e15 {
                Self.writeInt(Int(d), into: &out)
            } else if d.isFinite {
                out.append(contentsOf: String(d).utf8)
            } else {
                out.append(contentsOf: Self.nullBytes)
            }
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: [0x5B, 0x5D])
                return
            }
            out.append(0x5B)
            for (i, v) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                v.write(&out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: [0x7B, 0x7D])
                return
            }
            out.append(0x7B)
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                Self.escape(k, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                v.write(&out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    /// Decimal digits without going through `String`.
    private static func writeInt(_ value: Int, into out: inout [UInt8]) {
        if value == 0 {
            out.append(0x30)
            return
        }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        while magnitude > 0 {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        }
        if value < 0 { out.append(0x2D) }
        out.append(contentsOf: digits.reversed())
    }

    /// A JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029 too
    /// (so the output is also valid JavaScript).
    private static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var replacement: [UInt8]?
                var width = 1
                switch b {
                case 0x22: replacement = [0x5C, 0x22]
                case 0x5C: replacement = [0x5C, 0x5C]
                case 0x0A: replacement = [0x5C, 0x6E]
                case 0x0D: replacement = [0x5C, 0x72]
                case 0x09: replacement = [0x5C, 0x74]
                case 0..<0x20: replacement = unicodeEscape(UInt32(b))
                case 0xE2
                where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    replacement = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: break
                }
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(contentsOf: replacement)
                    runStart = i + width
                }
                i += width
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        [
            0x5C, 0x75, hexDigits[Int(value >> 12 & 0xF)], hexDigits[Int(value >> 8 & 0xF)],
            hexDigits[Int(value >> 4 & 0xF)], hexDigits[Int(value & 0xF)],
        ]
    }
}
