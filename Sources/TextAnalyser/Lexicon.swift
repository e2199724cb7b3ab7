/// A term the analyser should recognise: a rubric concept, a framework, a named organisation or law.
public struct TermDefinition: Sendable, Hashable {
    /// What a term is; reported as the finding's kind.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case concept, framework, organisation, legislation, misconception
    }

    /// Identifier (unique within a lexicon), e.g. "customer-lifetime-value".
    public var id: String
    /// Human label, e.g. "Customer lifetime value".
    public var label: String
    /// What the term is.
    public var kind: Kind
    /// The ways learners write it. Hyphenated and spaced forms also match their joined form.
    public var variants: [String]
    /// Variants matched only when written exactly in that case (acronyms such as "ASA" that are also words).
    public var exactCaseVariants: [String]
    /// Ids of terms that must be present nearby (same paragraph or its heading) for an ambiguous word
    /// such as "place" or "process" to count, e.g. ["marketing-mix"].
    public var requiresContext: [String]
    /// Whether the variants match only in the forms listed (with plurals and spellings folded), not through
    /// their word families: for a concept whose inflections or derivations mean something else.
    public var exactForm: Bool

    /// Whether the variants match through word families: concepts, frameworks and misconceptions do;
    /// names of organisations and laws, and terms marked `exactForm`, do not.
    public var matchesFamilies: Bool {
        !exactForm && (kind == .concept || kind == .framework || kind == .misconception)
    }

    /// Creates a term.
    public init(
        id: String, label: String, kind: Kind = .concept, variants: [String], exactCaseVariants: [String] = [],
        requiresContext: [String] = [], exactForm: Bool = false
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.variants = variants
        self.exactCaseVariants = exactCaseVariants
        self.requiresContext = requiresContext
        self.exactForm = exactForm
    }
}

/// Words and phrases with a fixed meaning to the analyser: negation, discourse markers, example markers and
/// the vocabulary that quantities and citations are recognised by.
enum Cue: Int32, Sendable, CaseIterable {
    case negator, restrictiveNegator, rejection, passiveAuxiliary, clauseBreak
    case explanation, judgement, balance, recommendation
    case exampleMarker, workplaceMarker, organisationSuffix, theorist
    case month, labelWord, frameworkNumberWord, numberWord, multiplierVerb, timesWord, scaleWord, percentWord,
        currencyWord,
        currencyCode, unitNoun, fromWord, toWord, inWord, ofWord, outOfWord, legislationWord,
        etWord, alWord, andWord, abbreviation
    case organisationCue, organisationNoun, notOrganisation, everydayBrand, personTitle, conceptAcronym
    case subjectWord, soBlocker, modalWord, timeOfDay, rateWord, fractionWord, idLabel
    case signpostSubject, signpostPurpose, signpostVerb, scaffoldWord, coordinator, recommendObject, firstName
    case conceptHead

    /// Cues found through the phrase trie even when they are one word, because each occurrence matters.
    var isReported: Bool {
        switch self {
        case .restrictiveNegator, .rejection, .explanation, .judgement, .balance, .recommendation, .exampleMarker,
            .workplaceMarker:
            return true
        default:
            return false
        }
    }
}

/// The compiled form of a set of terms plus the analyser's cues: a shared vocabulary and a phrase trie
/// over normalised word ids. Built once per rubric; matching a document then costs one hash lookup per word.
public struct Lexicon: Sendable {
    /// The terms, in the order given; a match refers to its term by index.
    public let terms: [TermDefinition]
    let vocabulary: Vocabulary
    /// Phrase trie: node 0 is the root; transitions keyed by (node << 32 | word id).
    let transitions: TransitionTable
    /// Per node n, `terminalEntries[terminalOffsets[n]..<terminalOffsets[n + 1]]` are the entries a phrase ending
    /// there completes (flat, so a trie step touches no nested array). An entry >= 0 is a term index; < 0 is
    /// -(cue raw value + 1).
    let terminalOffsets: [Int32]
    let terminalEntries: [Int32]
    /// Per vocabulary id, whether some phrase starts with that word; other words need no trie walk.
    let startsPhrase: [Bool]
    /// Per term index, the term indexes it needs as context.
    let contextIndexes: [[Int]]
    /// Per term index, its kind, held apart from `terms` so the hot path reads a plain value instead of
    /// copying (and retaining) a whole `TermDefinition`.
    let termKinds: [TermDefinition.Kind]
    /// Per vocabulary id, the single-word cues it carries (for fast checks that need no trie walk).
    let wordCues: [UInt64]
    /// Per vocabulary id of a word as written, the id of its word family when some phrase uses that
    /// family, else -1: the trie walk also steps with it.
    let families: [Int32]

    /// Index of a term by id.
    public func index(of id: String) -> Int? { termIndex[id] }
    private let termIndex: [String: Int]

    /// Compiles terms (and the built-in cues) into a lexicon. Terms with unknown context ids ignore those ids.
    public init(terms: [TermDefinition]) {
        self.init(terms: terms, tables: Self.compile(terms))
    }

    /// A lexicon over `terms` with tables already compiled for their wording.
    init(terms: [TermDefinition], tables: Tables) {
        self.terms = terms
        var index: [String: Int] = [:]
        for (i, t) in terms.enumerated() where index[t.id] == nil { index[t.id] = i }
        self.termIndex = index
        contextIndexes = terms.map { $0.requiresContext.compactMap { index[$0] } }
        termKinds = terms.map(\.kind)
        vocabulary = tables.vocabulary
        transitions = tables.transitions
        terminalOffsets = tables.terminalOffsets
        terminalEntries = tables.terminalEntries
        startsPhrase = tables.startsPhrase
        wordCues = tables.wordCues
        families = tables.families
    }

    /// The parts of a lexicon that depend only on its terms' wording, in the order given.
    struct Tables {
        var vocabulary: Vocabulary
        var transitions: TransitionTable
        var terminalOffsets: [Int32]
        var terminalEntries: [Int32]
        var startsPhrase: [Bool]
        var wordCues: [UInt64]
        var families: [Int32]
    }

    private static func compile(_ terms: [TermDefinition]) -> Tables {
        var builder = TrieBuilder()
        for (i, term) in terms.enumerated() {
            let family = term.matchesFamilies
            for v in term.variants {
                // An acronym ("ONS", "NPS") has no word family: "ONS" is not a form of "on".
                builder.add(
                    TrieBuilder.words(of: v), entry: Int32(i), exactCase: false, family: family && !Self.isAcronym(v))
            }
            for v in term.exactCaseVariants {
                builder.add(TrieBuilder.words(of: v), entry: Int32(i), exactCase: true, family: false)
            }
        }
        var singleWordCues: [(Int32, Cue)] = []
        for (cue, phrases) in Self.cueWords {
            for words in phrases {
                // Single words are looked up per token through `wordCues`; only cues reported as findings
                // need their single words in the trie as well.
                if words.count == 1 { singleWordCues.append((builder.intern(words[0]), cue)) }
                if cue.isReported || words.count > 1 {
                    builder.add(words, entry: -(cue.rawValue + 1), exactCase: false, family: false)
                }
            }
        }
        var cues = [UInt64](repeating: 0, count: builder.vocabulary.count)
        for (id, cue) in singleWordCues { cues[Int(id)] |= 1 << UInt64(cue.rawValue) }
        let families = builder.mergeFamilyEdges(builder.familiesOfWords())
        var offsets: [Int32] = [0]
        var entries: [Int32] = []
        for list in builder.terminals {
            entries += list
            offsets.append(Int32(entries.count))
        }
        var starts = [Bool](repeating: false, count: builder.vocabulary.count)
        for key in builder.transitions.keys where key >> 32 == 0 { starts[Int(UInt32(truncatingIfNeeded: key))] = true }
        for (id, family) in families.enumerated() where family >= 0 && starts[Int(family)] { starts[id] = true }
        return Tables(
            vocabulary: builder.vocabulary, transitions: TransitionTable(builder.transitions),
            terminalOffsets: offsets, terminalEntries: entries, startsPhrase: starts, wordCues: cues,
            families: families)
    }

    /// A variant written as one word in capitals, such as "ONS" or "KPIs".
    static func isAcronym(_ variant: String) -> Bool {
        let letters = variant.unicodeScalars
        guard letters.count >= 2, letters.count <= 8, !variant.contains(" ") else { return false }
        let body = variant.hasSuffix("s") ? String(variant.dropLast()) : variant
        return body.unicodeScalars.count >= 2
            && body.unicodeScalars.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "&" }
    }

    /// The words of a variant as the phrase trie keys them for `term` (its word families, unless the term
    /// matches only as written), so two variants with the same keys match the same wording. Rubric lint
    /// uses it to point out variants that another variant already covers.
    public static func matchingForm(of variant: String, in term: TermDefinition) -> [String] {
        TrieBuilder.words(of: variant).map { w in
            if w.isNumber { return String(decoding: w.bytes, as: UTF8.self) }
            let folded = Normaliser.key(w.bytes, acronymPlural: w.acronymPlural)
            let key = term.matchesFamilies ? Array(WordFamily.key(folded: folded).dropFirst()) : folded
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// The built-in cue phrases, tokenised once per process.
    private static let cueWords: [(Cue, [[TrieBuilder.RawWord]])] = CueTable.phrases.map { cue, phrases in
        (cue, phrases.map(TrieBuilder.words(of:)))
    }

    /// Whether a token carries a single-word cue.
    @inline(__always) func token(_ t: Token, is cue: Cue) -> Bool {
        t.id >= 0 && wordCues[Int(t.id)] & (1 << UInt64(cue.rawValue)) != 0
    }
}

/// Builds the vocabulary and phrase trie.
private struct TrieBuilder {
    var vocabulary = Vocabulary()
    var transitions: [UInt64: Int32] = [:]
    var terminals: [[Int32]] = [[]]

    struct RawWord {
        var bytes: [UInt8]
        var acronymPlural: Bool
        var isNumber: Bool
    }

    /// Tokenises phrases; its vocabulary is empty because only the token boundaries are needed.
    static let phraseTokeniser = Tokeniser(vocabulary: Vocabulary())

    /// The word and number tokens of a phrase, tokenised the way answers are.
    static func words(of phrase: String) -> [RawWord] {
        let bytes = Array(phrase.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { p in
            var noCache = WordCache(bits: 0)
            TrieBuilder.phraseTokeniser.tokenise(p, 0..<p.count, into: &tokens, cache: &noCache)
        }
        return tokens.compactMap { t in
            guard t.kind != .punctuation else { return nil }
            let raw = Array(bytes[t.range])
            let acronymPlural =
                t.has(Token.Flags.allCaps) && raw.count >= 2 && raw.last == UInt8(ascii: "s")
            return RawWord(bytes: raw, acronymPlural: acronymPlural, isNumber: t.kind == .number)
        }
    }

    /// Adds a phrase, given as its words, ending in `entry`. With `family`, each word is keyed by its word
    /// family, so the phrase also matches the words' other forms.
    mutating func add(_ words: [RawWord], entry: Int32, exactCase: Bool, family: Bool) {
        guard !words.isEmpty else { return }
        insert(words.map { key($0, exactCase: exactCase, family: family) }, entry: entry)
        if words.count > 1 && !exactCase && words.allSatisfy({ !$0.isNumber }) {
            // after-sales / after sales also written aftersales; omni-channel as omnichannel.
            let joined = RawWord(bytes: words.flatMap(\.bytes), acronymPlural: false, isNumber: false)
            insert([key(joined, exactCase: false, family: family)], entry: entry)
        }
    }

    /// Gives a word the vocabulary holds as written the trie edges of its family, so the walk needs one step
    /// for it instead of two. Where the word already has an edge of its own from the same node (a cue or an
    /// exactForm phrase) that leads elsewhere, the two cannot share a step: the word keeps its family id
    /// and the walk steps with both. Returns the family ids the walk still needs, -1 elsewhere.
    mutating func mergeFamilyEdges(_ families: [Int32]) -> [Int32] {
        var wordsOfFamily: [Int32: [Int32]] = [:]
        for (id, family) in families.enumerated() where family >= 0 {
            wordsOfFamily[family, default: []].append(Int32(id))
        }
        guard !wordsOfFamily.isEmpty else { return families }
        var stillNeeded = [Int32](repeating: -1, count: families.count)
        for (key, child) in transitions {
            let node = key >> 32
            guard let words = wordsOfFamily[Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)] else { continue }
            for w in words {
                let own = node << 32 | UInt64(UInt32(w))
                if let existing = transitions[own] {
                    if existing != child { stillNeeded[Int(w)] = families[Int(w)] }
                } else {
                    transitions[own] = child
                }
            }
        }
        return stillNeeded
    }

    /// Per vocabulary id, the id of the word's family key when the vocabulary holds that key, else -1.
    /// Words written in capitals, numbers and family keys themselves have none. Also fills the
    /// vocabulary's filter of the words that may belong to its families.
    mutating func familiesOfWords() -> [Int32] {
        var families = [Int32](repeating: -1, count: vocabulary.count)
        guard vocabulary.hasFamilies else { return families }
        for (word, key) in WordFamily.tableEntries
        where key.withUnsafeBufferPointer({ vocabulary.lookup($0, $0.count) }) != nil {
            vocabulary.familyFilter.admit(word: word)
        }
        for id in 0..<Int32(vocabulary.count) {
            let key = vocabulary.key(id)
            if key.first == WordFamily.marker {
                vocabulary.familyFilter.admit(stem: Array(key.dropFirst()))
                continue
            }
            guard let first = key.first, first != 0x01, !(0x30...0x39).contains(first) else { continue }
            let family = WordFamily.key(folded: key)
            families[Int(id)] = family.withUnsafeBufferPointer { vocabulary.lookup($0, $0.count) } ?? -1
        }
        return families
    }

    /// The vocabulary id of one word, case-folded.
    mutating func intern(_ w: RawWord) -> Int32 { key(w, exactCase: false, family: false) }

    private mutating func key(_ w: RawWord, exactCase: Bool, family: Bool) -> Int32 {
        if exactCase && !w.isNumber {
            let raw = w.acronymPlural ? Array(w.bytes.dropLast()) : w.bytes
            return vocabulary.intern([0x01] + raw)
        }
        if w.isNumber { return vocabulary.intern(w.bytes) }
        let folded = Normaliser.key(w.bytes, acronymPlural: w.acronymPlural)
        guard family else { return vocabulary.intern(folded) }
        vocabulary.hasFamilies = true
        return vocabulary.intern(WordFamily.key(folded: folded))
    }

    private mutating func insert(_ ids: [Int32], entry: Int32) {
        var node: Int32 = 0
        for id in ids {
            let k = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
            if let next = transitions[k] {
                node = next
            } else {
                let next = Int32(terminals.count)
                terminals.append([])
                transitions[k] = next
                node = next
            }
        }
        if !terminals[Int(node)].contains(entry) { terminals[Int(node)].append(entry) }
    }
}
