enum HTMLReader {
    static func read(_ decoded: TextDecoding.Decoded) throws(DocumentReadError) -> ExtractedDocument { throw .noText }
}
