import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs Foundation's `XMLParser` safely over one part of an office file.
///
/// External entities are never resolved, and a part with a document type declaration is rejected before parsing
/// (office files never carry one, and a DTD is what entity-expansion attacks need).
enum XMLSupport {
    /// Parses `bytes` with `delegate`; `part` names the part in error messages ("the main text", "the footnotes").
    static func parse(_ bytes: [UInt8], delegate: some XMLParserDelegate, part: String) throws(DocumentReadError) {
        if containsDoctype(bytes) {
            throw DocumentReadError(
                "\(part) of the document contains a document type declaration, which real documents never have; it was not read for safety")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        let ok = parser.parse()
        parser.delegate = nil
        // libxml2 may recover from some errors and still report success; any recorded error counts.
        if !ok || parser.parserError != nil {
            let line = parser.lineNumber
            throw DocumentReadError(
                "the document is damaged: \(part) is not well-formed XML (near line \(line)); open it in Word or LibreOffice, save a new copy and check that")
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
