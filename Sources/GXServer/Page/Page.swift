import Hummingbird

/// The upload page (`GET /`): one Chinese HTML page with its script and style served as their own
/// files from this binary, so its Content-Security-Policy allows scripts and styles from the
/// service only (no `unsafe-inline`) and nothing from anywhere else. The tables it shows are the
/// HTML writer's own (`--to html`, fetched through /api/v1/inspect): the page never redraws the
/// template, it marks the cells the diagnostics name.
enum Page {
    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob: data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func response(_ text: String, type: String, page: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        if page { headers[.contentSecurityPolicy] = csp }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(authRequired: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>政府信息公开工作年度报告 在线检查</title>
        <link rel="stylesheet" href="/page.css">
        <script src="/page.js" defer></script>
        </head>
        <body data-auth="\(authRequired ? "required" : "off")">
        <header>
        <h1>政府信息公开工作年度报告 在线检查</h1>
        <p>上传本机关的年度报告（Word DOCX、网页 HTML 或文本），检查三张表格的数字是否相符，并准确指出哪一格有误。文件只在本次检查中使用，不会保存。</p>
        </header>
        <main>
        <section id="upload" aria-labelledby="upload-title">
        <h2 id="upload-title">选择文件</h2>
        <div id="drop" class="drop">
        <p>把一个或多个文件拖到这里，或者</p>
        <label class="button" for="files">选择文件</label>
        <input id="files" name="file" type="file" multiple accept=".docx,.html,.htm,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain">
        <p class="hint">同一机关相邻年度的报告一起上传，可以检查跨年度结转数字。</p>
        </div>
        <p id="token-row"\(authRequired ? "" : " hidden")><label for="token">访问令牌</label> <input id="token" type="password" autocomplete="off" spellcheck="false"></p>
        <p id="status" role="status" aria-live="polite">尚未选择文件。</p>
        </section>
        <section id="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">检查结果</h2>
        <div class="scroll" tabindex="0" role="region" aria-labelledby="summary-title">
        <table id="file-list" class="files">
        <thead><tr><th scope="col">文件</th><th scope="col">机关</th><th scope="col">年度</th><th scope="col">格式</th><th scope="col">结果</th></tr></thead>
        <tbody><tr class="empty"><td colspan="5">暂无</td></tr></tbody>
        </table>
        </div>
        </section>
        <section id="cross" aria-labelledby="cross-title" hidden>
        <h2 id="cross-title">跨年度检查</h2>
        <ul id="cross-list"></ul>
        </section>
        <div id="reports"></div>
        </main>
        </body>
        </html>

        """
    }
}
