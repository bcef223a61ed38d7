extension Page {
    /// Sizes in `em`/`rem` and wrapping tables in scrolling regions keep the page usable at 200%
    /// zoom; the status line keeps its height so nothing above the results moves when they arrive.
    static let style = """
    :root{--err:#b00020;--err-bg:#fde7ea;--warn:#8a5a00;--warn-bg:#fff4d6;--ok:#1b6e2a;--ink:#1a1a1a;--line:#666}
    *{box-sizing:border-box}
    html{overflow-y:scroll}
    body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;color:var(--ink);margin:0 auto;padding:1rem;max-width:72rem;line-height:1.6}
    h1{font-size:1.5rem;margin:.5rem 0}
    h2{font-size:1.2rem;margin:1.2rem 0 .5rem}
    h3{font-size:1.05rem;margin:1rem 0 .4rem}
    a{color:#0b4f9c}
    :focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
    .drop{border:2px dashed var(--line);border-radius:.5rem;padding:1rem;text-align:center}
    .drop.over{background:#eef4ff;border-color:#0b4f9c}
    .drop input[type=file]{display:block;margin:.5rem auto;max-width:100%}
    .button,button{display:inline-block;font:inherit;padding:.3rem .9rem;border:1px solid #0b4f9c;border-radius:.3rem;background:#0b4f9c;color:#fff;cursor:pointer}
    button.secondary{background:#fff;color:#0b4f9c}
    .hint{color:#444;font-size:.9rem}
    #status{min-height:1.6em}
    .scroll{overflow-x:auto;max-width:100%}
    table.files{border-collapse:collapse;width:100%}
    table.files th,table.files td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
    .badge{font-weight:bold;white-space:nowrap}
    .badge.passed{color:var(--ok)}
    .badge.errors{color:var(--err)}
    .badge.unreadable{color:var(--warn)}
    .report{border-top:2px solid #ccc;margin-top:1.5rem}
    .downloads{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
    ol.findings li{margin:.3rem 0}
    .finding-error .code{color:var(--err);font-weight:bold}
    .finding-warning .code{color:var(--warn);font-weight:bold}
    .place{color:#444;font-size:.9rem}
    .tables table.gx-table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
    .tables table.gx-table th,.tables table.gx-table td{border:1px solid #444;padding:.2rem .4rem;text-align:center;position:relative}
    .tables td.gx-label{text-align:left}
    .tables td.gx-blank{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
    .tables td.gx-error{background:var(--err-bg)}
    .tables td.pg-error{outline:3px solid var(--err);outline-offset:-3px;background:var(--err-bg);font-weight:bold;cursor:help}
    .tables td.pg-error::after{content:"✕";color:var(--err);font-size:.7em;position:absolute;top:0;right:.1rem}
    .tables td.pg-warn{outline:2px dashed var(--warn);outline-offset:-2px;background:var(--warn-bg);cursor:help}
    .tables td.pg-warn::after{content:"!";color:var(--warn);font-size:.7em;position:absolute;top:0;right:.15rem}
    .tip{display:none;position:fixed;z-index:5;left:0;top:0;min-width:16rem;max-width:min(28rem,95vw);background:#fff;color:var(--ink);border:1px solid var(--line);box-shadow:0 2px 6px rgba(0,0,0,.25);padding:.4rem .6rem;text-align:left;font-weight:normal;white-space:normal}
    td:hover>.tip,td:focus>.tip,td:focus-within>.tip{display:block}
    .tip .math{font-weight:bold;color:var(--err)}
    .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    @media (max-width:40rem){body{padding:.5rem}.tip{min-width:12rem}}

    """
}
