/// Cuts a byte stream into messages framed by `Content-Length` headers, however the bytes arrive:
/// a message split over several reads, or several messages in one read.
public struct MessageFramer: Sendable {
    /// What one step of the stream yielded.
    public enum Frame: Sendable, Equatable {
        /// A complete message body.
        case message([UInt8])
        /// A header block without a usable `Content-Length`; it was skipped.
        case badHeader(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bodies larger than this are refused (the header is reported and skipped).
    public let maximumLength: Int

    /// A framer refusing bodies over `maximumLength` bytes.
    public init(maximumLength: Int = 64 << 20) {
        self.maximumLength = maximumLength
    }

    /// Adds bytes read from the stream.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        guard let headerEnd = findHeaderEnd() else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        guard let length = Self.contentLength(header), length <= maximumLength else {
            start = headerEnd + 4
            return .badHeader(header)
        }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    /// Index of the "\r\n\r\n" ending the header block that starts at `start`.
    private func findHeaderEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// The `Content-Length` value of a header block (field names are case-insensitive).
    static func contentLength(_ header: String) -> Int? {
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces.lowercased()
            if name == "content-length" {
                guard let n = Int(line[line.index(after: colon)...].trimmingSpaces), n >= 0 else { return nil }
                return n
            }
        }
        return nil
    }

    /// Frames a body for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
