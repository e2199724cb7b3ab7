import Foundation
enum PDFReader {
    static func read(bytes: Data) throws(DocumentReadError) -> ExtractedDocument { throw .noText }
}
