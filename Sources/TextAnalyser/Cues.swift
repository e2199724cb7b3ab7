/// The analyser's built-in phrase lists. Each list is matched with the same folding as rubric terms,
/// so "analyse" also finds "analyze" and "organisation's" finds "organisation".
enum CueTable {
    static let phrases: [(Cue, [String])] = [
        (
            .negator,
            [
                "not", "no", "never", "without", "neither", "nor", "none", "nobody", "nothing", "cannot",
                "failed to", "fail to", "fails to", "lack", "lacks", "lacked", "lacking", "rather than", "instead of",
                "as opposed to", "absence of", "little or no", "hardly", "did not", "does not", "do not",
            ]
        ),
        (
            .restrictiveNegator,
            [
                "not just", "not only", "not merely", "not simply", "not purely", "not solely", "more than just",
                "more than a", "more than simply", "more than merely", "goes beyond", "go beyond", "going beyond",
                "beyond just", "beyond simply", "rather than just", "rather than simply", "not limited to",
                "bigger than", "far more than", "much more than", "wider than", "broader than",
            ]
        ),
        (
            .rejection,
            [
                "misconception", "myth", "mistake to", "a mistake", "mistaken", "mistakenly", "wrong to", "it is wrong",
                "misunderstanding", "misunderstand", "misguided", "oversimplification", "too simplistic", "false",
                "incorrect", "incorrectly", "untrue", "not true", "confuse", "confuses", "confused", "confusing",
                "wrongly", "fallacy", "simplistic", "people think", "people believe", "many think", "some think",
                "learners believe", "often assumed", "commonly assumed", "common mistake", "common assumption",
                "a common error", "wrongly assume", "mistakenly believe", "many believe", "some believe",
            ]
        ),
        (.passiveAuxiliary, ["is", "are", "was", "were", "be", "been", "being"]),
        (
            .clauseBreak,
            [
                "but", "however", "although", "though", "whereas", "while", "whilst", "because", "yet", "which",
                "who", "so", "instead", "then", "therefore", "meanwhile", "also", "if", "unless", "when", "where",
                "whether", "until", "once", "since", "otherwise",
            ]
        ),
        (
            .explanation,
            [
                "because", "therefore", "as a result", "this means", "which means", "this meant", "meaning that",
                "leads to", "led to", "lead to", "leading to", "results in", "resulted in", "resulting in", "result in",
                "so that", "consequently", "as a consequence", "due to", "thus", "hence", "in order to", "this is why",
                "that is why", "which is why", "enables", "enabled", "allows", "allowed", "which helps", "this helps",
                "helped to", "contributes to", "contributed to", "causes", "caused", "owing to", "the reason",
                "since this", "this shows", "which shows", "this demonstrates", "so the", "which meant", "this led",
                "impact of this", "the effect", "drives", "drove", "so", "if", "since", "because of", "this led to",
                "which led to", "this resulted in", "which resulted in", "which allows", "this allows", "this enables",
                "which enables", "this helped", "which helped", "in turn", "thereby", "so as to",
                "means that", "this would mean", "which would mean",
            ]
        ),
        (
            .judgement,
            [
                "on balance", "overall", "in conclusion", "to conclude", "the most significant", "the most important",
                "most effective", "least effective", "more effective", "less effective", "the main limitation",
                "the biggest", "the key benefit", "outweigh", "outweighs", "outweighed", "to some extent",
                "to a large extent", "to a limited extent", "arguably", "it can be argued", "i would argue",
                "i believe", "in my view", "in my opinion", "the strength", "the weakness", "the main strength",
                "the main weakness", "strengths", "weaknesses", "limitation", "limitations", "significant",
                "critical success factor", "worthwhile", "justified", "judgement", "evaluate",
                "evaluation", "effectiveness", "successful", "unsuccessful", "was effective", "was not effective",
                "more important", "less important", "the most", "crucially", "essential",
            ]
        ),
        (
            .balance,
            [
                "however", "on the other hand", "although", "whereas", "nevertheless", "nonetheless", "in contrast",
                "by contrast", "conversely", "despite", "even though", "while this", "whilst this", "a drawback",
                "drawback", "drawbacks", "disadvantage", "disadvantages", "advantage", "advantages", "downside",
                "risk", "risks", "trade-off", "trade off", "depends on", "it depends", "pros and cons", "but also",
                "the counter-argument", "critics", "a limitation", "challenge", "challenges", "on the one hand",
            ]
        ),
        (
            .recommendation,
            [
                "i recommend", "i would recommend", "we recommend", "it is recommended", "recommend", "recommended",
                "recommendation", "recommendations", "should", "ought to", "it would be better", "would benefit from",
                "the next step", "next steps", "in future", "going forward", "i suggest", "i would suggest",
                "suggested", "needs to", "need to", "priority", "prioritise", "must improve", "must introduce",
                "must invest", "must consider", "must develop", "must review", "must address", "must focus",
                "must prioritise", "must change", "must adopt", "must act",
            ]
        ),
        (
            .exampleMarker,
            [
                "for example", "for instance", "e.g.", "eg", "such as", "a case in point", "to illustrate",
                "an example", "example of", "case study", "as seen at", "as shown by", "as demonstrated by",
                "illustrated by", "namely",
            ]
        ),
        (
            .workplaceMarker,
            [
                "in my workplace", "at my workplace", "in my organisation", "at my organisation", "in my company",
                "at my company", "where i work", "in my role", "in my job", "in my experience", "my employer",
                "my manager", "my team", "our team", "our store", "our company", "our organisation", "our customers",
                "our business", "my store", "my branch", "our branch", "at work", "my previous job", "placement",
                "i worked", "i work", "i used", "i called", "i contacted", "i spoke", "i handled", "i dealt",
                "i noticed", "i recorded", "i sent", "i followed up", "i arranged", "i offered", "i asked",
            ]
        ),
        (
            .organisationSuffix,
            [
                "ltd", "limited", "plc", "inc", "llp", "llc", "group", "corporation", "corp", "co",
                "holdings", "gmbh", "sa", "ag", "bank", "airways", "airlines", "supermarkets", "stores", "retail",
            ]
        ),
        (
            .theorist,
            [
                "maslow", "herzberg", "kano", "porter", "kotler", "ansoff", "payne", "peppers", "rogers", "gartner",
                "buttle", "reichheld", "kaplan", "norton", "drucker", "levitt", "booms", "bitner",
                "borden", "mccarthy", "vroom", "mcgregor", "mayo", "belbin", "tuckman", "adair", "lewin", "kotter",
                "mintzberg", "johnson", "scholes", "whittington", "jobber", "fahy", "parasuraman", "zeithaml",
                "berry", "oliver", "frow", "christopher", "ballantyne", "egan", "gummesson", "grönroos", "gronroos",
            ]
        ),
        (
            .month,
            [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec", "spring", "summer", "autumn", "winter", "quarter", "q1", "q2", "q3", "q4",
            ]
        ),
        (
            .labelWord,
            [
                "article", "art", "clause", "schedule", "sec", "ch", "vol", "ref", "reg", "regulation", "principle",
                "s",
                "task", "lo", "ac", "p", "m", "d", "level", "section", "unit", "chapter", "figure", "fig", "table",
                "question", "part", "appendix", "page", "pp", "step", "stage", "phase", "criterion", "criteria",
                "outcome", "learning outcome", "assessment criterion", "activity", "module", "slide", "no", "number",
                "paragraph", "para", "line", "week", "year", "day", "version", "option", "point", "item", "box",
                "element", "component", "tier", "grade", "key", "pillar", "factor", "area", "theme",
            ]
        ),
        (
            .frameworkNumberWord,
            [
                "p", "ps", "c", "cs", "forces", "force", "a", "as", "r", "rs", "s", "e", "es", "pillars", "i", "v",
                "vs",
                "stages", "stage", "steps", "step", "dimensions", "levels", "processes", "elements", "principles",
                "box", "boxes", "pillar", "cs model", "ps model", "stage model", "step model",
            ]
        ),
        (
            .numberWord,
            [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "half", "a third", "a quarter",
                "a half", "twice", "a dozen", "several", "thirteen", "fourteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "sixty", "seventy", "eighty", "ninety", "a fifth", "a tenth", "thrice",
            ]
        ),
        (
            .multiplierVerb,
            [
                "doubled", "doubling", "tripled", "trebled", "quadrupled", "halved", "halving", "tripling", "doubles",
                "triples", "halves", "twofold", "threefold", "fourfold", "fivefold", "tenfold", "hundredfold",
            ]
        ),
        (.timesWord, ["times", "fold", "x"]),
        (
            .scaleWord,
            [
                "m", "bn", "k", "million", "billion", "thousand", "trillion", "mn", "b", "millions", "billions",
                "thousands", "hundred", "hundreds",
            ]
        ),
        (.percentWord, ["per cent", "percent", "pc", "percentage point", "percentage points", "pts", "points", "pp"]),
        (
            .currencyWord,
            [
                "pound", "pounds", "sterling", "dollar", "dollars", "euro", "euros", "rupee", "rupees", "yen",
                "pence", "p", "cents", "cent", "naira", "rand", "dirham", "dirhams", "yuan", "ringgit", "shilling",
                "shillings",
            ]
        ),
        (
            .currencyCode,
            [
                "gbp", "usd", "eur", "inr", "aud", "cad", "nzd", "jpy", "cny", "ngn", "zar", "aed", "myr", "kes",
                "ghs", "pkr", "bdt", "lkr", "sgd", "hkd", "chf", "rs",
            ]
        ),
        (
            .unitNoun,
            [
                "customer", "customers", "client", "clients", "people", "person", "staff", "employee", "employees",
                "user", "users", "visitor", "visitors", "member", "members", "subscriber", "subscribers", "sale",
                "sales", "order", "orders", "transaction", "transactions", "complaint", "complaints", "call", "calls",
                "lead", "leads", "store", "stores", "branch", "branches", "unit", "units", "item", "items", "day",
                "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
                "second", "seconds", "respondent", "respondents", "review", "reviews", "star", "stars", "visit",
                "visits", "point", "points", "follower", "followers", "download", "downloads", "product",
                "products", "account", "accounts", "survey", "surveys", "email", "emails", "contact", "contacts",
                "shop", "shops", "outlet", "outlets", "country", "countries", "market", "markets", "purchase",
                "purchases", "ticket", "tickets", "booking", "bookings", "referral", "referrals", "agent", "agents",
                "patient", "patients", "guest", "guests", "student", "students", "learner", "learners",
            ]
        ),
        (.fromWord, ["from"]),
        // Words before a name that say it is an organisation: "at Greggs", "retailers such as Boots".
        (
            .organisationCue,
            [
                "at", "like", "such as", "for example", "for instance", "e.g.", "eg", "including", "retailer",
                "retailers",
                "company", "companies", "brand", "brands", "supermarket", "supermarkets", "bank", "banks", "firm",
                "firms", "chain", "chains", "employer", "provider", "providers", "operator", "airline", "retail",
                "works for",
                "work for", "worked for", "working for", "joined", "competitor", "competitors", "rival", "rivals",
                "business", "businesses", "organisation", "organisations", "store", "stores", "shop", "restaurant",
                "cafe", "café", "insurer", "network", "charity", "client", "franchise", "versus", "vs", "than",
            ]
        ),
        // Nouns after a name that say it is an organisation: "the Greggs app", "Monzo bank".
        (
            .organisationNoun,
            [
                "supermarket", "supermarkets", "bank", "retailer", "app", "website", "brand",
                "staff", "employees", "customers", "shoppers", "group", "plc", "ltd",
                "uses", "used", "offers", "offered", "launched", "introduced", "runs", "ran", "sells", "sold", "has",
                "had", "is", "was", "rewards", "collects", "tracks", "sends",
            ]
        ),
        // Capitalised words that are not organisations: places, nationalities, days, holidays, languages.
        (
            .notOrganisation,
            [
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
                "covid", "covid-19", "brexit", "internet", "uk", "britain", "england", "scotland", "wales", "ireland",
                "northern", "europe", "european", "asia", "africa", "america", "american", "china", "chinese",
                "india", "indian", "nigeria", "nigerian", "france", "french", "germany", "german", "spain", "spanish",
                "italy", "italian", "japan", "japanese", "usa", "us", "eu", "london", "manchester", "birmingham",
                "leeds", "glasgow", "edinburgh", "cardiff", "belfast", "liverpool", "bristol", "newcastle",
                "sheffield", "nottingham", "leicester", "british", "english", "scottish", "welsh", "irish",
                "pakistan", "pakistani", "latin", "midlands", "east", "west", "north", "south", "yorkshire", "ghana",
                "kenya", "dubai", "australia", "canada", "i", "mr", "mrs", "ms",
                "dr", "prof", "sir", "dear", "yes", "no", "ok", "okay", "black", "cyber", "boxing", "new", "year",
                "according", "customer", "customers", "manager", "director", "officer", "assistant", "advisor",
                "adviser", "head", "team", "department", "model", "theory", "matrix", "framework", "act",
                "regulations", "introduction", "conclusion", "summary", "references", "appendix", "figure", "table",
                "task", "level", "unit", "diploma", "ceo", "md", "gdpr", "crm", "nps", "kpi", "kpis", "roi", "csat",
                "ces", "clv", "cx", "ux", "b2b", "b2c", "sme", "smes", "usp", "csr", "ai", "it", "hr", "pr", "seo",
                "sms", "faq", "faqs", "swot", "pest", "pestle", "smart", "aida", "spin", "servqual", "rater", "dmu",
                "cpd", "idic", "edi", "erp", "pos", "epos", "vip", "okr", "okrs", "ps", "cs",
            ]
        ),
        // Nouns that end the name of an idea, a method or a topic written in title case ("the Goal Gradient
        // Effect", "Principal Component Analysis", "Legitimate Interest"), not of an organisation.
        (
            .conceptHead,
            [
                "effect", "effects", "analysis", "coefficient", "interest", "interests", "protocol", "method",
                "methods",
                "modelling", "modeling", "models", "principle", "principles", "process", "knowledge", "practices",
                "welfare", "testing", "eating", "cleaning", "engineering", "science", "learning", "reduction",
                "dimensionality", "transforms", "predictions", "errors", "proceedings", "statement", "authentication",
                "potential", "equipment", "conditions", "establishments", "plots", "routing", "deal", "deals",
                "strategy", "strategies", "research", "management", "marketing", "segmentation", "behaviour",
                "behavior", "satisfaction", "experience", "loyalty", "retention", "dilemma",
            ]
        ),
        // Everyday words that are also brands: they need the evidence of context.
        (
            .everydayBrand,
            [
                "boots", "next", "ford", "apple", "innocent", "shell", "orange", "gap", "target", "dove", "subway",
                "virgin", "three", "mango", "sky", "direct", "office", "currys", "pret", "zoom", "uber", "nando",
                "monzo", "starling", "first", "halifax", "nationwide", "co-op", "coop", "post", "royal", "mail",
                "lush", "river", "island",
            ]
        ),
        // Common given names: a capitalised word mid-sentence that is one is a person, unless context says
        // otherwise ("at John Lewis").
        (
            .firstName,
            [
                "james", "john", "david", "michael", "paul", "peter", "andrew", "richard", "robert", "thomas",
                "daniel", "matthew", "chris", "christopher", "steve", "steven", "stephen", "tom", "sam", "ben", "jack",
                "harry", "oliver", "george", "charlie", "joe", "adam", "alex", "ali", "mohammed", "muhammad", "ahmed",
                "omar", "raj", "ravi", "arjun", "kwame", "kofi", "tunde", "chinedu", "emeka", "wei", "li", "sarah",
                "emma",
                "laura", "lucy", "sophie", "hannah", "rachel", "rebecca", "amy", "kate", "claire", "helen", "jane",
                "mary", "anna", "emily", "olivia", "chloe", "grace", "jessica", "charlotte", "amelia", "ella", "mia",
                "priya", "aisha", "fatima", "zara", "amina", "ngozi", "chioma", "mei", "sue", "linda", "karen", "julie",
                "nicola", "lisa", "jo", "tracy", "dave", "mike", "pete", "nick", "simon", "ian", "gary", "neil", "tony",
                "kevin", "jason", "liam", "ryan", "luke", "josh", "joshua", "nathan", "jamie", "sean", "patrick",
                "anne",
                "margaret", "susan", "elizabeth", "victoria", "natalie", "samantha", "jenny", "beth", "holly", "megan",
            ]
        ),
        (.personTitle, ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "dame", "according to"]),
        (.conceptAcronym, ["crm", "nps", "gdpr", "kpi", "kpis", "roi", "csat", "ces", "clv", "cx", "ux"]),
        // Words that open a clause as its subject: a negation does not reach past them.
        (
            .subjectWord,
            [
                "they", "we", "he", "she", "it", "you", "i", "there", "this", "these", "those", "the", "our", "their",
                "its", "customers", "staff", "people", "a", "an", "his", "her", "my", "your", "sales", "more", "fewer",
                "less", "managers", "employees", "companies", "businesses", "firms", "that",
            ]
        ),
        // After "so" these make it an intensifier or an idiom, not a cause: so far, so many, and so on.
        (
            .soBlocker,
            [
                "far", "many", "much", "on", "called", "forth", "long", "few", "good", "well", "important", "bad",
                "big", "great", "little", "easy", "hard", "often", "quickly", "successful", "popular", "high", "low",
                "do", "to", "as", "i", "very", "too", "or", "yes", "what", "then", "be",
            ]
        ),
        (.modalWord, ["will", "would", "could", "can", "may", "might", "should", "then", "must", "won't", "wouldn't"]),
        (.timeOfDay, ["am", "pm", "a.m", "p.m", "o'clock", "oclock", "hrs", "gmt", "bst"]),
        (.rateWord, ["per", "a", "an", "each", "every"]),
        (
            .fractionWord,
            [
                "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
                "sixth", "sixths", "eighth", "eighths",
            ]
        ),
        (
            .idLabel,
            ["id", "number", "no", "ref", "code", "tel", "phone", "telephone", "mobile", "student", "candidate"]
        ),
        // Sentences that only announce or summarise what a text covers.
        (
            .signpostSubject,
            [
                "this report", "this essay", "this assignment", "this section", "this paper", "this document",
                "this chapter", "this part", "this piece", "this presentation", "this answer", "this portfolio",
                "this task", "the report", "the essay", "the following section", "the following sections",
                "the next section", "the sections below", "in this report", "in this essay", "in this assignment",
                "in this section", "in this paper", "in this document", "in this chapter", "in this task",
                "in the following", "i will", "we will", "i shall", "below i", "i am going to", "i have", "i intend to",
            ]
        ),
        (
            .signpostPurpose,
            [
                "the purpose of this", "the aim of this", "the aims of this", "the objective of this",
                "the focus of this", "this report aims", "this essay aims", "the scope of this",
            ]
        ),
        (
            .signpostVerb,
            [
                "will", "analyses", "analyse", "analysed", "analysing", "examines", "examine", "examined", "discusses",
                "discuss", "discussed", "covers", "cover", "covered", "explores", "explore", "explored", "considers",
                "consider", "considered", "outlines", "outline", "outlined", "describes", "describe", "described",
                "evaluates", "evaluate", "evaluated", "assesses", "assess", "assessed", "focuses", "focus", "focused",
                "looks", "look", "looked", "sets", "set", "aims", "aim", "investigates", "investigate", "investigated",
                "reviews", "review", "reviewed", "summarises", "summarise", "summarised", "presents", "present",
                "presented", "addresses", "address", "addressed", "introduces", "introduce", "introduced", "begins",
                "begin", "concludes", "conclude", "concluded", "highlighted", "highlights", "highlight", "identifies",
                "identify", "identified", "explains", "explain", "explained", "is", "shall", "structured",
                "compares", "compare", "compared", "provides", "provide", "provided", "shows", "show", "shown",
                "demonstrate", "demonstrates",
            ]
        ),
        // Words that make a run of terms a sentence rather than a list: determiners, auxiliaries, pronouns,
        // prepositions and linking words (not "and" or "or").
        (
            .scaffoldWord,
            [
                "the", "a", "an", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "can",
                "could", "should", "would", "may", "might", "must", "does", "do", "did", "we", "they", "it", "this",
                "these", "those", "that", "which", "who", "i", "our", "their", "its", "his", "her", "my", "of", "to",
                "for", "with", "by", "from", "on", "in", "at", "into", "because", "so", "if", "when", "than", "as",
                "helps", "means", "makes", "uses", "gives", "shows", "allows", "creates", "builds", "leads",
            ]
        ),
        (.coordinator, ["and", "or", "nor", "as well as"]),
        (
            .recommendObject,
            ["us", "them", "it", "friends", "friend", "family", "others", "colleagues", "the", "a", "to"]
        ),
        (.toWord, ["to"]),
        (.inWord, ["in", "out of"]),
        (.ofWord, ["of", "at", "score", "scored", "rating", "rated", "reached", "achieved", "averaged", "of around"]),
        (.outOfWord, ["out of"]),
        (.legislationWord, ["act", "regulations", "regulation", "directive", "code", "order", "bill"]),
        (.etWord, ["et"]),
        (.alWord, ["al"]),
        (.andWord, ["and"]),
        (
            .abbreviation,
            [
                "e.g.", "i.e.", "etc", "ltd", "dr", "mr", "mrs", "ms", "vs", "v", "al", "approx", "inc", "co", "fig",
                "no", "st", "prof", "dept", "cf", "p", "pp", "vol", "ed", "eds", "jan", "feb", "mar", "apr", "jun",
                "jul", "aug", "sep", "sept", "oct", "nov", "dec", "corp", "plc",
            ]
        ),
    ]
}
