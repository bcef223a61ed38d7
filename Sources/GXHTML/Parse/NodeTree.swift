/// The parsed page as plain Swift values: an arena of nodes linked by index, so nothing of
/// libxml2 outlives the parse and walking a deep page needs no pointer chasing through C.
struct NodeTree {
    struct Node {
        /// Lower-case element name, or empty for a text node.
        var name: String
        /// Text of a text node.
        var text: String = ""
        /// The attributes the reader looks at (see `HTMLParser.keptAttributes`).
        var attributes: [(String, String)] = []
        var parent: Int32
        /// Children as a linked list (-1 for none): no array per element to grow and free.
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        var line: Int32
        /// 1-based position among the parent's element children of the same name.
        var sameNameIndex: Int32 = 1

        var isText: Bool { name.isEmpty }

        func attribute(_ name: String) -> String? {
            for (k, v) in attributes where k == name { return v }
            return nil
        }
    }

    var nodes: [Node] = []

    init() {
        nodes.append(Node(name: "#document", parent: -1, line: 0))
    }

    subscript(_ i: Int) -> Node { nodes[i] }

    /// A node's children, first to last.
    func children(_ i: Int) -> Children { Children(nodes: nodes, first: nodes[i].firstChild) }

    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var upcoming: Int32

        init(nodes: [Node], first: Int32) {
            self.nodes = nodes
            self.upcoming = first
        }

        mutating func next() -> Int? {
            guard upcoming >= 0 else { return nil }
            let child = Int(upcoming)
            upcoming = nodes[child].nextSibling
            return child
        }
    }

    /// Adds a node as the last child of `parent`.
    mutating func append(_ node: Node, to parent: Int) {
        let id = Int32(nodes.count)
        nodes.append(node)
        let last = nodes[parent].lastChild
        if last >= 0 { nodes[Int(last)].nextSibling = id } else { nodes[parent].firstChild = id }
        nodes[parent].lastChild = id
    }

    func parent(_ i: Int) -> Int? { nodes[i].parent < 0 ? nil : Int(nodes[i].parent) }

    /// `/html/body/div[2]/table[1]/tr[4]/td[3]`: an XPath-like element path (html, head and body
    /// carry no index, every other step does). `ElementPaths` gives the same paths, remembered.
    func path(_ i: Int) -> String {
        var chain: [Int] = []
        var at: Int? = i
        while let n = at, n > 0, chain.count < NodeTree.maxPathNodes {
            chain.append(n)
            at = parent(n)
        }
        var path = ""
        for n in chain.reversed() { path = extend(path, by: n) }
        return path.isEmpty ? "/" : path
    }

    /// How far up from a node `path` looks.
    static let maxPathNodes = 10_000

    /// `path` with a node's step added (`/div[2]`, `/body`); a text node adds none. Written into
    /// a string of the right size at once: paths are made for every block and cell.
    func extend(_ path: String, by n: Int) -> String {
        var name = nodes[n].name
        if name.isEmpty { return path }
        let indexed: Bool
        switch name {
        case "html", "head", "body": indexed = false
        default: indexed = true
        }
        var path = path
        var index = indexed ? String(nodes[n].sameNameIndex) : ""
        let count = path.utf8.count + 1 + name.utf8.count + (indexed ? index.utf8.count + 2 : 0)
        return String(unsafeUninitializedCapacity: count) { out in
            var k = 0
            func put(_ text: inout String) {
                text.withUTF8 { bytes in
                    guard let from = bytes.baseAddress, let to = out.baseAddress else { return }
                    (to + k).initialize(from: from, count: bytes.count)
                    k += bytes.count
                }
            }
            put(&path)
            out[k] = 0x2F
            k += 1
            put(&name)
            if indexed {
                out[k] = 0x5B
                k += 1
                put(&index)
                out[k] = 0x5D
                k += 1
            }
            return k
        }
    }

    /// True when `ancestor` is `node` or one of its ancestors.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var at: Int? = node
        while let n = at {
            if n == ancestor { return true }
            at = parent(n)
        }
        return false
    }

    func ancestors(_ node: Int) -> [Int] {
        var result: [Int] = []
        var at: Int? = node
        while let n = at { result.append(n); at = parent(n) }
        return result
    }

    /// The deepest node that is an ancestor (or self) of all of them.
    func lowestCommonAncestor(_ list: [Int]) -> Int? {
        guard var common = list.first.map({ ancestors($0).reversed() as [Int] }) else { return nil }
        for node in list.dropFirst() {
            let chain = ancestors(node).reversed() as [Int]
            var k = 0
            while k < common.count, k < chain.count, common[k] == chain[k] { k += 1 }
            common = Array(common.prefix(k))
        }
        return common.last
    }

    /// All text below a node, without any whitespace processing (for classification only).
    func rawText(_ i: Int, limit: Int = 200_000) -> String {
        var out = ""
        var stack = [i]
        while let n = stack.popLast(), out.utf8.count < limit {
            let node = nodes[n]
            if node.isText { out += node.text; continue }
            stack += children(n).reversed()
        }
        return out
    }
}
