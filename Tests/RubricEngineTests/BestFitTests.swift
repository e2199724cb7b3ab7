import Testing
import TextAnalyser

@testable import RubricEngine

/// A version 2 rubric: best-fit levels, a mark range set by development, evidence tied to its point,
/// "each with its own", a penalty, negation as content, a task and source details.
private func v2Rubric(
    levels: String? = nil, about: String = #"["loyalty", "retention"]"#, penalty: String = "", task: String = ""
) -> String {
    let defaultLevels = """
        {"label": "Knowledge", "marks": 1, "when": {"any": ["loyalty", "retention"]}, "toReach": "Say what loyalty is."},
        {"label": "Analysis", "marks": {"min": 2, "max": 4}, "requiresLower": false, "minDevelopment": 1,
         "when": {"all": [{"any": ["loyalty", "retention"]}, {"signal": "explanation"}]}, "toReach": "Explain why loyalty pays."}
        """
    return """
        {
          "schemaVersion": 2,
          "id": "v2-test",
          "title": "Version 2 test",
          "course": {"name": "Test course"},
          \(task)
          "source": {"details": ["water bottles", "ghost town"]},
          "bands": [{"label": "Pass", "minPercent": 40}],
          "concepts": [
            {"id": "loyalty", "label": "Loyalty", "variants": ["loyalty", "loyal"]},
            {"id": "retention", "label": "Retention", "variants": ["retention", "retain"]},
            {"id": "prospecting", "label": "Prospecting", "variants": ["prospecting"]},
            {"id": "closing", "label": "Closing", "variants": ["closing", "close the sale"]},
            {"id": "follow-up", "label": "Follow-up", "variants": ["follow-up"]},
            {"id": "frame-stress", "label": "The frame could not take the stress", "negationIsContent": true,
             "variants": ["take the extra stress"]},
            {"id": "misc-loyalty-discounts", "label": "loyalty is only discounts", "kind": "misconception",
             "variants": ["only about discounts"]}
          ],
          "misconceptions": [
            {"id": "discounts", "text": "Loyalty is only about discounts.", "correction": "It is about relationships.",
             "when": {"near": "sentence", "all": ["loyalty", "misc-loyalty-discounts"]} \(penalty)}
          ],
          "markingPoints": [
            {"id": "loyalty-point", "title": "Why loyalty matters", "examiner": "Explain why loyal customers matter.",
             "marks": 4, "about": \(about),
             "levels": [\(levels ?? defaultLevels)]}
          ]
        }
        """
}

private func assess(_ json: String, _ text: String) -> Assessment {
    let (rubric, diagnostics) = loadRubric(json)
    guard let rubric else {
        Issue.record("rubric did not load: \(diagnostics.map(\.description))")
        return Assessor(rubric: loadRubric(engineRubricJSON).0!).assess("")
    }
    return Assessor(rubric: rubric).assess(text)
}

@Suite("Version 2 rubrics: best fit, development, evidence tied to its point")
struct BestFitTests {
    @Test("Version 2 properties in a version 1 rubric are an error naming the property")
    func version2PropertiesNeedVersion2() {
        let json = v2Rubric().replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        let (rubric, diagnostics) = loadRubric(json)
        #expect(rubric == nil)
        #expect(diagnostics.contains { $0.rule == "schema-version" && $0.message.contains("about") })
        #expect(diagnostics.contains { $0.rule == "schema-version" && $0.message.contains("requiresLower") })
    }

    @Test("A best-fit level is awarded without the level below; a cumulative one is not")
    func bestFitSkipsTheLevelBelow() {
        // The lowest level here wants a named organisation, which the answer lacks.
        let levels = """
            {"label": "Application", "marks": 1, "when": {"all": ["loyalty", {"signal": "organisation"}]}, "toReach": "Name a business."},
            {"label": "Analysis", "marks": 4, "requiresLower": REQ,
             "when": {"all": ["loyalty", {"signal": "explanation"}]}, "toReach": "Explain it."}
            """
        let text = "Loyal customers spend more because they trust the brand and come back without being asked."
        let bestFit = assess(v2Rubric(levels: levels.replacingOccurrences(of: "REQ", with: "false")), text)
        #expect(bestFit.points[0].level == "Analysis")
        let cumulative = assess(v2Rubric(levels: levels.replacingOccurrences(of: "REQ", with: "true")), text)
        #expect(cumulative.points[0].awarded == 0)
    }

    @Test("Within a mark range, the mark rises with the developed sentences up to the top")
    func developmentSetsTheMarkInTheRange() {
        let brief = assess(v2Rubric(), "Loyal customers matter because they buy again.")
        #expect(brief.points[0].level == "Analysis")
        #expect(brief.points[0].development == 1)
        #expect(brief.points[0].awarded == 2)
        let developed = assess(
            v2Rubric(),
            """
            Loyal customers matter because they buy again. This means the business spends less on winning new \
            customers each year.
            """)
        #expect(developed.points[0].development == 2)
        #expect(developed.points[0].awarded == 3, "one sentence beyond the first: a third of the way, rounded")
        let full = assess(
            v2Rubric(),
            """
            Loyal customers matter because they buy again. This means the business spends less on winning new \
            customers each year. It also means staff know their regulars by name. Loyal customers spend more \
            because they trust the shop. Retention matters because winning a new customer costs five times more.
            """)
        #expect(full.points[0].development >= 4)
        #expect(full.points[0].awarded == 4)
    }

    @Test("markStep and fullRangeDevelopment: the mark moves in the rubric's steps and reaches the top later")
    func stepsAndFullRange() {
        let levels = """
            {"label": "Knowledge", "marks": 1, "when": {"any": ["loyalty", "retention"]}, "toReach": "Say what loyalty is."},
            {"label": "Analysis", "marks": {"min": 2, "max": 4}, "requiresLower": false, "minDevelopment": 1,
             "markStep": 0.5, "fullRangeDevelopment": 8,
             "when": {"all": [{"any": ["loyalty", "retention"]}, {"signal": "explanation"}]}, "toReach": "Explain why."}
            """
        let text = """
            Loyal customers matter because they buy again. This means the business spends less on winning new \
            customers each year. It also means staff know their regulars by name.
            """
        let stepped = assess(v2Rubric(levels: levels), text)
        #expect(stepped.points[0].development == 3)
        // Two sentences beyond the first of the eight that reach the top: a quarter of the range, in half marks.
        #expect(stepped.points[0].awarded == 2.5)
        let wholeMarks = assess(v2Rubric(), text)
        #expect(wholeMarks.points[0].awarded == 3, "by default two more sentences of three, rounded to whole marks")
        let v1 = v2Rubric(levels: levels).replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        #expect(loadRubric(v1).1.contains { $0.rule == "schema-version" && $0.message.contains("markStep") })
    }

    @Test("Lint: markStep or fullRangeDevelopment on a single mark, or a step larger than the range, is pointed out")
    func stepLint() {
        let single = """
            {"label": "Knowledge", "marks": 1, "markStep": 0.5, "when": "loyalty", "toReach": "Say what loyalty is."},
            {"label": "Analysis", "marks": {"min": 2, "max": 4}, "markStep": 3,
             "when": {"all": ["loyalty", {"signal": "explanation"}]}, "toReach": "Explain why."}
            """
        let (rubric, diagnostics) = loadRubric(v2Rubric(levels: single))
        #expect(rubric != nil, "warnings do not stop the rubric loading")
        #expect(diagnostics.contains { $0.rule == "no-range" && $0.message.contains("'Knowledge'") })
        #expect(diagnostics.contains { $0.rule == "mark-step" && $0.message.contains("'Analysis'") })
        let (_, clean) = loadRubric(v2Rubric())
        #expect(!clean.contains { $0.rule == "no-range" || $0.rule == "mark-step" })
    }

    @Test("Development ranges: each level reaches down towards the one below, never sharing a mark")
    func developmentRangesKeepLevelsApart() throws {
        let (loaded, _) = loadRubric(v2Rubric())
        let rubric = try #require(loaded)
        let ranged = DevelopmentRanges(fullRange: 6).apply(to: rubric)
        let levels = ranged.markingPoints[0].levels
        #expect(levels.map(\.marks) == rubric.markingPoints[0].levels.map(\.marks), "the top of each level is kept")
        #expect(levels[0].minMarks == 0.1 && levels[0].markStep == 0.1, "a single mark reaches down 0.9 of its gap")
        #expect(levels[1].minMarks == 2, "a range is kept")
        #expect(levels.allSatisfy { $0.fullRangeDevelopment == 6 })
        #expect(levels[1].minMarks > levels[0].marks)
        let thin = "Loyal customers matter because they buy again."
        let rich = """
            Loyal customers matter because they buy again. This means the business spends less on winning new \
            customers each year. It also means staff know their regulars by name. Loyal customers spend more \
            because they trust the shop. Retention matters because winning a new customer costs five times more.
            """
        let assessor = Assessor(rubric: ranged)
        #expect(assessor.assess(thin).points[0].awarded < assessor.assess(rich).points[0].awarded)
        #expect(assessor.assess(rich).points[0].awarded <= 4)
        let v1 = Rubric(
            id: "v1", title: "v1", course: Course(name: "c"), bands: [], markingPoints: rubric.markingPoints, terms: [])
        #expect(DevelopmentRanges(fullRange: 6).apply(to: v1).markingPoints[0].levels[0].minMarks == 1)
    }

    @Test("A bare list of the point's terms cannot reach a level that needs development")
    func aListIsNotDevelopment() {
        let a = assess(v2Rubric(), "- loyalty\n- retention\n- because\n\nLoyalty.")
        #expect(a.points[0].awarded <= 1)
    }

    @Test("In a version 2 rubric an explanation counts only in the part of the answer about the point")
    func evidenceIsTiedToItsPoint() {
        let text = """
            Loyalty is important for every shop.

            Prices went up last year because suppliers charged more for delivery and fuel.
            """
        let a = assess(v2Rubric(), text)
        #expect(a.points[0].level == "Knowledge", "the explanation is about prices, not loyalty")
        let v1 = v2Rubric(
            levels: """
                {"label": "Knowledge", "marks": 1, "when": "loyalty", "toReach": "Say what loyalty is."},
                {"label": "Analysis", "marks": 4, "when": {"all": ["loyalty", {"signal": "explanation"}]}, "toReach": "Explain."}
                """
        )
        .replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        .replacingOccurrences(of: "\"source\": {\"details\": [\"water bottles\", \"ghost town\"]},", with: "")
        .replacingOccurrences(of: "\"about\": [\"loyalty\", \"retention\"],", with: "")
        .replacingOccurrences(of: ", \"negationIsContent\": true", with: "")
        #expect(assess(v1, text).points[0].level == "Analysis", "version 1 keeps its document-wide signals")
    }

    @Test("A sentence that carries the point on ('This meant ...') is part of its region")
    func continuationSentencesBelongToThePoint() {
        let a = assess(
            v2Rubric(), "Customers became loyal to the cafe. This meant that they visited because the staff knew them.")
        #expect(a.points[0].level == "Analysis")
        let unrelated = assess(
            v2Rubric(), "Customers became loyal to the cafe. Staff visited the supplier because the milk was late.")
        #expect(unrelated.points[0].level == "Knowledge")
    }

    @Test("Sentences under a heading that names the point belong to it")
    func headingSectionBelongsToThePoint() {
        let a = assess(
            v2Rubric(),
            """
            ## Customer loyalty

            Loyal customers are worth a great deal to the cafe.

            Regulars come back each week because the staff remember their orders.
            """)
        #expect(a.points[0].level == "Analysis", "the explanation sits in the section about loyalty")
        let elsewhere = assess(
            v2Rubric(),
            """
            ## Customer loyalty

            Loyal customers are worth a great deal to the cafe.

            ## Opening hours

            Regulars come back each week because the staff remember their orders.
            """)
        #expect(
            elsewhere.points[0].level == "Knowledge", "the same sentence under another heading is not about loyalty")
    }

    @Test("Each item with its own evidence: two stages each with an example, not one example for all")
    func eachWithItsOwn() {
        let levels = """
            {"label": "Applied", "marks": 4,
             "when": {"each": ["prospecting", "closing", "follow-up"], "atLeast": 2, "with": {"signal": "example"}},
             "toReach": "Give an example for two stages."}
            """
        let json = v2Rubric(levels: levels, about: #"["prospecting", "closing", "follow-up"]"#)
        let both = assess(
            json,
            """
            Prospecting matters, for example a rep at Xerox calls firms that have just opened an office. \
            Closing needs care, such as offering a trial period before the contract is signed.
            """)
        #expect(both.points[0].awarded == 4)
        let one = assess(
            json, "Prospecting, closing and follow-up all matter, for example at Xerox. The sales process has stages.")
        #expect(one.points[0].awarded == 0)
    }

    @Test("An asserted misconception with a penalty caps the level and takes marks off")
    func penaltiesCapAndDeduct() {
        let json = v2Rubric(penalty: #", "penalty": {"points": ["loyalty-point"], "capLevel": "Knowledge"}"#)
        let text = "Loyalty is only about discounts. Loyal customers return because the discounts are good."
        let capped = assess(json, text)
        #expect(capped.points[0].level == "Knowledge")
        #expect(capped.points[0].penalties == ["discounts"])
        let deducted = assess(v2Rubric(penalty: #", "penalty": {"points": ["loyalty-point"], "deductMarks": 1}"#), text)
        #expect(deducted.points[0].level == "Analysis")
        #expect(deducted.points[0].awarded == 1)
        let rejected = assess(json, "Loyalty is not only about discounts. Loyal customers return because staff care.")
        #expect(rejected.points[0].level == "Analysis", "a rejected misconception costs nothing")
    }

    @Test("A concept whose negated statement is the evidence keeps its credit when negated")
    func negationAsContent() {
        let levels = """
            {"label": "Detail", "marks": 4, "when": "frame-stress", "toReach": "Say what the frame could not do."}
            """
        let a = assess(v2Rubric(levels: levels), "The old frame could not take the extra stress of the new mast.")
        #expect(a.points[0].awarded == 4)
    }

    @Test("A sentence that repeats the task earns nothing and is reported as copied")
    func copiedTaskEarnsNothing() {
        let task = #""task": "Explain why loyal customers matter to a small business and how retention lowers costs.","#
        let a = assess(
            v2Rubric(task: task),
            "Explain why loyal customers matter to a small business and how retention lowers costs.")
        #expect(a.awarded == 0)
        #expect(a.analysis.findings.contains { $0.kind == .stuffing(.copiedFromBrief) })
        let own = assess(v2Rubric(task: task), "Loyal customers matter to a small business because they come back.")
        #expect(own.points[0].awarded > 0, "using a few of the task's words in one's own sentence is fine")
    }

    @Test("A detail from the source is the sourceDetail signal")
    func sourceDetailSignal() {
        let levels = """
            {"label": "Detail", "marks": 4, "when": {"all": ["loyalty", {"signal": "sourceDetail"}]}, "toReach": "Use a detail."}
            """
        let a = assess(v2Rubric(levels: levels), "His loyalty to the plan faded when he reached the ghost town.")
        #expect(a.points[0].awarded == 4)
        let b = assess(v2Rubric(levels: levels), "His loyalty to the plan faded when he reached the town.")
        #expect(b.points[0].awarded == 0)
    }

    @Test("A mark range must run upwards and sit above the level below")
    func rangesAreChecked() {
        let levels = """
            {"label": "Knowledge", "marks": {"min": 1, "max": 2}, "when": "loyalty", "toReach": "Name it."},
            {"label": "Analysis", "marks": {"min": 2, "max": 4}, "when": "retention", "toReach": "Explain."}
            """
        let (_, diagnostics) = loadRubric(v2Rubric(levels: levels))
        #expect(diagnostics.contains { $0.rule == "level-order" })
        let reversed = """
            {"label": "Knowledge", "marks": 1, "when": "loyalty", "toReach": "Name it."},
            {"label": "Analysis", "marks": {"min": 4, "max": 3}, "when": "retention", "toReach": "Explain."}
            """
        #expect(loadRubric(v2Rubric(levels: reversed)).1.contains { $0.rule == "level-order" })
    }

    @Test("Best fit: a well-developed answer missing one of three things a level asks for is placed at that level")
    func developmentCompensatesOneMissingElement() {
        let levels = """
            {"label": "Knowledge", "marks": 1, "when": "loyalty", "toReach": "Name it."},
            {"label": "Evaluation", "marks": 4, "requiresLower": false, "minDevelopment": 1,
             "when": {"all": ["loyalty", {"signal": "explanation"}, {"signal": "quantity"}]}, "toReach": "Judge it with figures."}
            """
        let developed = """
            Loyal customers matter because they buy again. This means the business spends less on winning new \
            customers. It also means staff know their regulars by name. Loyal customers spend more because they \
            trust the shop. They also recommend it to their friends, which brings in new trade.
            """
        let a = assess(v2Rubric(levels: levels), developed)
        #expect(a.points[0].development >= 4)
        #expect(a.points[0].level == "Evaluation", "no figure, but developed well beyond what the level needs")
        let brief = assess(v2Rubric(levels: levels), "Loyal customers matter because they buy again.")
        #expect(brief.points[0].level == "Knowledge", "one developed sentence does not make up for the missing figure")
        let cumulative = assess(
            v2Rubric(levels: levels.replacingOccurrences(of: "\"requiresLower\": false, ", with: "")), developed)
        #expect(cumulative.points[0].level == "Knowledge", "only best-fit levels are placed by weighing the whole")
        let twoMissing = """
            {"label": "Knowledge", "marks": 1, "when": "loyalty", "toReach": "Name it."},
            {"label": "Evaluation", "marks": 4, "requiresLower": false,
             "when": {"all": ["loyalty", {"signal": "citation"}, {"signal": "quantity"}]}, "toReach": "Judge it with figures."}
            """
        #expect(
            assess(v2Rubric(levels: twoMissing), developed).points[0].level == "Knowledge", "two missing is not a fit")
    }

    @Test("A sentence that is mostly the point's concepts lists them; one that links two in its own words develops it")
    func listingIsNotLinking() {
        let listing = assess(v2Rubric(), "Loyalty and retention matter. Customer loyalty, customer retention.")
        #expect(listing.points[0].development == 0)
        let linking = assess(
            v2Rubric(),
            "When regulars feel the cafe remembers them, their loyalty turns into years of retention for the owner.")
        #expect(linking.points[0].development == 1)
    }

    @Test("The gain promised for reaching the next level is the bottom of its range, not the top")
    func nextStepGainIsTheLeastTheNextLevelGives() {
        let a = assess(v2Rubric(), "Loyalty matters to every shop in town.")
        #expect(a.points[0].level == "Knowledge")
        #expect(a.nextSteps.first?.gain == 1, "Analysis gives 2 to 4 marks; from 1 mark the sure gain is 1")
    }

    @Test("A short paragraph is about what it opens with; a whole answer in one paragraph is not")
    func topicParagraphs() {
        let short =
            "Loyal customers keep the cafe going. Regulars order every day. Staff greet them by name because it builds trust."
        #expect(assess(v2Rubric(), short).points[0].level == "Analysis")
        let long =
            short
            + " The roof was mended in May. Parking is free after six. Prices rose because milk cost more. The owner hired a cook."
        let a = assess(v2Rubric(), long)
        #expect(a.points[0].level == "Knowledge", "in a long paragraph only the sentences about loyalty count")
    }
}
