/// `NodeTree.path` for every paragraph and cell of a page. Those are siblings and cousins sharing
/// most of their paths, so each node's path is remembered and a child's is its parent's plus one
/// step, instead of a walk to the root and a join per block.
struct ElementPaths {
    let tree: NodeTree
    /// Per node, the index in `paths` of its path once asked, or -1 (a plain integer per node, so
    /// a page's worth is cheap to set up and to free).
    private var slot: [Int32]
    /// Paths asked for (empty for the document) and how many nodes lie on the way up from each,
    /// which `NodeTree.path` counts against its limit.
    private var paths: [(path: String, chain: Int)] = []

    init(tree: NodeTree) {
        self.tree = tree
        self.slot = Array(repeating: -1, count: tree.nodes.count)
    }

    mutating func path(_ i: Int) -> String {
        var pending: [Int] = []
        var at = i
        var base = (path: "", chain: 0)
        while at > 0 {
            if slot[at] >= 0 { base = paths[Int(slot[at])]; break }
            pending.append(at)
            at = Int(tree.nodes[at].parent)
        }
        guard base.chain + pending.count <= NodeTree.maxPathNodes else { return tree.path(i) }
        for n in pending.reversed() {
            base.path = tree.extend(base.path, by: n)
            base.chain += 1
            slot[n] = Int32(paths.count)
            paths.append(base)
        }
        return base.path.isEmpty ? "/" : base.path
    }
}
