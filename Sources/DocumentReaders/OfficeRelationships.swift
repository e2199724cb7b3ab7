import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Finds the parts of an Office Open XML package the way Word does: from the package relationships
/// (`_rels/.rels`), the part relationships (`word/_rels/document.xml.rels`) and the content types
/// (`[Content_Types].xml`), instead of assuming `word/document.xml`.
enum OfficeRelationships {
    static let officeDocumentType = "/officeDocument"
    static let mainContentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ]

    /// The parts a Word document's text is read from.
    struct WordParts: Equatable {
        var document: String
        var styles: String?
        var footnotes: String?
        var endnotes: String?
    }

    /// The parts of the Word document in `archive`, or nil when it has no main document part.
    static func wordParts(in archive: inout ZipArchive) throws(DocumentReadError) -> WordParts? {
        guard let document = try mainDocument(in: &archive) else { return nil }
        var parts = WordParts(document: document)
        let related = try relationships(of: document, in: &archive)
        func target(_ suffix: String, fallback: String) -> String? {
            if let found = related.first(where: { $0.type.hasSuffix(suffix) && archive.entry(named: $0.target) != nil })
            {
                return found.target
            }
            return archive.entry(named: fallback) != nil ? fallback : nil
        }
        let folder = directory(of: document)
        parts.styles = target("/styles", fallback: folder + "styles.xml")
        parts.footnotes = target("/footnotes", fallback: folder + "footnotes.xml")
        parts.endnotes = target("/endnotes", fallback: folder + "endnotes.xml")
        return parts
    }

    /// The main document part: the package's officeDocument relationship, else the part whose content type is a
    /// Word main document, else `word/document.xml`.
    static func mainDocument(in archive: inout ZipArchive) throws(DocumentReadError) -> String? {
        for relation in try relationships(of: "", in: &archive)
        where relation.type.hasSuffix(officeDocumentType) && archive.entry(named: relation.target) != nil {
            return relation.target
        }
        if let types = try archive.data(named: "[Content_Types].xml") {
            let delegate = ContentTypesDelegate()
            // Damaged package metadata is not fatal: the conventional part names are tried next.
            _ = try? XMLSupport.parse(types, delegate: delegate, part: "the content types")
            for part in delegate.mainParts where archive.entry(named: part) != nil { return part }
        }
        return archive.entry(named: "word/document.xml") != nil ? "word/document.xml" : nil
    }

    /// One relationship: its type URI and its target as a part name (no leading "/").
    struct Relationship: Equatable {
        var type: String
        var target: String
    }

    /// The internal relationships of `part` ("" for the package), targets resolved to part names.
    static func relationships(of part: String, in archive: inout ZipArchive) throws(DocumentReadError) -> [Relationship]
    {
        let folder = directory(of: part)
        let name = part.isEmpty ? "" : String(part.dropFirst(folder.count))
        guard let xml = try archive.data(named: folder + "_rels/" + name + ".rels") else { return [] }
        let delegate = RelationshipsDelegate()
        guard (try? XMLSupport.parse(xml, delegate: delegate, part: "the part relationships")) != nil else { return [] }
        return delegate.found.compactMap { type, target, external in
            external ? nil : resolve(target, from: folder).map { Relationship(type: type, target: $0) }
        }
    }

    /// The folder of a part name, with its trailing "/" ("word/document.xml" → "word/"; "" for the root).
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// Resolves a relationship target against the source folder: "/word/a.xml" and "../word/a.xml" work;
    /// a target that climbs above the root is nil.
    static func resolve(_ target: String, from folder: String) -> String? {
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        return joined.isEmpty ? nil : (joined.removingPercentEncoding ?? joined)
    }

    private final class RelationshipsDelegate: NSObject, XMLParserDelegate {
        var found: [(type: String, target: String, external: Bool)] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            guard elementName == "Relationship", let type = attributes["Type"], let target = attributes["Target"]
            else { return }
            found.append((type, target, attributes["TargetMode"] == "External"))
        }
    }

    private final class ContentTypesDelegate: NSObject, XMLParserDelegate {
        var mainParts: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            guard elementName == "Override", let type = attributes["ContentType"],
                OfficeRelationships.mainContentTypes.contains(type), let part = attributes["PartName"],
                let name = OfficeRelationships.resolve(part, from: "")
            else { return }
            mainParts.append(name)
        }
    }
}
