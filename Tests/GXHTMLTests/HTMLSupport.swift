import GXHTML
import GXModel

/// Small helpers: read a page given as a Swift string, find tables and paragraphs.
enum Page {
    static func read(_ html: String) throws -> Document { try HTMLReader.read(Array(html.utf8)) }

    static func tables(_ document: Document) -> [Table] {
        document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    static func paragraphs(_ document: Document) -> [Paragraph] {
        document.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    static func body(_ inner: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\(inner)</body></html>"
    }

    /// A minimal report: title, the six headings, and table 四 (enough for the body locator).
    static func report(_ extra: String = "") -> String {
        body("""
        <h1>某某县人民政府2023年政府信息公开工作年度报告</h1>
        <h2>一、总体情况</h2><p>全年主动公开信息10条。</p>
        <h2>二、主动公开政府信息情况</h2>\(extra)
        <h2>三、收到和处理政府信息公开申请情况</h2>
        <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
        <h2>五、存在的主要问题及改进情况</h2><p>无。</p>
        <h2>六、其他需要报告的事项</h2><p>无。</p>
        """)
    }
}
