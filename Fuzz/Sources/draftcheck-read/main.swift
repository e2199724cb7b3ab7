import DocumentReaders
import Foundation

// Prints what the document readers extract from each file: `== PATH`, then the text or `ERROR: message`;
// the reader's notes go to standard error, so that standard output is only the documents' text.
// Used to compare our readers with another tool on real documents (Fuzz/compare-with-pandoc.sh) and, built with
// the address sanitizer, to read a folder of documents looking for crashes.

let paths = CommandLine.arguments.dropFirst()
if paths.isEmpty {
    FileHandle.standardError.write(Data("usage: draftcheck-read FILE...\n".utf8))
    exit(2)
}
let reader = DocumentReader()
for path in paths {
    print("== \(path)")
    do {
        let document = try reader.read(contentsOf: URL(fileURLWithPath: path))
        print(document.text)
        for note in document.notes { FileHandle.standardError.write(Data("\(path): note: \(note)\n".utf8)) }
    } catch {
        print("ERROR: \(error.message)")
    }
}
