/// Writes a ZIP archive of stored (uncompressed) entries that every unzip tool and platform reads.
///
/// Each entry gets a local header, its bytes and a central directory record; names are UTF-8 with
/// general purpose flag bit 11 set so that unzip tools do not read them as code page 437. Stored
/// entries keep the writer small: the archives we write (feedback reports) are a few kilobytes each.
public struct ZipWriter: Sendable {
    /// Why an archive cannot be written.
    public struct Problem: Error, Sendable {
        /// What is wrong.
        public var message: String
    }

    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    private var names = Set<String>()
    private let time: UInt16
    private let date: UInt16

    /// An empty archive whose entries carry the given modification time (MS-DOS format: years 1980
    /// to 2107, two-second resolution).
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let y = min(max(year, 1980), 2107)
        date = UInt16((y - 1980) << 9 | min(max(month, 1), 12) << 5 | min(max(day, 1), 31))
        time = UInt16(min(max(hour, 0), 23) << 11 | min(max(minute, 0), 59) << 5 | min(max(second, 0), 59) / 2)
    }

    /// Adds a file. `path` is "/"-separated and relative: no leading "/", no "." or ".." parts, no
    /// backslashes, unique in the archive.
    public mutating func add(path: String, data: [UInt8]) throws(Problem) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.contains("\\"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Problem(message: "\"\(path)\" is not a safe relative path for a ZIP entry")
        }
        guard names.insert(path).inserted else { throw Problem(message: "\"\(path)\" is in the archive twice") }
        let name = Array(path.utf8)
        guard name.count <= 0xFFFF, data.count < 0xFFFF_FFFF, body.count + data.count < 0xFFFF_FFFF, count < 0xFFFF
        else {
            throw Problem(message: "the archive would need the ZIP64 format (over 4 GB or 65,535 files)")
        }
        let crc = CRC32.checksum(data)
        let offset = UInt32(body.count)
        // Local file header.
        append32(&body, 0x0403_4B50)
        appendCommon(&body, crc: crc, size: UInt32(data.count), nameLength: UInt16(name.count))
        append16(&body, 0)  // extra field length
        body += name
        body += data
        // Central directory record.
        append32(&directory, 0x0201_4B50)
        append16(&directory, 0x031E)  // made by: Unix, spec 3.0
        appendCommon(&directory, crc: crc, size: UInt32(data.count), nameLength: UInt16(name.count))
        append16(&directory, 0)  // extra field length
        append16(&directory, 0)  // comment length
        append16(&directory, 0)  // disk number
        append16(&directory, 0)  // internal attributes
        append32(&directory, 0o100644 << 16)  // external attributes: a regular file, rw-r--r--
        append32(&directory, offset)
        directory += name
        count += 1
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out = body + directory
        append32(&out, 0x0605_4B50)
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, UInt16(count))
        append16(&out, UInt16(count))
        append32(&out, UInt32(directory.count))
        append32(&out, UInt32(body.count))
        append16(&out, 0)  // comment length
        return out
    }

    /// The fields a local header and a central record share, from "version needed" to the name length.
    private func appendCommon(_ out: inout [UInt8], crc: UInt32, size: UInt32, nameLength: UInt16) {
        append16(&out, 10)  // version needed: 1.0, stored
        append16(&out, 0x0800)  // flags: UTF-8 names
        append16(&out, 0)  // method: stored
        append16(&out, time)
        append16(&out, date)
        append32(&out, crc)
        append32(&out, size)  // compressed
        append32(&out, size)  // uncompressed
        append16(&out, nameLength)
    }

    private func append16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8(v >> 8))
    }

    private func append32(_ out: inout [UInt8], _ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
