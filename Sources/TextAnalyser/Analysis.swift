/// One thing the analyser recognised in an answer, with its exact place.
public struct Finding: Sendable, Hashable {
    /// What was recognised.
    public enum Kind: Sendable, Hashable {
        /// A lexicon term (concept, framework, organisation, legislation, misconception phrase), by index.
        case term(Int)
        /// Quantified evidence: a percentage, an amount of money, a count with its unit, a ratio, a change.
        case quantity
        /// An example marker ("for example", "in my workplace") or an organisation recognised from its form.
        case example
        /// A citation such as (Kotler, 2016) or Payne (2005).
        case citation
        /// An entry in a reference list.
        case reference
        /// A named law or code recognised from its form ("... Act 2015").
        case legislation
        /// A causal link ("because", "as a result").
        case explanation
        /// A judgement ("on balance", "the most significant").
        case judgement
        /// A weighing of both sides ("however", "on the other hand").
        case balance
        /// A recommendation ("I recommend", "should").
        case recommendation
        /// A sign of keyword stuffing.
        case stuffing(Stuffing)
    }

    /// Kinds of keyword-stuffing signal.
    public enum Stuffing: String, Sendable, Hashable {
        /// A term that appears only in headings, bare list items or fragments.
        case listedOnly = "listed-only"
        /// A sentence that repeats an earlier one.
        case repeatedSentence = "repeated-sentence"
        /// A sentence made mostly of terms.
        case buzzwordList = "buzzword-list"
        /// Copied from the assignment brief.
        case copiedFromBrief = "copied-from-brief"

        /// Whether it games a keyword search. Repeating the question is reported to the learner (it earns
        /// nothing) but is what many learners do to lay out an answer, so it is not flagged as stuffing.
        public var isGaming: Bool { self != .copiedFromBrief }
    }

    /// What was recognised.
    public var kind: Kind
    /// Byte range in the checked text.
    public var range: Range<Int>
    /// Index of the sentence it is in.
    public var sentence: Int
    /// True when it is negated or rejected ("we did not segment", "CRM is not just software").
    public var negated: Bool
    /// True when it is in a heading, a bare list item, a fragment or a repeated or buzzword sentence:
    /// it shows the learner named the idea but not that they used it.
    public var weak: Bool
    /// True when a term was found through an acronym the answer defined ("customer lifetime value (CLV)").
    public var viaAcronym: Bool = false
}

/// A sentence: a run of tokens inside one block.
public struct Sentence: Sendable {
    /// Index of the block the sentence is in.
    public var block: Int
    /// Indexes of its tokens.
    public var tokens: Range<Int>
    /// Byte range.
    public var range: Range<Int>
    /// Number of words and numbers.
    public var wordCount: Int
    /// Heading, bare list item, fragment, buzzword list, repeated copy or reference entry.
    public var isWeak: Bool
    /// Set when the sentence repeats the task or the rubric's wording, or copies the source text.
    public var copiedFrom: CopySource? = nil
    /// True when it opens by referring back to the sentence before ("This meant ...", "As a result ...").
    public var continuesPrevious: Bool = false
    /// A sentence that only announces or summarises what the answer covers ("This report analyses how ...",
    /// "In this essay I will discuss ...", "In conclusion, this report has looked at ..."): its terms count,
    /// but it is no evidence of explanation or evaluation.
    public var isSignpost = false
}

/// Everything the analyser found in one answer.
public struct Analysis: Sendable {
    /// The checked text.
    public let source: SourceText
    /// Headings, paragraphs and list items in order.
    public let blocks: [Block]
    /// Sentences in order.
    public let sentences: [Sentence]
    /// Tokens in order.
    public let tokens: [Token]
    /// Findings ordered by position.
    public let findings: [Finding]
    /// Words and numbers outside any reference list.
    public let wordCount: Int
    /// For each term index, the indexes (into `findings`) of its findings.
    public let findingsByTerm: [[Int]]

    /// The exact source text of a finding.
    public func text(of finding: Finding) -> String { source.text(finding.range) }
}
