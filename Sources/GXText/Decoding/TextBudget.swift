import GXModel

/// What the text path may spend on one input, from the `ReadLimits` every adapter shares: the
/// document's deadline, polled as lines are split, tables tokenised and rows aligned, and the
/// tokens one table region may hold (the aligner's score matrices are rows × tokens).
struct TextBudget {
    var deadline: ContinuousClock.Instant?
    var maxTableTokens: Int

    init(_ limits: ReadLimits) {
        deadline = limits.deadline
        maxTableTokens = max(1, limits.maxTextTableTokens)
    }

    /// `GX-E-LIMIT` once the deadline has passed.
    func check(_ stage: String) throws {
        if let deadline, ContinuousClock.now > deadline {
            throw GXError(.limit, "reading the text took longer than the per-document time budget (\(stage))",
                          hint: "raise --time-budget if the input is legitimate")
        }
    }
}
