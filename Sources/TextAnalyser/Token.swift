/// One word, number or punctuation mark of the checked text, with its exact byte range.
public struct Token: Sendable {
    /// What a token is.
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation
    }

    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset just past the last byte.
    public var end: Int32
    /// Word, number or punctuation.
    public var kind: Kind
    /// Bit set of `Token.Flags`.
    public var flags: UInt8
    /// Vocabulary id of the normalised form, or -1 when the lexicon does not know the word.
    public var id: Int32
    /// Vocabulary id of the exact-case form, for words written in capitals (acronyms such as ASA), or -1.
    public var capsId: Int32

    /// Flags describing how a token is written.
    public enum Flags {
        /// Starts with a capital letter.
        public static let capitalised: UInt8 = 1
        /// Two or more letters, all capitals (an acronym), optionally with a plural s.
        public static let allCaps: UInt8 = 2
        /// Preceded by whitespace or the start of its block.
        public static let spaceBefore: UInt8 = 4
        /// Ends with a possessive 's or '.
        public static let possessive: UInt8 = 8
        /// A contraction ending in n't (didn't, isn't).
        public static let negativeContraction: UInt8 = 16
    }

    /// Whether a flag is set.
    @inline(__always) public func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    /// The byte range.
    public var range: Range<Int> { Int(start)..<Int(end) }
}
