import Foundation

@testable import DocumentReaders

/// Targets for the document readers: every reader of outside bytes, end to end and piece by piece.
enum ReaderTargets {
    /// Small limits keep each input fast while still reaching the limit checks.
    static let reader = DocumentReader(limits: ReadLimits(maxInputBytes: 1 << 20, maxDecompressedBytes: 8 << 20))

    static let zip = FuzzTarget("zip", "ZIP central directory and entries, and raw DEFLATE") { data in
        let bytes = [UInt8](data)
        if var archive = try? ZipArchive(bytes: bytes, limits: reader.limits) {
            for entry in archive.entries { _ = try? archive.data(for: entry) }
        }
        _ = Inflate.inflate(bytes, limit: 1 << 20)
    }

    static let docx = FuzzTarget("docx", "a whole .docx file, raw bytes") { data in
        _ = try? reader.read(data: data, fileName: "answer.docx")
    }

    static let odt = FuzzTarget("odt", "a whole .odt file, raw bytes") { data in
        _ = try? reader.read(data: data, fileName: "answer.odt")
    }

    /// The first byte chooses which part the rest becomes; the others are fixed, well-formed parts.
    static let docxParts = FuzzTarget("docx-xml", "one XML part of a .docx, packed into a valid ZIP") { data in
        guard let first = data.first else { return }
        let names = ["word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml"]
        let chosen = names[Int(first) % names.count]
        var parts = [("word/document.xml", Array(minimalDocument.utf8))]
        parts.removeAll { $0.0 == chosen }
        parts.append((chosen, [UInt8](data.dropFirst())))
        _ = try? reader.read(data: StoredZip.build(parts), fileName: "answer.docx")
    }

    static let odtParts = FuzzTarget("odt-xml", "one XML part of an .odt, packed into a valid ZIP") { data in
        guard let first = data.first else { return }
        let names = ["content.xml", "styles.xml", "META-INF/manifest.xml"]
        let chosen = names[Int(first) % names.count]
        var parts = [
            ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
            ("content.xml", Array(minimalContent.utf8)),
        ]
        parts.removeAll { $0.0 == chosen }
        parts.append((chosen, [UInt8](data.dropFirst())))
        _ = try? reader.read(data: StoredZip.build(parts), fileName: "answer.odt")
    }

    static let html = FuzzTarget("html", "an .html file") { data in
        _ = try? reader.read(data: data, fileName: "answer.html")
    }

    static let text = FuzzTarget("text", "a .txt file (encoding detection)") { data in
        _ = try? reader.read(data: data, fileName: "answer.txt")
    }

    static let minimalDocument = """
        <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:body><w:p><w:r><w:t>CRM keeps customers.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>
        """

    static let minimalContent = """
        <?xml version="1.0" encoding="UTF-8"?><office:document-content \
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>\
        <text:p text:style-name="Heading_20_1">CRM keeps customers.</text:p></office:text></office:body></office:document-content>
        """
}

/// Writes a ZIP archive of stored (uncompressed) entries, so that fuzzed parts reach the XML readers intact.
enum StoredZip {
    static func build(_ parts: [(String, [UInt8])]) -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func u32(_ value: UInt32, _ into: inout [UInt8]) {
            into += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        for (name, data) in parts {
            let offset = UInt32(out.count)
            let nameBytes = Array(name.utf8)
            let crc = CRC32.checksum(data)
            let size = UInt32(data.count)
            u32(0x0403_4B50, &out)
            u16(20, &out)
            u16(0, &out)
            u16(0, &out)
            u16(0, &out)
            u16(0, &out)
            u32(crc, &out)
            u32(size, &out)
            u32(size, &out)
            u16(nameBytes.count, &out)
            u16(0, &out)
            out += nameBytes
            out += data
            u32(0x0201_4B50, &central)
            u16(20, &central)
            u16(20, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(crc, &central)
            u32(size, &central)
            u32(size, &central)
            u16(nameBytes.count, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(0, &central)
            u32(offset, &central)
            central += nameBytes
        }
        let directoryOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(parts.count, &out)
        u16(parts.count, &out)
        u32(UInt32(central.count), &out)
        u32(directoryOffset, &out)
        u16(0, &out)
        return Data(out)
    }
}
