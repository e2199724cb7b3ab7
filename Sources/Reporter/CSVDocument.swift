/// A CSV file read so that it can be written back byte for byte, except for the fields we replace.
///
/// Learning platforms re-import the very file they exported, so a filler must not disturb anything it
/// does not fill: the byte order mark (or its absence), the line endings (CRLF or LF, even mixed), the
/// quoting of every other field, extra columns and a missing final line ending are all kept. Fields are
/// RFC 4180: separated by commas, quoted with `"` when they hold a comma, quote or line break, with
/// embedded quotes doubled.
public struct CSVDocument: Sendable {
    /// One field: its decoded value and its text exactly as it stood in the file.
    public struct Field: Sendable, Equatable {
        /// The value, unquoted.
        public var value: String
        /// The field as written in the file (with its quotes, if any).
        public var raw: String
    }

    /// One record: its fields and the line ending that closed it ("" for a last line without one).
    public struct Record: Sendable {
        /// The fields in order.
        public var fields: [Field]
        /// "\r\n", "\n", "\r" or "".
        public var lineEnding: String

        /// The decoded values.
        public var values: [String] { fields.map(\.value) }
    }

    /// The UTF-8 byte order mark when the file began with one, else "".
    public var byteOrderMark: String
    /// Every record, the header first.
    public var records: [Record]

    /// Why a file is not the CSV we expect.
    public struct Malformed: Error, Sendable {
        /// What is wrong, with the line it is on.
        public var message: String
    }

    /// Reads a whole file's text. A quote left open at the end of the file is an error, since the
    /// platform never writes one and guessing would shift every later column.
    public init(parsing text: String) throws(Malformed) {
        var scalars = Substring(text).unicodeScalars[...]
        byteOrderMark = ""
        if scalars.first == "\u{FEFF}" {
            byteOrderMark = "\u{FEFF}"
            scalars = scalars.dropFirst()
        }
        records = []
        var line = 1
        while !scalars.isEmpty {
            let (record, rest, lines) = try Self.record(scalars, line: line)
            records.append(record)
            scalars = rest
            line += lines
        }
    }

    /// The file's text: unchanged records exactly as read, replaced fields as set.
    public var text: String {
        var out = byteOrderMark
        for r in records {
            out += r.fields.map(\.raw).joined(separator: ",")
            out += r.lineEnding
        }
        return out
    }

    /// Replaces one field's value, quoting it only as needed. Records shorter than `column` are
    /// padded with empty fields (a platform may drop trailing empty fields).
    public mutating func set(row: Int, column: Int, to value: String) {
        while records[row].fields.count <= column { records[row].fields.append(Field(value: "", raw: "")) }
        records[row].fields[column] = Field(value: value, raw: CSVWriter.quoted(value))
    }

    /// The value at a row and column, or "" when the record is shorter.
    public func value(row: Int, column: Int) -> String {
        column < records[row].fields.count ? records[row].fields[column].value : ""
    }

    private typealias Scalars = Substring.UnicodeScalarView.SubSequence

    /// One record from the front of `s`: the record, what follows it, and the line breaks it spanned.
    private static func record(_ input: Scalars, line: Int) throws(Malformed) -> (Record, Scalars, Int) {
        var s = input
        var fields: [Field] = []
        var lines = 0
        while true {
            var value = String.UnicodeScalarView()
            var raw = String.UnicodeScalarView()
            if s.first == "\"" {
                raw.append(s.removeFirst())
                var closed = false
                while let c = s.first {
                    s.removeFirst()
                    raw.append(c)
                    if c == "\"" {
                        if s.first == "\"" {
                            raw.append(s.removeFirst())
                            value.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if c == "\n" || (c == "\r" && s.first != "\n") { lines += 1 }
                        value.append(c)
                    }
                }
                guard closed else {
                    throw Malformed(message: "line \(line): a quoted field is never closed (a \" is missing)")
                }
                // Text after the closing quote (not RFC 4180, but spreadsheets write it): kept as is.
                while let c = s.first, c != ",", c != "\r", c != "\n" {
                    raw.append(s.removeFirst())
                    value.append(c)
                }
            } else {
                while let c = s.first, c != ",", c != "\r", c != "\n" {
                    raw.append(s.removeFirst())
                    value.append(c)
                }
            }
            fields.append(Field(value: String(value), raw: String(raw)))
            guard let c = s.first else { return (Record(fields: fields, lineEnding: ""), s, lines) }
            s.removeFirst()
            if c == "," { continue }
            var ending = String(c)
            if c == "\r" && s.first == "\n" {
                s.removeFirst()
                ending = "\r\n"
            }
            return (Record(fields: fields, lineEnding: ending), s, lines + 1)
        }
    }
}
