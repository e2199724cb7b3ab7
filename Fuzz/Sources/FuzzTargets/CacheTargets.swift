import BinaryPacking
import Foundation

@testable import TextAnalyser

/// Targets for what draftcheck reads back from its own cache folder. The folder is the user's, so its files
/// are outside bytes too: a damaged or crafted file must be refused, never trusted.
enum CacheTargets {
    /// A small term list; the tables read must fit it.
    static let terms: [TermDefinition] = [
        TermDefinition(id: "retention", label: "Customer retention", variants: ["customer retention"]),
        TermDefinition(id: "segmentation", label: "Segmentation", variants: ["segmentation"]),
        TermDefinition(
            id: "marketing-mix", label: "Marketing mix", kind: .framework, variants: ["marketing mix", "4Ps"]),
        TermDefinition(id: "price", label: "Price", variants: ["price"], requiresContext: ["marketing-mix"]),
        TermDefinition(id: "tesco", label: "Tesco", kind: .organisation, variants: ["Tesco"]),
        TermDefinition(
            id: "asa", label: "Advertising Standards Authority", kind: .legislation,
            variants: ["Advertising Standards Authority"], exactCaseVariants: ["ASA"]),
    ]

    /// The bytes between the tables' header and checksum.
    static func body(of packed: [UInt8]) -> [UInt8] {
        let header = Lexicon.tablesMagic.utf8.count + MemoryLayout<UInt32>.size
        return Array(packed[header..<(packed.count - MemoryLayout<UInt64>.size)])
    }

    /// The tables of `terms` as this build writes them.
    @Sendable static func seeds() -> [[UInt8]] { [body(of: Lexicon(terms: terms).packedTables())] }

    static let lexiconTables = FuzzTarget(
        "lexicon-tables", "compiled-lexicon tables (given a valid header and checksum), then used",
        seeds: seeds
    ) { data in
        // Framed, so that mutations reach the structural checks instead of failing the checksum...
        var writer = ByteWriter(magic: Lexicon.tablesMagic)
        for byte in data { writer.append(byte) }
        if let lexicon = Lexicon(terms: terms, packedTables: writer.finished()) {
            let text =
                "Tesco's customer retention rose 5% because segmentation set the price in the 4Ps. The ASA agreed."
            _ = Analyser(lexicon: lexicon).analyse(SourceText(text))
        }
        // ...and raw, as a damaged file would be.
        _ = Lexicon(terms: terms, packedTables: [UInt8](data))
    }
}
