import GXModel

/// Which elements are page furniture rather than content: by tag (scripts, navigation, forms'
/// controls, Word's `<xml>` islands), by class/id tokens portals use (nav, footer, share widgets,
/// breadcrumbs), and by being hidden (`display:none`, `mso-hide:all`, `hidden`).
enum ChromeRules {
    static let skippedTags: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "frame",
        "frameset", "object", "embed", "applet", "svg", "math", "canvas", "map", "select", "button", "input",
        "textarea", "option", "xml", "title", "link", "meta", "base", "audio", "video", "source", "param",
        "del", "v:shape", "v:shapetype", "v:imagedata", "o:lock", "w:sdt", "datalist", "dialog",
    ]

    static let blockTags: Set<String> = [
        "html", "body", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "center", "section", "article", "main", "address", "figure", "figcaption", "hr",
        "table", "tr", "td", "th", "caption", "thead", "tbody", "tfoot", "form", "fieldset", "legend", "dir",
        "menu", "details", "summary", "listing", "xmp", "plaintext",
    ]

    /// Elements whose start always opens a paragraph of their own, kept even when empty.
    static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "caption",
                                             "pre", "address", "legend", "summary", "figcaption"]

    /// class/id tokens that mark furniture. A token is a run of letters or digits.
    static let chromeTokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "mainmenu", "submenu", "header", "head", "topbar",
        "footer", "foot", "bottom", "top", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "bdshare",
        "sharebox", "fenxiang", "sidebar", "side", "aside", "toolbar", "copyright", "banquan", "qrcode", "ewm",
        "erweima", "search", "sousuo", "login", "banner", "position", "location", "weizhi", "dqwz", "dangqian",
        "related", "xgxx", "xglj", "relevant", "print", "dayin", "guanbi", "close", "fontsize", "zihao",
        "comment", "pinglun", "pager", "pagination", "advert", "ads", "friendlink", "links", "yqlj", "skip",
        "wza", "wzaxx", "accessibility", "cookie", "modal", "popup",
    ]

    static func isSkippedTag(_ name: String) -> Bool {
        skippedTags.contains(name)
    }

    static func hasChromeClassOrID(_ node: NodeTree.Node) -> Bool {
        for key in ["class", "id"] {
            guard let value = node.attribute(key), !value.isEmpty else { continue }
            if AttributeScan.hasChromeToken(value) ?? tokens(value).contains(where: chromeTokens.contains) { return true }
        }
        return false
    }

    /// Words looked for inside long tokens (`mainNav`, `topMenu` lower-case to one token).
    static let embeddedWords = ["nav", "menu", "footer", "header", "breadcrumb", "share", "copyright", "sidebar", "toolbar", "qrcode"]

    /// The general tokenizer, for values with non-ASCII characters (whose lower-case forms may
    /// hold ASCII letters); ASCII values take `AttributeScan.hasChromeToken`, which agrees.
    static func tokens(_ value: String) -> [String] {
        var result: [String] = []
        var current = ""
        for ch in value.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { current.unicodeScalars.append(ch) }
            else if !current.isEmpty { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        var extra: [String] = []
        for token in result where token.utf8.count > 5 {
            for word in embeddedWords where token.contains(utf8: word) { extra.append(word) }
        }
        return result + extra
    }

    static func isHidden(_ node: NodeTree.Node) -> Bool {
        if node.attribute("hidden") != nil { return true }
        guard let style = node.attribute("style"), !style.isEmpty else { return false }
        return AttributeScan.hidesContent(style) ?? styleHides(style)
    }

    /// The general reading of a `style` value: lower-cased, white space dropped, then searched.
    static func styleHides(_ style: String) -> Bool {
        let s = style.lowercased().filter { !$0.isWhitespace }
        return s.contains(utf8: "display:none") || s.contains(utf8: "visibility:hidden") || s.contains(utf8: "mso-hide:all")
    }
}
