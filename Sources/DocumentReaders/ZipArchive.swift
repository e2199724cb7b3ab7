/// A read-only ZIP archive parsed from its central directory.
///
/// Supports stored (0) and deflate (8) entries, verifies CRC-32 and sizes, and enforces ``ReadLimits``: the
/// entry count when the directory is read, and the total decompressed size while inflating.
struct ZipArchive {
    /// One file listed in the central directory.
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    private let limits: ReadLimits
    private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]
    /// Bytes decompressed so far from this archive, counted against `limits.maxDecompressedBytes`.
    private(set) var decompressedBytes = 0

    static let damaged = DocumentReadError(
        "the file is damaged (its ZIP structure is broken or incomplete); open it in Word or LibreOffice, save a new copy and check that"
    )

    /// Parses the end-of-central-directory record and the central directory.
    init(bytes: [UInt8], limits: ReadLimits) throws(DocumentReadError) {
        self.bytes = bytes
        self.limits = limits
        // The end record is at least 22 bytes and sits within the last 64 KiB + 22 bytes (its comment is at most 65535).
        guard bytes.count >= 22 else { throw Self.damaged }
        var end = -1
        let lowest = max(0, bytes.count - 22 - 65_535)
        var i = bytes.count - 22
        while i >= lowest {
            if bytes[i] == 0x50 && u32(i) == 0x0605_4B50 {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { throw Self.damaged }
        var entryCount = Int(u16(end + 10))
        var directorySize = Int(u32(end + 12))
        var directoryOffset = Int(u32(end + 16))
        var directoryEnd = end
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record, which has the real values.
            let locator = end - 20
            guard locator >= 0, u32(locator) == 0x0706_4B50, let record = int(u64(locator + 8)),
                record <= locator - 56, u32(record) == 0x0606_4B50,
                let count = int(u64(record + 32)), let size = int(u64(record + 40)), let offset = int(u64(record + 48))
            else { throw Self.damaged }
            (entryCount, directorySize, directoryOffset, directoryEnd) = (count, size, offset, record)
        }
        guard entryCount <= limits.maxEntryCount else {
            throw DocumentReadError(
                "the file lists \(entryCount) parts, more than a real document has (the limit is \(limits.maxEntryCount)); it may be damaged or hostile"
            )
        }
        guard directoryOffset <= directoryEnd, directorySize <= directoryEnd - directoryOffset else {
            throw Self.damaged
        }

        var position = directoryOffset
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            guard position + 46 <= directoryEnd, u32(position) == 0x0201_4B50 else { throw Self.damaged }
            let nameLength = Int(u16(position + 28))
            let extraLength = Int(u16(position + 30))
            let commentLength = Int(u16(position + 32))
            let nameStart = position + 46
            guard nameStart + nameLength <= directoryEnd else { throw Self.damaged }
            let name = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            var entry = Entry(
                name: name,
                flags: u16(position + 8),
                method: u16(position + 10),
                crc32: u32(position + 16),
                compressedSize: Int(u32(position + 20)),
                uncompressedSize: Int(u32(position + 24)),
                localHeaderOffset: Int(u32(position + 42)))
            let extraStart = nameStart + nameLength
            try readZip64Sizes(&entry, extra: extraStart, length: min(extraLength, directoryEnd - extraStart))
            if index[name] == nil { index[name] = entries.count }
            entries.append(entry)
            position = nameStart + nameLength + extraLength + commentLength
        }
    }

    /// Replaces the sizes and offset that an entry marks as 0xFFFFFFFF with those of its ZIP64 extra field, which
    /// lists them in this order, each only when marked.
    private func readZip64Sizes(_ entry: inout Entry, extra: Int, length: Int) throws(DocumentReadError) {
        let marked = 0xFFFF_FFFF
        guard entry.uncompressedSize == marked || entry.compressedSize == marked || entry.localHeaderOffset == marked
        else { return }
        var field = extra
        while field + 4 <= extra + length {
            let id = u16(field)
            let size = Int(u16(field + 2))
            guard field + 4 + size <= extra + length else { break }
            if id == 0x0001 {
                var at = field + 4
                func next() throws(DocumentReadError) -> Int {
                    guard at + 8 <= field + 4 + size, let value = int(u64(at)) else { throw Self.damaged }
                    at += 8
                    return value
                }
                if entry.uncompressedSize == marked { entry.uncompressedSize = try next() }
                if entry.compressedSize == marked { entry.compressedSize = try next() }
                if entry.localHeaderOffset == marked { entry.localHeaderOffset = try next() }
                return
            }
            field += 4 + size
        }
        throw Self.damaged
    }

    /// The entry with exactly this name, if any.
    func entry(named name: String) -> Entry? {
        index[name].map { entries[$0] }
    }

    /// Decompresses the named entry, or returns nil when the archive has no such entry.
    mutating func data(named name: String) throws(DocumentReadError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try data(for: entry)
    }

    /// Decompresses one entry, verifying its size and CRC-32.
    mutating func data(for entry: Entry) throws(DocumentReadError) -> [UInt8] {
        if entry.flags & 1 != 0 {
            throw DocumentReadError("this document is password-protected; save an unprotected copy and check that")
        }
        let remaining = limits.maxDecompressedBytes - decompressedBytes
        if entry.uncompressedSize > remaining {
            throw Self.tooLarge(limits)
        }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, u32(header) == 0x0403_4B50 else { throw Self.damaged }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw Self.damaged }
        let end = start + entry.compressedSize

        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(bytes[start..<end])
        case 8:
            let result = bytes.withUnsafeBufferPointer { all in
                Inflate.inflate(
                    UnsafeBufferPointer(rebasing: all[start..<end]), limit: remaining,
                    expectedSize: entry.uncompressedSize)
            }
            switch result {
            case .success(let inflated): output = inflated
            case .failure(.tooLarge): throw Self.tooLarge(limits)
            case .failure(.corrupt): throw Self.damaged
            }
        default:
            throw DocumentReadError(
                "the file uses a ZIP compression method (\(entry.method)) that draftcheck cannot read; save a new copy from Word or LibreOffice and check that"
            )
        }
        decompressedBytes += output.count
        guard output.count == entry.uncompressedSize, CRC32.checksum(output) == entry.crc32 else {
            throw Self.damaged
        }
        return output
    }

    private static func tooLarge(_ limits: ReadLimits) -> DocumentReadError {
        DocumentReadError(
            "the document expands to more than \(DocumentReader.megabytes(limits.maxDecompressedBytes)) when unpacked, far more than a written answer needs; it may be damaged or hostile"
        )
    }

    /// Little-endian reads; callers check the range first, and out-of-range reads return 0 rather than trap.
    private func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
            << 24
    }

    private func u64(_ at: Int) -> UInt64 {
        UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }

    /// A 64-bit size or offset as an `Int`, nil when it cannot be one (the caller reports the archive as damaged).
    private func int(_ value: UInt64) -> Int? {
        value <= UInt64(Int.max) ? Int(value) : nil
    }
}

/// CRC-32 (IEEE 802.3, as used by ZIP), slicing by four bytes at a time.
enum CRC32 {
    private static let tables: [[UInt32]] = {
        var first = [UInt32](repeating: 0, count: 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            first[n] = c
        }
        var tables = [first]
        for k in 1..<4 {
            var table = [UInt32](repeating: 0, count: 256)
            for n in 0..<256 {
                let previous = tables[k - 1][n]
                table[n] = (previous >> 8) ^ first[Int(previous & 0xFF)]
            }
            tables.append(table)
        }
        return tables
    }()

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        let t = tables
        return t[0].withUnsafeBufferPointer { t0 in
            t[1].withUnsafeBufferPointer { t1 in
                t[2].withUnsafeBufferPointer { t2 in
                    t[3].withUnsafeBufferPointer { t3 in
                        bytes.withUnsafeBufferPointer { data in
                            var crc: UInt32 = 0xFFFF_FFFF
                            var i = 0
                            let count = data.count
                            while i + 4 <= count {
                                crc ^=
                                    UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16
                                    | UInt32(data[i + 3]) << 24
                                crc =
                                    t3[Int(crc & 0xFF)] ^ t2[Int((crc >> 8) & 0xFF)] ^ t1[Int((crc >> 16) & 0xFF)]
                                    ^ t0[Int(crc >> 24)]
                                i += 4
                            }
                            while i < count {
                                crc = t0[Int((crc ^ UInt32(data[i])) & 0xFF)] ^ (crc >> 8)
                                i += 1
                            }
                            return ~crc
                        }
                    }
                }
            }
        }
    }
}
