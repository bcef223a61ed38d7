import GXModel

/// How a standard table shows itself, for every reader: the words that identify a whole table
/// (the mapper, the HTML body locator) and the words on the first line of each table in plain
/// text (the text reader's region finder). All compare folded text (`TextFold`).
public enum TableRecognizer {
    /// Which standard table a table is by what its cells say, or nil. `mentions` answers whether
    /// some (folded) cell text contains a word. Table 三 is tested first: its header names
    /// applicants, and a table 二 never does.
    public static func kind(mentions: (String) -> Bool) -> StandardTableKey? {
        if mentions("本年新收") || mentions("申请人情况") { return .requests }
        if mentions("第二十条") || mentions("信息内容") { return .activeDisclosure }
        if mentions("行政复议"), mentions("维持") || mentions("审结") || mentions("纠正") { return .reviewLitigation }
        return nil
    }

    /// Whether a folded text line is the first line of table `key` in plain text: table 二's
    /// `第二十条…` block or `信息内容` header, table 三's header (`申请人情况`, the template's note
    /// `本列数据的勾稽关系…`) or first row, table 四's result columns or group header.
    public static func opensTable(_ key: StandardTableKey, foldedLine f: String) -> Bool {
        switch key {
        case .activeDisclosure:
            return f.contains(utf8: "第二十条") || f.hasPrefix("信息内容")
        case .requests:
            return f.contains(utf8: "本列数据") || f.contains(utf8: "勾稽关系") || f.contains(utf8: "申请人情况") || f.contains(utf8: "本年新收")
        case .reviewLitigation:
            if ["结果维持", "尚未审结", "未经复议", "复议后起诉", "结果纠正"].contains(where: f.contains) { return true }
            return f == "行政复议" || f.hasPrefix("行政复议行政诉讼")
        }
    }

    /// A short folded line naming table 四's column groups (`行政复议   行政诉讼`) just above its
    /// first row; a sentence about them (`…行政诉讼情况`) is not.
    public static func isReviewGroupHeader(foldedLine f: String) -> Bool {
        f.count <= 24 && (f.contains(utf8: "行政复议") || f.contains(utf8: "行政诉讼")) && !f.hasSuffix("情况") && !f.hasSuffix("情况。")
    }
}
