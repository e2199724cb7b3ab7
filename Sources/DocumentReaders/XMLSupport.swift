import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs Foundation's `XMLParser` safely over one part of an office file.
///
/// External entities are never resolved, and a part with a document type declaration is rejected before parsing
/// (office files never carry one, and a DTD is what entity-expansion attacks need). Bytes that are not valid UTF-8
/// are rejected before parsing too: Foundation's parser on Linux traps on an element or attribute name that is not
/// valid UTF-8 instead of reporting an error. Elements nested deeper than ``maxDepth`` stop the parse.
enum XMLSupport {
    /// The deepest element nesting accepted; real documents stay far below it (tables in tables reach about 30).
    static let maxDepth = 256

    /// Parses `bytes` with `delegate`; `part` names the part in error messages ("the main text", "the footnotes").
    static func parse(_ bytes: [UInt8], delegate: some XMLParserDelegate, part: String) throws(DocumentReadError) {
        if containsDoctype(bytes) {
            throw DocumentReadError(
                "\(part) of the document contains a document type declaration, which real documents never have; it was not read for safety"
            )
        }
        if !isUTF16(bytes) && !TextDecoding.isValidUTF8(bytes[...]) {
            throw DocumentReadError(
                "the document is damaged: \(part) contains bytes that are not valid UTF-8 text; open it in Word or LibreOffice, save a new copy and check that"
            )
        }
        let parser = XMLParser(data: Data(blankingProcessingInstructions(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let guarded = DepthGuard(delegate)
        parser.delegate = guarded
        let ok = parser.parse()
        parser.delegate = nil
        if guarded.tooDeep {
            throw DocumentReadError(
                "\(part) of the document nests elements more than \(maxDepth) deep, which real documents never do; it was not read for safety"
            )
        }
        // libxml2 may recover from some errors and still report success; any recorded error counts.
        if !ok || parser.parserError != nil {
            let line = parser.lineNumber
            throw DocumentReadError(
                "the document is damaged: \(part) is not well-formed XML (near line \(line)); open it in Word or LibreOffice, save a new copy and check that"
            )
        }
    }

    /// The bytes with every processing instruction but the XML declaration at the start overwritten with spaces (so lines and
    /// offsets stay put): Foundation's parser on Linux crashes (strlen of a null pointer) on one without data, such
    /// as `<?x?>`, and none of them carries text. Comments and CDATA sections are skipped, not searched.
    static func blankingProcessingInstructions(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let count = bytes.count
        var i = 0
        func starts(_ literal: StaticString, at k: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard k + length <= count else { return false }
            let pointer = literal.utf8Start
            for offset in 0..<length where bytes[k + offset] != pointer[offset] { return false }
            return true
        }
        func skip(to literal: StaticString, from k: Int) -> Int {
            var j = k
            while j < count && !starts(literal, at: j) { j += 1 }
            return min(count, j + literal.utf8CodeUnitCount)
        }
        while i + 1 < count {
            guard bytes[i] == 0x3C else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                i = skip(to: "-->", from: i + 4)
            } else if starts("<![CDATA[", at: i) {
                i = skip(to: "]]>", from: i + 9)
            } else if bytes[i + 1] == 0x3F {  // "<?"
                let end = skip(to: "?>", from: i + 2)
                // Only "<?xml" and a space at the very start (after a byte-order mark) is the declaration; "<?xml?>"
                // is an instruction named xml, with no data.
                let atStart = i == 0 || (i == 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                let isDeclaration = atStart && starts("<?xml", at: i) && i + 5 < count && isSpace(bytes[i + 5])
                if !isDeclaration {
                    for k in i..<end where bytes[k] != 0x0A { out[k] = 0x20 }
                }
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether the bytes start with a UTF-16 byte-order mark (the XML parser converts such parts itself, checking them).
    private static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Forwards the callbacks the readers use and aborts the parse when elements nest deeper than ``maxDepth``.
    private final class DepthGuard<Inner: XMLParserDelegate>: NSObject, XMLParserDelegate {
        private let inner: Inner
        private var depth = 0
        private(set) var tooDeep = false

        init(_ inner: Inner) {
            self.inner = inner
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            depth += 1
            if depth > XMLSupport.maxDepth {
                if !tooDeep {
                    tooDeep = true
                    parser.abortParsing()
                }
                return
            }
            inner.parser(
                parser, didStartElement: elementName, namespaceURI: namespaceURI, qualifiedName: qName,
                attributes: attributes)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            depth -= 1
            guard !tooDeep else { return }
            inner.parser(parser, didEndElement: elementName, namespaceURI: namespaceURI, qualifiedName: qName)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !tooDeep else { return }
            inner.parser(parser, foundCharacters: string)
        }
    }

    /// Whether the bytes contain "<!DOCTYPE".
    static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i + needle.count <= count {
                if buffer[i] == 0x3C && buffer[i + 1] == 0x21 {
                    var match = true
                    for k in 2..<needle.count where buffer[i + k] != needle[k] {
                        match = false
                        break
                    }
                    if match { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The value of the attribute with local name `name`, whatever its prefix.
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes {
            if key.hasSuffix(name), key.utf8.count > name.utf8.count,
                key.utf8[key.utf8.index(key.utf8.endIndex, offsetBy: -name.utf8.count - 1)] == UInt8(ascii: ":")
            {
                return value
            }
        }
        return nil
    }
}
