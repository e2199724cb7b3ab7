import BinaryPacking

/// An open-addressing hash table from normalised word bytes to dense ids, built when a lexicon is compiled
/// and read for every token of every answer, so a lookup allocates nothing.
struct Vocabulary: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int
    /// Whether some entry is a word family key, so the tokeniser should look up the family of a word the
    /// vocabulary does not hold as written.
    var hasFamilies = false
    /// Which words may belong to one of the vocabulary's families (see `FamilyFilter`).
    var familyFilter = FamilyFilter()

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    /// Number of distinct words.
    var count: Int { keyStarts.count }

    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<count {
            h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3
        }
        return h
    }

    /// The id of a word, inserting it when new.
    mutating func intern(_ key: [UInt8]) -> Int32 {
        if let id = key.withUnsafeBufferPointer({ lookup($0, $0.count) }) { return id }
        let id = Int32(keyStarts.count)
        let h = key.withUnsafeBufferPointer { Vocabulary.hash($0, $0.count) }
        keyStarts.append(Int32(arena.count))
        keyLengths.append(Int32(key.count))
        arena.append(contentsOf: key)
        hashes.append(h)
        if keyStarts.count * 2 > slots.count { grow() } else { place(id, h) }
        return id
    }

    private mutating func place(_ id: Int32, _ h: UInt64) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<keyStarts.count { place(Int32(id), hashes[id]) }
    }

    /// The key of a word by id.
    func key(_ id: Int32) -> [UInt8] {
        let start = Int(keyStarts[Int(id)])
        return Array(arena[start..<(start + Int(keyLengths[Int(id)]))])
    }

    /// The id of the first `count` bytes of `p`, or nil.
    @inline(__always) func lookup(_ p: UnsafeBufferPointer<UInt8>, _ count: Int) -> Int32? {
        let h = Vocabulary.hash(p, count)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { return nil }
            if hashes[Int(id)] == h && Int(keyLengths[Int(id)]) == count {
                let start = Int(keyStarts[Int(id)])
                var same = true
                for k in 0..<count where arena[start + k] != p[k] {
                    same = false
                    break
                }
                if same { return id }
            }
            i = (i + 1) & mask
        }
    }
}

extension Vocabulary {
    /// Writes the words in id order, whether it has families, and its family filter.
    func pack(into writer: inout ByteWriter) {
        writer.append(array: keyLengths)
        writer.append(array: arena)
        writer.append(UInt8(hasFamilies ? 1 : 0))
        familyFilter.pack(into: &writer)
    }

    /// Reads what `pack` wrote and rebuilds the hash table, or nil when the words do not fit the arena or a
    /// word repeats (its id would not be the one the tables that follow refer to).
    static func unpack(from reader: inout ByteReader) -> Vocabulary? {
        guard let lengths = reader.readArray(of: Int32.self), let arena = reader.readArray(of: UInt8.self),
            let families = reader.read(UInt8.self), families <= 1,
            let filter = FamilyFilter.unpack(from: &reader)
        else { return nil }
        var vocabulary = Vocabulary()
        var size = vocabulary.slots.count
        while lengths.count * 2 > size { size *= 2 }
        vocabulary.slots = Array(repeating: -1, count: size)
        vocabulary.mask = size - 1
        vocabulary.keyStarts.reserveCapacity(lengths.count)
        vocabulary.hashes.reserveCapacity(lengths.count)
        vocabulary.keyLengths = lengths
        vocabulary.arena = arena
        var start = 0
        let sound = arena.withUnsafeBufferPointer { whole -> Bool in
            for length in lengths {
                guard length >= 0, Int(length) <= whole.count - start else { return false }
                let word = UnsafeBufferPointer(rebasing: whole[start..<(start + Int(length))])
                // A word that repeats would not get the id the tables that follow refer to.
                guard vocabulary.lookup(word, word.count) == nil else { return false }
                let h = Vocabulary.hash(word, word.count)
                vocabulary.place(Int32(vocabulary.keyStarts.count), h)
                vocabulary.keyStarts.append(Int32(start))
                vocabulary.hashes.append(h)
                start += Int(length)
            }
            return true
        }
        guard sound, start == arena.count else { return nil }
        vocabulary.hasFamilies = families == 1
        vocabulary.familyFilter = filter
        return vocabulary
    }
}

/// The phrase trie's edges: an open-addressing table from (node << 32 | word id) to the next node,
/// probed with a multiplicative hash. A trie step runs for nearly every word of every answer, and
/// `Dictionary`'s seeded SipHash cost more than the rest of the step.
struct TransitionTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let shift: UInt64
    private let mask: Int
    /// Marks an empty slot; no real key has every bit set (node and word ids are non-negative).
    fileprivate static let empty = UInt64.max

    /// Builds the table from the edges collected while compiling.
    init(_ edges: [UInt64: Int32]) {
        self.init(keys: Array(edges.keys), values: Array(edges.values))
    }

    /// Builds the table from parallel arrays of edge keys and the nodes they lead to (the key `UInt64.max`
    /// is never an edge). At most half the slots are used, so a probe always ends.
    private init(keys edgeKeys: [UInt64], values edgeValues: [Int32]) {
        var bits = 4
        while (1 << bits) < edgeKeys.count * 2 { bits += 1 }
        let size = 1 << bits
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        shift = UInt64(64 - bits)
        mask = size - 1
        for (k, v) in zip(edgeKeys, edgeValues) {
            var i = Self.slot(k, shift)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }

    /// Writes the edges.
    func pack(into writer: inout ByteWriter) {
        var edgeKeys: [UInt64] = []
        var edgeValues: [Int32] = []
        // In key order, so that the same edges always make the same bytes.
        for (k, v) in zip(keys, values).filter({ $0.0 != Self.empty }).sorted(by: { $0.0 < $1.0 }) {
            edgeKeys.append(k)
            edgeValues.append(v)
        }
        writer.append(array: edgeKeys)
        writer.append(array: edgeValues)
    }

    /// Reads what `pack` wrote, or nil when an edge leads to a node outside `0..<nodes`, starts from one, or
    /// is keyed by a word outside `0..<words`.
    static func unpack(from reader: inout ByteReader, nodes: Int, words: Int) -> TransitionTable? {
        guard let edgeKeys = reader.readArray(of: UInt64.self), let edgeValues = reader.readArray(of: Int32.self),
            edgeKeys.count == edgeValues.count
        else { return nil }
        for (k, v) in zip(edgeKeys, edgeValues) {
            guard v >= 0, Int(v) < nodes, k >> 32 < UInt64(nodes), k & 0xFFFF_FFFF < UInt64(words) else { return nil }
        }
        return TransitionTable(keys: edgeKeys, values: edgeValues)
    }

    @inline(__always) fileprivate static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Runs `body` with a view of the table that reads through pointers.
    func withView<R>(_ body: (View) -> R) -> R {
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in body(View(keys: k, values: v, shift: shift, mask: mask)) }
        }
    }

    /// The table read through pointers, for the trie walk.
    struct View {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<Int32>
        let shift: UInt64
        let mask: Int

        /// The node an edge leads to, or nil.
        @inline(__always) subscript(key: UInt64) -> Int32? {
            var i = TransitionTable.slot(key, shift)
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == TransitionTable.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }
}
