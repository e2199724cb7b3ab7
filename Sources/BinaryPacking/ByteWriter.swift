/// Packs arrays of fixed-width integers into one byte buffer, for caches that a later run reads back with
/// `ByteReader`. Numbers are written in the machine's byte order; the header written by `init(magic:)`
/// records it, so a file made on a machine of the other order is rejected, not misread.
public struct ByteWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// A writer whose output starts with `magic` (which names the format and its version) and a byte-order mark.
    public init(magic: String) {
        bytes.append(contentsOf: Array(magic.utf8))
        append(ByteReader.byteOrderMark)
    }

    /// Appends one integer.
    public mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Appends an array of integers, preceded by its count.
    public mutating func append<T: FixedWidthInteger>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The bytes followed by a checksum of them, which `ByteReader` verifies before reading anything.
    public func finished() -> [UInt8] {
        var out = bytes
        withUnsafeBytes(of: ByteReader.checksum(bytes[...])) { out.append(contentsOf: $0) }
        return out
    }
}

/// Reads what a `ByteWriter` wrote. Every read is bounds-checked and returns nil when the bytes run out or
/// a count is implausible, so a truncated or corrupt file is refused instead of trapping.
public struct ByteReader {
    static let byteOrderMark: UInt32 = 0x0102_0304
    private let bytes: [UInt8]
    private var offset: Int

    /// A reader over `data`, or nil when it does not start with `magic` and the byte-order mark or its
    /// checksum does not match.
    public init?(_ data: [UInt8], magic: String) {
        let magicBytes = Array(magic.utf8)
        let checksumSize = MemoryLayout<UInt64>.size
        guard data.count >= magicBytes.count + 4 + checksumSize, data.starts(with: magicBytes) else { return nil }
        let body = data[..<(data.count - checksumSize)]
        let stored = data[(data.count - checksumSize)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard stored == Self.checksum(body) else { return nil }
        bytes = Array(body)
        offset = magicBytes.count
        guard read(UInt32.self) == Self.byteOrderMark else { return nil }
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// Reads one integer.
    public mutating func read<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return value
    }

    /// Reads an array of integers written by `append(array:)`.
    public mutating func readArray<T: FixedWidthInteger>(of type: T.Type) -> [T]? {
        guard let count = read(UInt64.self) else { return nil }
        let size = MemoryLayout<T>.size
        guard count <= UInt64(bytes.count - offset) / UInt64(size) else { return nil }
        let n = Int(count)
        let start = offset
        let array = [T](unsafeUninitializedCapacity: n) { buffer, initialised in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n * size)]))
            }
            initialised = n
        }
        offset += n * size
        return array
    }

    /// A 64-bit checksum of the bytes taken eight at a time (a multiply-rotate mix), enough to notice a
    /// damaged or truncated file; not a defence against a crafted one, which the readers' checks handle.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var tail: UInt64 = 0
            for k in i..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
            h = mix(h, tail)
        }
        return h
    }

    @inline(__always) private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0xff51_afd7_ed55_8ccd
        return (m << 31 | m >> 33) &* 0xc4ce_b9fe_1a85_ec53
    }
}
