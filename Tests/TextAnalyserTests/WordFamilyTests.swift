import Foundation
import Testing

@testable import TextAnalyser

/// Terms shaped like rubric concepts whose other word forms a learner writes; each pattern is checked in
/// both directions (found and not found).
private let familyLexicon = Lexicon(terms: [
    TermDefinition(id: "personalisation", label: "Personalisation", variants: ["personalisation"]),
    TermDefinition(id: "retention", label: "Customer retention", variants: ["customer retention"]),
    TermDefinition(id: "loyalty", label: "Loyalty", variants: ["loyalty"]),
    TermDefinition(id: "complaint", label: "Complaint", variants: ["complaint"]),
    TermDefinition(id: "engagement", label: "Engagement", variants: ["engagement"]),
    TermDefinition(id: "market-segmentation", label: "Market segmentation", variants: ["market segmentation"]),
    TermDefinition(id: "customisation", label: "Customisation", variants: ["customisation"]),
    TermDefinition(id: "cross-selling", label: "Cross-selling", variants: ["cross-sell"]),
    TermDefinition(id: "market-research", label: "Market research", variants: ["market research"]),
    TermDefinition(id: "lead-generation", label: "Lead generation", variants: ["generate leads"]),
    TermDefinition(id: "organisation", label: "Organisation", variants: ["organisation"]),
    TermDefinition(id: "sales-promotion", label: "Sales promotion", variants: ["sales promotion"]),
    TermDefinition(id: "objection-handling", label: "Objection handling", variants: ["objection handling"]),
    TermDefinition(id: "positioning", label: "Positioning", variants: ["positioning"]),
    TermDefinition(id: "customer-experience", label: "Customer experience", variants: ["customer experience"]),
    TermDefinition(id: "product", label: "Product", variants: ["product"]),
    TermDefinition(id: "conversion-rate", label: "Conversion rate", variants: ["conversion rate"]),
    TermDefinition(id: "crm", label: "CRM", variants: ["customer relationship management"]),
    TermDefinition(id: "general-exact", label: "General", variants: ["general"], exactForm: true),
    TermDefinition(id: "marketing-mix", label: "Marketing mix", kind: .framework, variants: ["marketing mix"]),
    TermDefinition(id: "process", label: "Process", variants: ["process"], requiresContext: ["marketing-mix"]),
    TermDefinition(
        id: "cap", label: "CAP code", kind: .legislation, variants: ["CAP code"], exactCaseVariants: ["CAP"]),
    TermDefinition(id: "equality-act", label: "Equality Act", kind: .legislation, variants: ["Equality Act"]),
    TermDefinition(id: "boots", label: "Boots", kind: .organisation, variants: ["Boots"]),
])

private let familyAnalyser = Analyser(lexicon: familyLexicon)

/// The texts of the findings of a term in `text`, negated ones apart.
private func matches(_ termID: String, in text: String) -> (asserted: [String], negated: [String]) {
    let a = familyAnalyser.analyse(text)
    guard let t = familyLexicon.index(of: termID) else { return ([], []) }
    let fs = a.findingsByTerm[t].map { a.findings[$0] }
    return (fs.filter { !$0.negated }.map { a.text(of: $0) }, fs.filter(\.negated).map { a.text(of: $0) })
}

@Suite("Word families")
struct WordFamilyTests {
    /// Pairs from the published Porter2 vocabulary and its expected output (snowballstem/snowball-data,
    /// english/voc.txt and output.txt), our selection: two words per suffix rule, the region prefixes
    /// and the exceptions.
    static let publishedPairs: [(String, String)] = [
        ("littlenesses", "littl"), ("prettinesses", "pretti"), ("prophecies", "propheci"), ("knaveries", "knaveri"),
        ("daisied", "daisi"), ("dissatisfied", "dissatisfi"), ("seaweed", "seawe"), ("agreed", "agre"),
        ("imparting", "impart"), ("raving", "rave"), ("unpretendingly", "unpretend"), ("commendingly", "commend"),
        ("disinterestedly", "disinterest"), ("naturedly", "natur"), ("vitiated", "vitiat"), ("proposed", "propos"),
        ("batters", "batter"), ("petitions", "petit"), ("international", "internat"), ("operational", "oper"),
        ("proportional", "proport"), ("montmorenci", "montmor"), ("proselytizer", "proselyt"),
        ("victimizer", "victim"), ("civilization", "civil"), ("organization", "organiz"),
        ("concentration", "concentr"), ("jaculation", "jacul"), ("captivator", "captiv"), ("orator", "orat"),
        ("sentimentalism", "sentiment"), ("cannibalism", "cannib"), ("sinfulness", "sin"), ("mirthfulness", "mirth"),
        ("ingenuousness", "ingenu"), ("studiousness", "studious"), ("evasiveness", "evas"),
        ("ineffectiveness", "ineffect"), ("genealogist", "genealog"), ("oncologist", "oncolog"), ("youtli", "yout"),
        ("realize", "realiz"), ("royalize", "royal"), ("certificate", "certif"), ("eradicate", "erad"),
        ("practical", "practic"), ("unclerical", "uncler"), ("artful", "art"), ("scornful", "scorn"),
        ("blandness", "bland"), ("unquietness", "unquiet"), ("imperative", "imper"), ("vindicative", "vindic"),
        ("patriarchal", "patriarch"), ("consequential", "consequenti"), ("admittance", "admitt"),
        ("extravagance", "extravag"), ("prescience", "prescienc"), ("correspondence", "correspond"),
        ("worcester", "worcest"), ("achiever", "achiev"), ("characteristic", "characterist"),
        ("energetic", "energet"), ("immeasurable", "immeasur"), ("invulnerable", "invulner"), ("audible", "audibl"),
        ("corrigible", "corrig"), ("cognisant", "cognis"), ("repentant", "repent"), ("abattement", "abatt"),
        ("renouncement", "renounc"), ("allurement", "allur"), ("nourishment", "nourish"), ("omnipotent", "omnipot"),
        ("prominent", "promin"), ("dowagerism", "dowager"), ("quixotism", "quixot"), ("billingsgate", "billingsg"),
        ("intestate", "intest"), ("ferruginous", "ferrugin"), ("veracious", "veraci"), ("superlative", "superl"),
        ("coextensive", "coextens"), ("temporize", "tempor"), ("colonize", "colon"), ("conversion", "convers"),
        ("profusion", "profus"), ("ambition", "ambit"), ("aspiration", "aspir"), ("irrepressible", "irrepress"),
        ("dooce", "dooc"), ("rebell", "rebel"), ("downfall", "downfal"), ("generate", "generat"),
        ("general", "general"), ("generous", "generous"), ("communication", "communic"), ("community", "communiti"),
        ("organ", "organ"), ("universe", "univers"), ("university", "universiti"), ("past", "past"),
        ("pasted", "paste"), ("later", "later"), ("lateral", "lateral"), ("emergency", "emergenc"),
        ("interval", "interval"), ("dying", "die"), ("lying", "lie"), ("inning", "inning"), ("outing", "outing"),
        ("canning", "canning"), ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"),
        ("feed", "feed"), ("skis", "ski"), ("skies", "sky"), ("news", "news"), ("bias", "bias"), ("atlas", "atlas"),
        ("gently", "gentl"), ("only", "onli"), ("cried", "cri"), ("ties", "tie"), ("gas", "gas"), ("this", "this"),
        ("gaps", "gap"), ("hopping", "hop"), ("hoped", "hope"), ("added", "add"), ("eggs", "egg"),
        ("yelling", "yell"), ("sayings", "say"), ("enjoying", "enjoy"), ("marketing", "market"),
        ("retention", "retent"), ("loyalty", "loyalti"), ("complained", "complain"),
    ]

    @Test("The stemmer gives the published Porter2 stems", arguments: publishedPairs)
    func publishedStems(word: String, stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    /// The whole published vocabulary, when a local copy is named by PORTER2_VOCABULARY: a file of
    /// "word stem" lines (e.g. `paste -d' ' voc.txt output.txt`). Not committed: it is other people's data.
    @Test(
        "The stemmer gives every published stem of a local copy of the vocabulary",
        .enabled(if: ProcessInfo.processInfo.environment["PORTER2_VOCABULARY"] != nil))
    func wholeVocabulary() throws {
        let path = try #require(ProcessInfo.processInfo.environment["PORTER2_VOCABULARY"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var wrong: [String] = []
        var count = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            count += 1
            let got = Stemmer.stem(String(parts[0]))
            if got != parts[1] { wrong.append("\(parts[0]): \(got), expected \(parts[1])") }
        }
        #expect(count > 0)
        #expect(wrong.isEmpty, "\(wrong.count) of \(count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test("Short words and the exceptions are left as they are", arguments: ["a", "is", "news", "sky", "bias"])
    func unchanged(word: String) {
        #expect(Stemmer.stem(word) == word)
    }

    @Test(
        "Inflections and derivations share a family",
        arguments: [
            ("personalising", "personalisation"), ("Personalized", "personalisation"), ("segmented", "segmentation"),
            ("loyal", "loyalty"), ("complained", "complaint"), ("retained", "retention"), ("engaging", "engagement"),
            ("satisfied", "satisfaction"), ("sold", "sell"), ("bought", "buy"), ("analyses", "analysis"),
            ("organising", "organisation"), ("behavioural", "behaviour"),
            ("objections", "objection"), ("influencers", "influencer"), ("positioned", "positioning"),
        ])
    func sameFamily(word: String, other: String) {
        #expect(WordFamily.family(of: word) == WordFamily.family(of: other))
    }

    @Test(
        "False friends keep families of their own",
        arguments: [
            ("marketing", "market"), ("customer", "customisation"), ("general", "generate"), ("organ", "organisation"),
            ("procession", "process"), ("promoter", "promotion"), ("objective", "objection"),
            ("positive", "positioning"),
            ("experiment", "experience"), ("production", "product"), ("productivity", "product"),
            ("conversation", "conversion"), ("personal", "personalisation"), ("person", "personalisation"),
            ("responsibility", "response"), ("relative", "relation"), ("evident", "evidence"),
            ("manager", "management"),
            ("profitable", "profit"),
            ("objects", "objection"), ("influences", "influencer"), ("influenced", "influencer"),
            ("position", "positioning"), ("retainer", "retention"),
        ])
    func falseFriends(word: String, other: String) {
        #expect(WordFamily.family(of: word) != WordFamily.family(of: other))
    }

    @Test(
        "A concept listed in one form matches its other forms",
        arguments: [
            ("We are personalising every offer.", "personalisation", "personalising"),
            ("Offers are personalized for each member.", "personalisation", "personalized"),
            ("Customers retained by the scheme spend more.", "retention", "Customers retained"),
            ("Loyal customers visit weekly.", "loyalty", "Loyal"),
            ("Two guests complained about the wait.", "complaint", "complained"),
            ("Engaging content keeps members interested.", "engagement", "Engaging"),
            ("Each of the market segments needs its own offer.", "market-segmentation", "market segments"),
            ("We customised the menu for regulars.", "customisation", "customised"),
            ("Staff cross-sold warranties at the till.", "cross-selling", "cross-sold"),
            ("The team was generating leads at events.", "lead-generation", "generating leads"),
            ("We organised the launch.", "organisation", "organised"),
            ("Sales promotions ran every month.", "sales-promotion", "Sales promotions"),
            ("Objections handled well close sales.", "objection-handling", "Objections handled"),
            ("The brand is positioned as premium.", "positioning", "positioned"),
            ("Their customer experiences differ.", "customer-experience", "customer experiences"),
            ("The conversions rate doubled.", "conversion-rate", "conversions rate"),
            ("Customer relationships managed well pay off.", "crm", "Customer relationships managed"),
        ])
    func otherFormsMatch(text: String, term: String, expected: String) {
        #expect(matches(term, in: text).asserted == [expected], "\(text)")
    }

    @Test(
        "False friends, reordered words and other meanings earn nothing",
        arguments: [
            ("Marketing research was outsourced.", "market-research"),
            ("Customers asked for a refund.", "customisation"),
            ("The general leads were weak.", "lead-generation"),
            ("The heart is an organ.", "organisation"),
            ("The sales promoter called twice.", "sales-promotion"),
            ("Our objective handling of data matters.", "objection-handling"),
            ("Reviews were positive.", "positioning"),
            ("Customer experiments ran in May.", "customer-experience"),
            ("Production moved to Leeds.", "product"),
            ("Productivity rose.", "product"),
            ("The conversation rate was low.", "conversion-rate"),
            ("Personal data must be protected.", "personalisation"),
            ("Retaining customers costs less.", "retention"),
            ("We segmented the market.", "market-segmentation"),
            ("A customer relationship manager called.", "crm"),
        ])
    func falseFriendsEarnNothing(text: String, term: String) {
        #expect(matches(term, in: text).asserted.isEmpty, "\(text)")
    }

    @Test(
        "A negated family form is negated",
        arguments: [
            ("We did not personalise anything.", "personalisation"),
            ("Nobody complained.", "complaint"),
            ("The firm never segmented its market segments.", "market-segmentation"),
        ])
    func negated(text: String, term: String) {
        let f = matches(term, in: text)
        #expect(f.asserted.isEmpty && f.negated.count == 1, "\(text)")
    }

    @Test("Context rules hold for family forms")
    func context() {
        #expect(matches("process", in: "Processing refunds took a week.").asserted.isEmpty)
        #expect(
            matches("process", in: "In the marketing mix, processing refunds quickly matters.").asserted
                == ["processing"])
    }

    @Test("Exact-case variants, names and exactForm concepts match only as listed")
    func exactForms() {
        #expect(matches("cap", in: "The CAP rules apply.").asserted == ["CAP"])
        #expect(matches("cap", in: "Capping prices helps.").asserted.isEmpty)
        #expect(matches("equality-act", in: "The Equality Act 2010 applies.").asserted == ["Equality Act"])
        #expect(matches("equality-act", in: "An equal act of kindness.").asserted.isEmpty)
        #expect(matches("boots", in: "Boots opened a store.").asserted == ["Boots"])
        #expect(matches("boots", in: "Booted users returned.").asserted.isEmpty)
        #expect(matches("general-exact", in: "The general view holds.").asserted == ["general"])
        #expect(matches("general-exact", in: "Generally it holds.").asserted.isEmpty)
    }

    @Test("Short phrase words match in their other forms, and longer words that only start like them do not")
    func shortWords() {
        let lexicon = Lexicon(terms: [TermDefinition(id: "up", label: "Follow up", variants: ["follow up"])])
        let analyse = Analyser(lexicon: lexicon)
        for text in ["We followed up.", "Staff follow up.", "Staff following ups."] {
            #expect(analyse.analyse(text).findingsByTerm[0].count == 1, "\(text)")
        }
        #expect(analyse.analyse("We follow upstream.").findingsByTerm[0].isEmpty)
    }

    @Test("A word listed as written by another term still matches by family")
    func sharedWords() {
        // "customer" is both a word of several phrases and a false friend; "retention" is only a family key.
        let lexicon = Lexicon(terms: [
            TermDefinition(id: "a", label: "A", variants: ["customer retention"]),
            TermDefinition(id: "b", label: "B", variants: ["retention"], exactForm: true),
        ])
        let a = Analyser(lexicon: lexicon).analyse("Customers retained and customer retention.")
        let texts = a.findingsByTerm[0].map { a.text(of: a.findings[$0]) }
        #expect(texts == ["Customers retained", "customer retention"])
        #expect(a.findingsByTerm[1].map { a.text(of: a.findings[$0]) } == ["retention"])
    }
}

@Suite("Spelling folding")
struct SpellingFoldingTests {
    /// Every -ise/-yse form folds onto its -ize/-yze form (the s was once replaced at the wrong place for
    /// all but -ise and -yse, so "organisation" and "organization" did not meet).
    @Test(
        "British -is- and -ys- forms fold onto the American ones",
        arguments: [
            ("organisation", "organization"), ("organisations", "organizations"), ("organising", "organizing"),
            ("organised", "organized"), ("organiser", "organizer"), ("organise", "organize"),
            ("analyser", "analyzer"), ("analysing", "analyzing"), ("analysed", "analyzed"), ("analyse", "analyze"),
        ])
    func britishAndAmerican(british: String, american: String) {
        #expect(Normaliser.key(Array(british.utf8)) == Normaliser.key(Array(american.utf8)))
    }

    /// The fold turns every -ise into -ize, "promise" too; that is harmless as long as all forms of a word
    /// fold alike, so its family stays whole.
    @Test(
        "Words that only look like -ise forms keep one family",
        arguments: [
            ("promise", "promised"), ("premise", "premises"), ("raise", "raising"), ("advertise", "advertising"),
        ])
    func notBritish(word: String, other: String) {
        #expect(WordFamily.family(of: word) == WordFamily.family(of: other))
    }
}
