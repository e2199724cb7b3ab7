/// A raw DEFLATE (RFC 1951) decompressor: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Decoding works on unsafe buffers with single-level lookup tables (one probe per symbol). The output limit is
/// enforced while inflating, so a ZIP bomb stops at the limit instead of filling memory.
enum Inflate {
    /// Why inflating stopped.
    enum Failure: Error, Equatable {
        /// The compressed data is damaged or truncated.
        case corrupt
        /// The output would exceed the limit.
        case tooLarge
    }

    /// Inflates `input` (raw DEFLATE, no zlib or gzip header); the output may not exceed `limit` bytes.
    /// `expectedSize` is only a capacity hint.
    static func inflate(_ input: [UInt8], limit: Int, expectedSize: Int = 0) -> Result<[UInt8], Failure> {
        input.withUnsafeBufferPointer { buffer in
            inflate(buffer, limit: limit, expectedSize: expectedSize)
        }
    }

    /// Inflates raw DEFLATE data from a buffer; see ``inflate(_:limit:expectedSize:)``.
    static func inflate(
        _ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int = 0
    ) -> Result<[UInt8], Failure> {
        var state = State(
            input: input, limit: limit, capacity: min(max(expectedSize, 1024, input.count * 3), max(limit, 1)))
        defer { state.output.deallocate() }
        do {
            try state.run()
        } catch {
            return .failure(error)
        }
        let count = state.outCount
        let source = state.output
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let base = buffer.baseAddress {
                base.update(from: source.baseAddress!, count: count)
            }
            initialized = count
        }
        return .success(result)
    }

    // MARK: tables

    private static let lengthBase: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    /// The order in which code-length code lengths are stored in a dynamic block header.
    private static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A canonical Huffman code as a lookup table indexed by the next `bits` input bits (LSB first).
    /// Each entry is `symbol << 4 | codeLength`; an entry with length 0 marks an unused code.
    private struct HuffmanTable {
        var entries: [UInt16]
        var bits: Int

        init(lengths: ArraySlice<UInt8>) throws(Failure) {
            var counts = [Int](repeating: 0, count: 16)
            var maxLength = 0
            for length in lengths {
                counts[Int(length)] += 1
                maxLength = max(maxLength, Int(length))
            }
            counts[0] = 0
            // Reject over-subscribed codes (incomplete ones are allowed; their unused entries stay 0).
            var left = 1
            for length in 1..<16 {
                left = (left << 1) - counts[length]
                if left < 0 { throw .corrupt }
            }
            bits = max(maxLength, 1)
            entries = [UInt16](repeating: 0, count: 1 << bits)
            // Canonical codes (RFC 1951 section 3.2.2): the first code of each length.
            var nextCode = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1..<16 {
                code = (code + counts[length - 1]) << 1
                nextCode[length] = code
            }
            let size = 1 << bits
            entries.withUnsafeMutableBufferPointer { table in
                var symbol = 0
                for length in lengths {
                    defer { symbol += 1 }
                    let n = Int(length)
                    if n == 0 { continue }
                    let code = nextCode[n]
                    nextCode[n] += 1
                    // DEFLATE sends Huffman codes most-significant bit first; the table is indexed LSB first.
                    var reversed = 0
                    var c = code
                    for _ in 0..<n {
                        reversed = (reversed << 1) | (c & 1)
                        c >>= 1
                    }
                    let entry = UInt16(truncatingIfNeeded: symbol << 4 | n)
                    var index = reversed
                    while index < size {
                        table[index] = entry
                        index += 1 << n
                    }
                }
            }
        }
    }

    // MARK: decoder state

    private struct State {
        let input: UnsafeBufferPointer<UInt8>
        var position = 0
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        let limit: Int
        var output: UnsafeMutableBufferPointer<UInt8>
        var outCount = 0

        init(input: UnsafeBufferPointer<UInt8>, limit: Int, capacity: Int) {
            self.input = input
            self.limit = limit
            output = .allocate(capacity: max(capacity, 1))
        }

        /// Loads whole bytes into the bit buffer until it holds at least 57 bits or the input ends.
        @inline(__always)
        mutating func refill() {
            while bitCount <= 56 && position < input.count {
                bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        @inline(__always)
        mutating func bits(_ n: Int) throws(Failure) -> Int {
            if bitCount < n {
                refill()
                if bitCount < n { throw .corrupt }
            }
            let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
            bitBuffer >>= UInt64(n)
            bitCount -= n
            return value
        }

        @inline(__always)
        mutating func decode(_ table: UnsafeBufferPointer<UInt16>, bits tableBits: Int) throws(Failure) -> Int {
            if bitCount < 15 { refill() }
            let entry = table[Int(bitBuffer & UInt64((1 << tableBits) - 1))]
            let length = Int(entry & 15)
            if length == 0 || length > bitCount { throw .corrupt }
            bitBuffer >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 4)
        }

        /// Makes room for `extra` more output bytes, growing the buffer but never past the limit.
        @inline(__always)
        mutating func reserve(_ extra: Int) throws(Failure) {
            let needed = outCount + extra
            if needed <= output.count { return }
            if needed > limit { throw .tooLarge }
            var newCapacity = max(output.count * 2, needed)
            if newCapacity > limit { newCapacity = limit }
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: newCapacity)
            if outCount > 0 {
                grown.baseAddress!.update(from: output.baseAddress!, count: outCount)
            }
            output.deallocate()
            output = grown
        }

        mutating func run() throws(Failure) {
            var last = false
            while !last {
                last = try bits(1) == 1
                switch try bits(2) {
                case 0: try storedBlock()
                case 1: try huffmanBlock(Inflate.fixedLiteralTable, Inflate.fixedDistanceTable)
                case 2:
                    let (literals, distances) = try dynamicTables()
                    try huffmanBlock(literals, distances)
                default: throw .corrupt
                }
            }
        }

        mutating func storedBlock() throws(Failure) {
            // Drop the bits up to the byte boundary, then give back the whole bytes still in the bit buffer.
            let partial = bitCount & 7
            bitBuffer >>= UInt64(partial)
            bitCount -= partial
            position -= bitCount >> 3
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw .corrupt }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == (~complement & 0xFFFF) else { throw .corrupt }
            guard position + length <= input.count else { throw .corrupt }
            try reserve(length)
            if length > 0 {
                (output.baseAddress! + outCount).update(from: input.baseAddress! + position, count: length)
            }
            outCount += length
            position += length
        }

        mutating func dynamicTables() throws(Failure) -> (HuffmanTable, HuffmanTable) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .corrupt }
            var codeLengthLengths = [UInt8](repeating: 0, count: 19)
            for i in 0..<codeLengthCount {
                codeLengthLengths[Inflate.codeLengthOrder[i]] = UInt8(try bits(3))
            }
            let codeLengthTable = try HuffmanTable(lengths: codeLengthLengths[...])
            let total = literalCount + distanceCount
            var lengths = [UInt8](repeating: 0, count: total)
            var i = 0
            try codeLengthTable.entries.withUnsafeBufferPointer { (table) throws(Failure) in
                while i < total {
                    let symbol = try decode(table, bits: codeLengthTable.bits)
                    switch symbol {
                    case 0...15:
                        lengths[i] = UInt8(symbol)
                        i += 1
                    case 16:
                        guard i > 0 else { throw .corrupt }
                        let repeatCount = 3 + (try bits(2))
                        guard i + repeatCount <= total else { throw .corrupt }
                        let previous = lengths[i - 1]
                        for _ in 0..<repeatCount {
                            lengths[i] = previous
                            i += 1
                        }
                    case 17, 18:
                        let repeatCount = symbol == 17 ? 3 + (try bits(3)) : 11 + (try bits(7))
                        guard i + repeatCount <= total else { throw .corrupt }
                        i += repeatCount  // already zero
                    default:
                        throw .corrupt
                    }
                }
            }
            guard lengths[256] != 0 else { throw .corrupt }  // the block could never end
            return (
                try HuffmanTable(lengths: lengths[0..<literalCount]),
                try HuffmanTable(lengths: lengths[literalCount..<total])
            )
        }

        mutating func huffmanBlock(_ literals: HuffmanTable, _ distances: HuffmanTable) throws(Failure) {
            let literalBits = literals.bits
            let distanceBits = distances.bits
            try literals.entries.withUnsafeBufferPointer { (literalTable) throws(Failure) in
                try distances.entries.withUnsafeBufferPointer { (distanceTable) throws(Failure) in
                    try Inflate.lengthBase.withUnsafeBufferPointer { (lengthBase) throws(Failure) in
                        try Inflate.distanceBase.withUnsafeBufferPointer { (distanceBase) throws(Failure) in
                            try decodeSymbols(
                                literalTable, literalBits, distanceTable, distanceBits, lengthBase, distanceBase)
                        }
                    }
                }
            }
        }

        @inline(__always)
        mutating func decodeSymbols(
            _ literalTable: UnsafeBufferPointer<UInt16>, _ literalBits: Int,
            _ distanceTable: UnsafeBufferPointer<UInt16>, _ distanceBits: Int,
            _ lengthBase: UnsafeBufferPointer<UInt16>, _ distanceBase: UnsafeBufferPointer<UInt16>
        ) throws(Failure) {
            let literalMask = UInt64((1 << literalBits) - 1)
            while true {
                if bitCount < 48 { refill() }
                let entry = literalTable[Int(bitBuffer & literalMask)]
                let codeLength = Int(entry & 15)
                if codeLength == 0 || codeLength > bitCount { throw .corrupt }
                bitBuffer >>= UInt64(codeLength)
                bitCount -= codeLength
                let symbol = Int(entry >> 4)
                if symbol < 256 {
                    if outCount == output.count { try reserve(1) }
                    output[outCount] = UInt8(truncatingIfNeeded: symbol)
                    outCount += 1
                    continue
                }
                if symbol == 256 { return }
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw .corrupt }
                var length = Int(lengthBase[lengthIndex])
                let lengthExtraBits = Int(Inflate.lengthExtraBits(lengthIndex))
                if lengthExtraBits > 0 { length += try bits(lengthExtraBits) }

                let distanceSymbol = try decode(distanceTable, bits: distanceBits)
                guard distanceSymbol < 30 else { throw .corrupt }
                var distance = Int(distanceBase[distanceSymbol])
                let distanceExtraBits = distanceSymbol < 4 ? 0 : (distanceSymbol >> 1) - 1
                if distanceExtraBits > 0 { distance += try bits(distanceExtraBits) }
                guard distance <= outCount else { throw .corrupt }

                try reserve(length)
                let base = output.baseAddress!
                var target = outCount
                var source = outCount - distance
                if distance >= length {
                    (base + target).update(from: base + source, count: length)
                } else {
                    // Overlapping copy: the run repeats the last `distance` bytes.
                    let end = target + length
                    while target < end {
                        base[target] = base[source]
                        target += 1
                        source += 1
                    }
                }
                outCount += length
            }
        }
    }

    @inline(__always)
    private static func lengthExtraBits(_ index: Int) -> Int {
        // Lengths 257...264 and 285 have no extra bits; the others have (index - 4) / 4.
        (index < 8 || index == 28) ? 0 : (index >> 2) - 1
    }

    private static let fixedLiteralTable: HuffmanTable = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // The fixed code is complete, so this cannot fail.
        return try! HuffmanTable(lengths: lengths[...])
    }()

    private static let fixedDistanceTable: HuffmanTable = {
        try! HuffmanTable(lengths: [UInt8](repeating: 5, count: 30)[...])
    }()
}
