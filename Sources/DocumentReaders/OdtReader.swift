enum OdtReader {
    static func read(_ archive: inout ZipArchive) throws(DocumentReadError) -> ExtractedDocument { throw .noText }
}
