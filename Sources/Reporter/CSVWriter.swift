/// RFC 4180 CSV that spreadsheets open correctly: a UTF-8 byte order mark (so Excel reads non-ASCII
/// names as UTF-8), CRLF line endings, fields quoted when they hold a comma, quote, CR or LF, embedded
/// quotes doubled, and text cells that a spreadsheet would run as a formula defused with a leading '.
public enum CSVWriter {
    /// One cell: text, or a number written without a needless ".0".
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    /// The UTF-8 byte order mark.
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole table, byte order mark first, every row ended by CRLF.
    public static func table(header: [String], rows: [[Cell]]) -> String {
        var out = byteOrderMark
        out += row(header.map(Cell.text))
        for r in rows { out += row(r) }
        return out
    }

    /// One record, ended by CRLF.
    public static func row(_ cells: [Cell]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted and defused as needed.
    public static func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let x): return TextReporter.number(x)
        case .text(let s): return quoted(defused(s))
        }
    }

    /// Text that starts like a formula (= + - @, or a tab or CR that some spreadsheets skip) gets a
    /// leading apostrophe, unless it is a plain number such as -3.5.
    public static func defused(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        if Double(s) != nil { return s }
        return "'" + s
    }

    /// Quotes a field holding a comma, quote, CR or LF, doubling embedded quotes.
    public static func quoted(_ s: String) -> String {
        let needs = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needs else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
