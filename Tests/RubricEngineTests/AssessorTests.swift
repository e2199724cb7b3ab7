import Testing

@testable import RubricEngine

@Suite("Scoring marking points")
struct AssessorTests {
    let assessor = Assessor(rubric: loadRubric(engineRubricJSON).0!)

    @Test("No evidence earns nothing and the feedback says what to add")
    func nothing() {
        let a = assessor.assess("We sell shoes to people who like shoes and we are happy.")
        #expect(a.awarded == 0)
        #expect(a.points[0].status == .missing)
        #expect(a.points[0].feedback.contains("Name STP."))
        #expect(a.band == nil)
    }

    @Test("Levels are cumulative and credit is once per concept")
    func levels() {
        let a = assessor.assess(
            "Segmentation matters. Segmentation matters a lot to us. Segmentation again and again here.")
        #expect(a.points[0].awarded == 2)
        #expect(a.points[0].evidence.count == 1, "one citation per concept")
        let b = assessor.assess(
            "For example, Tesco used segmentation and a clear target market for its Clubcard offers.")
        #expect(b.points[0].level == "Application")
        #expect(b.points[0].feedback.contains("Judge its effect"))
    }

    @Test("A concept only in a heading or bare list earns at most the lowest level")
    func weak() {
        let a = assessor.assess(
            "## Segmentation and targeting\n\n- segmentation\n- targeting\n\nFor example, this is what Tesco does well."
        )
        #expect(a.points[0].level == "Knowledge")
    }

    @Test("Negated use earns no credit")
    func negated() {
        let a = assessor.assess("We did not segment the market at all last year.")
        #expect(a.points[0].awarded == 0)
    }

    @Test("near: the evidence must share a sentence")
    func near() {
        let apart = assessor.assess("CRM is central to the plan. Sales rose because staff were trained.")
        #expect(apart.points[1].level == "Knowledge")
        let together = assessor.assess("CRM matters because it keeps customers coming back.")
        #expect(together.points[1].level == "Analysis")
        #expect(together.points[1].status == .met)
    }

    @Test("Total, percent and band")
    func band() {
        let a = assessor.assess(
            """
            For example, Tesco used segmentation and a clear target market. On balance, segmentation was the most \
            significant step because repeat visits rose 12%. CRM works because it builds loyalty.
            """)
        #expect(a.awarded == 10)
        #expect(a.percent == 100)
        #expect(a.band == "Distinction")
        #expect(a.nextSteps.isEmpty)
    }

    @Test("An asserted misconception is flagged; a rejected one is not")
    func misconceptions() {
        let asserted = assessor.assess("Honestly, CRM is just a software tool for storing names.")
        #expect(asserted.misconceptions.map(\.misconception.id) == ["software"])
        #expect(asserted.misconceptions.first?.text == "Honestly, CRM is just a software tool for storing names.")
        let rejected = assessor.assess("CRM is not just a software tool; it is a strategy.")
        #expect(rejected.misconceptions.isEmpty)
        #expect(rejected.rejectedMisconceptions.map(\.misconception.id) == ["software"])
    }

    @Test("The next steps are the changes that gain the most marks")
    func nextSteps() {
        let a = assessor.assess("CRM is useful.")
        #expect(a.nextSteps.map(\.pointID) == ["stp", "crm-point"], "ties keep the rubric order")
        #expect(a.nextSteps.map(\.gain) == [2, 2])
    }
}
