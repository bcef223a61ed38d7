/// `NodeTree.path` for every paragraph and cell of a page. Those are siblings and cousins sharing
/// most of their paths, so each node's path is remembered and a child's is its parent's plus one
/// step, instead of a walk to the root and a join per block.
struct ElementPaths {
    let tree: NodeTree
    /// Per node, once asked: its path (empty for the document) and how many nodes lie on the way
    /// up, which `NodeTree.path` counts against its limit.
    private var known: [(path: String, chain: Int)?]

    init(tree: NodeTree) {
        self.tree = tree
        self.known = Array(repeating: nil, count: tree.nodes.count)
    }

    mutating func path(_ i: Int) -> String {
        var pending: [Int] = []
        var at = i
        var base = (path: "", chain: 0)
        while at > 0 {
            if let k = known[at] { base = k; break }
            pending.append(at)
            at = Int(tree.nodes[at].parent)
        }
        guard base.chain + pending.count <= NodeTree.maxPathNodes else { return tree.path(i) }
        for n in pending.reversed() {
            if let step = tree.step(n) {
                base.path.append("/")
                base.path.append(step)
            }
            base.chain += 1
            known[n] = base
        }
        return base.path.isEmpty ? "/" : base.path
    }
}
