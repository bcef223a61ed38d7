extension Page {
    /// The page's behaviour. Every text that came from a report reaches the page through
    /// `textContent` or as attributes set one by one — never through `innerHTML` of a string we
    /// built; the tables come from the HTML writer (which escapes every report text) via
    /// DOMParser, which runs no script, and the page's CSP would refuse one anyway.
    static let script = #"""
    'use strict';
    (function () {
      const $ = (s, r) => (r || document).querySelector(s);
      const authRequired = document.body.dataset.auth === 'required';
      let batch = 0;

      function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
          if (v === null || v === undefined || v === false) continue;
          if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : String(v));
        }
        for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
        return e;
      }

      function headers(type) {
        const h = {};
        if (type) h['Content-Type'] = type;
        if (authRequired) h['Authorization'] = 'Bearer ' + $('#token').value;
        return h;
      }

      function status(text) { $('#status').textContent = text; }

      const FORMATS = { docx: 'Word DOCX', html: '网页 HTML', text: '文本' };
      const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

      /** Where a finding is in the source: 表3 第4行 第1格, bookmark, line, HTML element. */
      function place(src, bookmark) {
        const parts = [];
        if (src) {
          if (src.table) parts.push('表' + src.table);
          if (src.row) parts.push('第' + src.row + '行');
          if (src.cell) parts.push('第' + src.cell + '格');
          if (src.paragraph) parts.push('第' + src.paragraph + '段');
          if (src.element) parts.push('元素 ' + src.element);
          if (src.line && !src.table) parts.push('第' + src.line + '行' + (src.column ? ' 第' + src.column + '列' : ''));
        }
        if (bookmark) parts.push('书签 ' + bookmark);
        return parts.join(' ');
      }

      function arithmetic(d) {
        if (d.left === undefined || d.right === undefined) return '';
        const diff = Math.abs(d.difference !== undefined ? d.difference : d.left - d.right);
        return d.left + ' ≠ ' + d.right + '，差 ' + diff;
      }

      /** The cell a rule is about: its right-hand side (the printed total the parts are held to). */
      function targetPath(d) {
        const own = (d.cells || []).filter(c => !c.file).map(c => c.path);
        const paths = own.length ? own : (d.paths || []);
        return paths.length ? paths[paths.length - 1] : null;
      }

      function cellId(prefix, path) { return prefix + '-' + path.replace(/[^A-Za-z0-9_.-]/g, '_'); }

      async function download(file, to, button) {
        const q = '/api/v1/convert?to=' + to + (to === 'csv' ? '&excel=true' : '') + '&name=' + encodeURIComponent(file.name);
        button.disabled = true;
        try {
          const r = await fetch(q, { method: 'POST', headers: headers('application/octet-stream'), body: file });
          if (!r.ok) { const e = await r.json().catch(() => null); status('下载失败：' + (e && e.error ? e.error.code + ' ' + e.error.message : r.status)); return; }
          const blob = await r.blob();
          const a = el('a', { href: URL.createObjectURL(blob), download: file.name.replace(/\.[^.]*$/, '') + '.' + to });
          document.body.append(a); a.click(); a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
        } finally { button.disabled = false; }
      }

      /** Marks the cells a diagnostic names: the target strongly, with the rule and the arithmetic on
          hover and focus; the other cells of the equation lightly. Warnings are marked apart. */
      function mark(section, prefix, d, n) {
        const target = targetPath(d);
        if (!target) return null;
        const cell = section.querySelector('[id="' + cellId(prefix, target) + '"]');
        if (!cell) return null;
        const cls = d.severity === 'error' ? 'pg-error' : 'pg-warn';
        if (cell.classList.contains('pg-error') && cls === 'pg-warn') return cell;
        cell.classList.add(cls);
        cell.tabIndex = 0;
        let tip = cell.querySelector(':scope > .tip');
        if (!tip) {
          tip = el('span', { class: 'tip', role: 'tooltip', id: prefix + '-tip-' + n });
          cell.append(tip);
          cell.setAttribute('aria-describedby', tip.id);
          cell.addEventListener('mouseenter', () => placeTip(cell));
          cell.addEventListener('focus', () => placeTip(cell));
        }
        const line = el('span', { class: 'tip-line' }, el('b', {}, d.code + ' '), d.message_zh || d.message);
        const math = arithmetic(d);
        if (math) line.append(el('br'), el('span', { class: 'math' }, math));
        if (tip.childNodes.length) tip.append(el('br'));
        tip.append(line);
        return cell;
      }

      /** Tips are position:fixed so the scrolling table regions do not clip them: put one below its
          cell, or above when it would leave the window. */
      function placeTip(cell) {
        const tip = cell.querySelector(':scope > .tip');
        if (!tip) return;
        const r = cell.getBoundingClientRect();
        const w = Math.min(tip.offsetWidth || 320, window.innerWidth - 8);
        tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4)) + 'px';
        const h = tip.offsetHeight || 80;
        tip.style.top = (r.bottom + h + 4 > window.innerHeight ? Math.max(4, r.top - h - 4) : r.bottom + 2) + 'px';
      }
      document.addEventListener('scroll', () => {
        for (const c of document.querySelectorAll('td:hover, td:focus')) placeTip(c);
      }, true);

      function renderReport(file, body, n) {
        const report = body.report;
        const prefix = 'r' + batch + '-' + n;
        const errors = report.diagnostics.filter(d => d.severity === 'error');
        const warnings = report.diagnostics.filter(d => d.severity === 'warning');
        const section = el('section', { class: 'report', id: prefix, 'aria-labelledby': prefix + '-title', 'data-file': file.name });
        const badge = el('span', { class: 'badge ' + body.status }, body.status === 'passed' ? '通过' : '有错误');
        section.append(el('h2', { id: prefix + '-title' }, file.name + ' ', badge));
        section.append(el('p', {}, (report.agency || '（未识别机关）') + ' · ' + (report.year || '（未识别年度）') + '年度 · ' +
          (FORMATS[report.source.format] || report.source.format) + ' · ' + errors.length + ' 个错误，' + warnings.length + ' 个警告'));
        const dl = el('div', { class: 'downloads', role: 'group', 'aria-label': '下载' });
        for (const [to, label] of [['json', '下载 JSON'], ['csv', '下载 CSV（Excel）'], ['docx', '下载整理后的 DOCX']]) {
          const b = el('button', { type: 'button', class: 'secondary', 'data-to': to }, label);
          b.addEventListener('click', () => download(file, to, b));
          dl.append(b);
        }
        section.append(dl);

        const tables = el('div', { class: 'tables' });
        const doc = new DOMParser().parseFromString(body.html, 'text/html');
        for (const t of doc.querySelectorAll('table.gx-table')) {
          const table = document.importNode(t, true);
          for (const a of table.querySelectorAll('[id]')) a.id = prefix + '-bm-' + a.id;
          for (const a of table.querySelectorAll('a[name]')) a.removeAttribute('name');
          for (const c of table.querySelectorAll('[title]')) c.removeAttribute('title');
          for (const c of table.querySelectorAll('td[data-path]')) {
            c.id = cellId(prefix, c.dataset.path);
            if (c.classList.contains('gx-blank')) c.setAttribute('aria-label', '空白');
          }
          const caption = { active_disclosure: '表二 主动公开政府信息情况', requests: '表三 收到和处理政府信息公开申请情况', review_litigation: '表四 政府信息公开行政复议、行政诉讼情况' }[table.dataset.table];
          const wrap = el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption || '表格' });
          wrap.append(table);
          tables.append(wrap);
        }

        const findings = el('ol', { class: 'findings' });
        let n2 = 0;
        for (const d of report.diagnostics) {
          if (d.severity === 'info') continue;
          const cell = mark(tables, prefix, d, n2++);
          findings.append(finding(d, cell, d.cells && d.cells.find(c => c.path === targetPath(d))));
        }
        section.append(el('h3', {}, '发现的问题'));
        if (findings.childNodes.length) section.append(findings);
        else section.append(el('p', {}, '没有发现错误或警告。'));
        section.append(el('h3', {}, '表格'), tables);
        return section;
      }

      function finding(d, cell, c) {
        const li = el('li', { class: 'finding-' + d.severity });
        const text = [el('span', { class: 'code' }, SEVERITY[d.severity] + ' ' + d.code), ' ', d.message_zh || d.message];
        const math = arithmetic(d);
        if (math) text.push('（' + math + '）');
        if (cell) {
          const a = el('a', { href: '#' + cell.id }, ...text);
          a.addEventListener('click', ev => { ev.preventDefault(); cell.scrollIntoView({ block: 'center' }); cell.focus(); });
          li.append(a);
        } else li.append(...text);
        const where = place(c ? c.source : d.source, c && c.bookmark);
        if (where) li.append(' ', el('span', { class: 'place' }, '（原文：' + where + '）'));
        return li;
      }

      function row(file) {
        const tr = el('tr', {}, el('td', {}, file.name), el('td', {}, '…'), el('td', {}, '…'), el('td', {}, '…'),
          el('td', {}, el('span', { class: 'badge' }, '检查中')));
        $('#file-list tbody').append(tr);
        return tr;
      }

      function fill(tr, agency, year, format, badgeClass, badgeText, link) {
        tr.cells[1].textContent = agency || '—';
        tr.cells[2].textContent = year ? String(year) : '—';
        tr.cells[3].textContent = format || '—';
        const badge = el('span', { class: 'badge ' + badgeClass }, badgeText);
        tr.cells[4].replaceChildren(link ? el('a', { href: '#' + link }, badge) : badge);
      }

      async function inspect(file, n, tr) {
        let r, body;
        try {
          r = await fetch('/api/v1/inspect?name=' + encodeURIComponent(file.name), { method: 'POST', headers: headers('application/octet-stream'), body: file });
          body = await r.json();
        } catch (e) {
          fill(tr, null, null, null, 'unreadable', '无法读取：网络错误');
          return null;
        }
        if (!r.ok) {
          const code = body && body.error ? body.error.code : String(r.status);
          fill(tr, null, null, null, 'unreadable', '无法读取（' + code + '）');
          const section = el('section', { class: 'report', id: 'r' + batch + '-' + n, 'data-file': file.name });
          section.append(el('h2', {}, file.name + ' ', el('span', { class: 'badge unreadable' }, '无法读取')),
            el('p', { class: 'error-code' }, code), el('p', {}, body && body.error ? body.error.message : ''));
          $('#reports').append(section);
          return null;
        }
        const section = renderReport(file, body, n);
        $('#reports').append(section);
        fill(tr, body.report.agency, body.report.year, FORMATS[body.report.source.format], body.status,
          body.status === 'passed' ? '通过' : '有错误', section.id);
        return { file, section };
      }

      async function crossYear(done) {
        const form = new FormData();
        for (const d of done) form.append('file', d.file, d.file.name);
        const r = await fetch('/api/v1/validate', { method: 'POST', headers: headers(null), body: form });
        if (!r.ok) return;
        const v = await r.json();
        const list = $('#cross-list');
        list.replaceChildren();
        for (const d of v.cross_year) {
          const li = el('li', { class: 'finding-' + d.severity }, el('span', { class: 'code' }, SEVERITY[d.severity] + ' ' + d.code), ' ', d.message_zh || d.message);
          const math = arithmetic(d);
          if (math) li.append('（' + math + '）');
          for (const c of d.cells || []) {
            const report = done.find(x => x.file.name === c.file);
            const cell = report && report.section.querySelector('[id="' + cellId(report.section.id, c.path) + '"]');
            const label = c.file + '：' + (place(c.source, c.bookmark) || c.path);
            if (cell) {
              mark(report.section, report.section.id, Object.assign({}, d, { cells: [c], paths: [c.path] }), 'x' + list.childNodes.length + c.path);
              const a = el('a', { href: '#' + cell.id }, label);
              a.addEventListener('click', ev => { ev.preventDefault(); cell.scrollIntoView({ block: 'center' }); cell.focus(); });
              li.append(' ', a);
            } else li.append(' ', el('span', { class: 'place' }, label));
          }
          list.append(li);
        }
        $('#cross').hidden = v.cross_year.length === 0;
      }

      async function handle(files) {
        if (!files.length) return;
        batch += 1;
        document.body.dataset.state = "busy";
        $('#reports').replaceChildren();
        $('#file-list tbody').replaceChildren();
        $('#cross').hidden = true;
        status('正在检查 ' + files.length + ' 个文件…');
        const rows = files.map(row);
        const done = [];
        for (let i = 0; i < files.length; i++) {
          const d = await inspect(files[i], i, rows[i]);
          if (d) done.push(d);
        }
        if (done.length > 1) await crossYear(done);
        status('检查完成：' + files.length + ' 个文件。');
        document.body.dataset.state = "done";
      }

      const input = $('#files');
      input.addEventListener('change', () => { const f = Array.from(input.files); handle(f); });
      const drop = $('#drop');
      drop.addEventListener('dragover', ev => { ev.preventDefault(); drop.classList.add('over'); });
      drop.addEventListener('dragleave', () => drop.classList.remove('over'));
      drop.addEventListener('drop', ev => { ev.preventDefault(); drop.classList.remove('over'); handle(Array.from(ev.dataTransfer.files)); });
    })();

    """#
}
