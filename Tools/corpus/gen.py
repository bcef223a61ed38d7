#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""gen.py — generalisation corpus: random reports with their truth, as Word-like DOCX.

    python3 Tools/corpus/gen.py OUT_DIR SEED_FROM SEED_TO

For every seed writes OUT_DIR/<split>/r<seed>.docx and r<seed>.truth.json, where split is
"dev" (seed % 4 != 0) or "heldout" (seed % 4 == 0): tune on dev, quote held-out figures only.

Everything about one report comes from random.Random(seed): the values (zeros, blanks,
1–4-digit numbers, now and then a rule broken on purpose, recorded in the truth), the
template variants (2021 or 2019, per table), the body and table fonts (installed CJK
fonts: Noto CJK, WenQuanYi, AR PL), font sizes, the table column widths (narrow label
columns wrap the long labels of table 三), page size and margins (A4 portrait or
landscape), whether table 三's header repeats on the next page, and labels broken with
explicit line breaks. The DOCX is written by Tools/fixtures (docxlib / make_docx), the
same writer as the committed Word-like fixtures.

The truth is in gxconvert's report keys: {"cells": {"requests.granted.total": 3 | null …},
"template": {…}, "agency", "year", "violations": [rule ids broken on purpose]}.
"""
import json
import os
import random
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'fixtures'))
import docxlib  # noqa: E402
import make_docx as md  # noqa: E402
from template import (T2_2021, T2_2019, T3_COLS, T4_GROUPS, T4_COLS, t3_rows, t3_result_rows,  # noqa: E402
                      all_cell_keys)

FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei',
         'AR PL UMing CN', 'AR PL UKai CN']
AGENCIES = ['青石县自然资源局', '云溪市生态环境局', '临江区人民政府办公室', '南湖镇人民政府', '东川县教育局',
            '白水市市场监督管理局', '北岭县卫生健康委员会', '西陵区财政局', '长河街道办事处', '安平县交通运输局']


def split_of(seed):
    return 'heldout' if seed % 4 == 0 else 'dev'


def draw_count(rng, big):
    """A count as a person would type it: mostly 0, small numbers, sometimes 3–4 digits."""
    r = rng.random()
    if r < 0.45:
        return 0
    if r < 0.85:
        return rng.randint(1, 9)
    if r < 0.95:
        return rng.randint(10, 99)
    return rng.randint(100, 9999 if big else 999)


def gen_values(rng):
    v2 = rng.choice(['2021', '2021', '2021', '2019'])
    v3 = rng.choice(['2021', '2021', '2021', '2019'])
    big = rng.random() < 0.3
    blank_rate = rng.choice([0, 0, 0, 0.05, 0.2])
    # table 三: results per applicant column, then totals by the equations
    rr = t3_result_rows(v3)
    res = {r: [draw_count(rng, big) if rng.random() < 0.6 else 0 for _ in range(6)] for r in rr}
    carried = [draw_count(rng, False) if rng.random() < 0.4 else 0 for _ in range(6)]
    forward = [draw_count(rng, False) if rng.random() < 0.4 else 0 for _ in range(6)]
    tot = [sum(res[r][i] for r in rr) for i in range(6)]
    new = [max(0, tot[i] + forward[i] - carried[i]) for i in range(6)]
    carried = [tot[i] + forward[i] - new[i] for i in range(6)]
    t3 = dict(res)
    t3['results_total'], t3['new_received'], t3['carried_over'], t3['carried_forward'] = tot, new, carried, forward
    t3 = {k: [str(x) for x in v] + [str(sum(v))] for k, v in t3.items()}
    # table 四
    t4 = {g: [draw_count(rng, False) if rng.random() < 0.4 else 0 for _ in range(4)] for g in T4_GROUPS}
    t4 = {g: [str(x) for x in v] + [str(sum(v))] for g, v in t4.items()}
    # table 二
    t2 = md.zeros_t2(v2)
    for k in t2:
        if k.endswith('amount_10k_yuan') or k.endswith('.amount'):
            t2[k] = rng.choice(['0', '0', '%d' % rng.randint(1, 500), '%.2f' % (rng.randint(1, 99999) / 100)])
        else:
            t2[k] = str(draw_count(rng, True))
    violations = []
    if rng.random() < 0.15:
        # a rule broken on purpose: a total one off
        row = rng.choice(list(t3))
        t3[row][6] = str(int(t3[row][6]) + 1)
        violations.append('T3-ROW:' + row)
    if rng.random() < 0.1:
        g = rng.choice(T4_GROUPS)
        t4[g][4] = str(int(t4[g][4]) + 1)
        violations.append('T4-SUM:' + g)
    # blanks (printed as an empty cell): a blank breaks no rule, it is not assessable
    if blank_rate:
        for k in t3:
            t3[k] = ['' if rng.random() < blank_rate else x for x in t3[k]]
        for g in t4:
            t4[g] = ['' if rng.random() < blank_rate else x for x in t4[g]]
        for k in t2:
            if rng.random() < blank_rate:
                t2[k] = ''
    return v2, v3, t2, t3, t4, violations


def body_blocks(rng, agency, year, t3, v3):
    B, H = md.B, md.H
    nt = t3['new_received'][6] or '0'
    blocks = [
        B('title', '%s%d年政府信息公开工作年度报告' % (agency, year)),
        B('pre', '本报告根据《中华人民共和国政府信息公开条例》要求编制。报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。' % (year, year)),
        H('overview', '一、总体情况'),
        B('p', '%d年，%s认真贯彻落实《条例》，持续推进决策、执行、管理、服务、结果公开。' % (year, agency)),
        B('sub', '（一）主动公开'),
        B('p', '依托门户网站主动公开政府信息%d条。' % rng.randint(10, 3000)),
        B('sub', '（二）依申请公开'),
        B('p', '全年新收政府信息公开申请%s件。' % nt),
        H('active_disclosure', '二、主动公开政府信息情况'),
    ]
    if rng.random() < 0.5:
        blocks.append(B('cap', '主动公开政府信息情况'))
    blocks += [B('table', key='active_disclosure'), H('requests', '三、收到和处理政府信息公开申请情况')]
    if rng.random() < 0.5:
        blocks += [B('p', '本年度收到和处理政府信息公开申请情况如下。')]
    blocks += [B('table', key='requests'), H('review_litigation', '四、政府信息公开行政复议、行政诉讼情况'),
               B('table', key='review_litigation'),
               H('problems', '五、存在的主要问题及改进情况'),
               B('p', '一是信息发布及时性有待提高；二是政策解读形式较为单一。下一步将加强培训。'),
               H('other_matters', '六、其他需要报告的事项'),
               B('p', '本年度未收取信息处理费。'),
               B('close', agency), B('date', '%d年1月%d日' % (year + 1, rng.randint(10, 30)))]
    return blocks


def layout_of(rng):
    landscape = rng.random() < 0.2
    return {
        'body_font': rng.choice(FONTS), 'table_font': rng.choice(FONTS),
        'body_sz': rng.choice([24, 28, 32]), 'table_sz': rng.choice([16, 18, 20, 21, 24]),
        'landscape': landscape,
        'margins': [rng.randint(720, 2200) for _ in range(4)],   # top right bottom left, twips
        'label_scale': rng.choice([0.6, 0.8, 1.0, 1.3]), 'value_scale': rng.choice([0.7, 0.85, 1.0, 1.2]),
        'repeat_header': rng.random() < 0.5,
        'break_labels': rng.random() < 0.4,
        'row_height': rng.choice([300, 397, 500, 700]),
    }


def make_rep(seed):
    rng = random.Random(seed)
    agency = rng.choice(AGENCIES)
    year = rng.randint(2019, 2024)
    v2, v3, t2, t3, t4, violations = gen_values(rng)
    lay = layout_of(rng)
    labels = {}
    if lay['break_labels']:
        for key, label, _ in t3_rows(v3):
            if len(label) > 8 and rng.random() < 0.5:
                cut = rng.randint(3, len(label) - 2)
                labels['requests.' + key] = label[:cut] + '\n' + label[cut:]
        labels['#t4.h2.upheld'] = '结果\n维持'
    rep = {'name': 'r%d' % seed, 'agency': agency, 'year': year, 'date': '%d-01-20' % (year + 1),
           'blocks': body_blocks(rng, agency, year, t3, v3), 'heading_mode': rng.choice(['style', 'bold']),
           'sub_mode': 'kai', 'style_ids': 'zh',
           't2': {'variant': v2, 'values': t2}, 't3': {'variant': v3, 'values': t3}, 't4': {'values': t4},
           'labels': labels, 'bookmarks': []}
    return rep, lay, violations


def number(text):
    t = text.strip()
    if t == '':
        return None
    return float(t) if '.' in t else int(t)


def truth_of(rep, violations):
    vals = dict(rep['t2']['values'])
    for key, _, _ in t3_rows(rep['t3']['variant']):
        for c, v in zip(T3_COLS, rep['t3']['values'][key]):
            vals['requests.%s.%s' % (key, c)] = v
    for g in T4_GROUPS:
        for c, v in zip(T4_COLS, rep['t4']['values'][g]):
            vals['review_litigation.%s.%s' % (g, c)] = v
    cells = {k: number(vals[k]) for k in all_cell_keys(rep['t2']['variant'], rep['t3']['variant'])}
    return {'agency': rep['agency'], 'year': rep['year'],
            'template': {'active_disclosure': rep['t2']['variant'], 'requests': rep['t3']['variant'],
                         'review_litigation': '2021'},
            'violations': violations, 'cells': cells}


def restyle(xml, lay):
    """Fonts, sizes, widths, page and header repetition varied on the written document.xml."""
    def font(m):
        return m.group(0)
    # table runs use 宋体 (docxlib SONG); everything else the body fonts
    xml = re.sub(r'w:ascii="宋体"|w:eastAsia="宋体"|w:hAnsi="宋体"|w:cs="宋体"',
                 lambda m: m.group(0).replace('宋体', lay['table_font']), xml)
    for f in ('仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体'):
        xml = xml.replace('"%s"' % f, '"%s"' % lay['body_font'])
    xml = xml.replace('<w:sz w:val="20"/><w:szCs w:val="20"/>',
                      '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (lay['table_sz'], lay['table_sz']))
    xml = xml.replace('<w:sz w:val="32"/><w:szCs w:val="32"/>',
                      '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (lay['body_sz'], lay['body_sz']))
    xml = re.sub(r'w:line="280" w:lineRule="exact"', 'w:line="%d" w:lineRule="atLeast"' % (lay['table_sz'] * 12), xml)
    xml = re.sub(r'<w:trHeight w:val="397"', '<w:trHeight w:val="%d"' % lay['row_height'], xml)
    if not lay['repeat_header']:
        xml = xml.replace('<w:tblHeader/>', '')
    w, h = (16838, 11906) if lay['landscape'] else (11906, 16838)
    orient = ' w:orient="landscape"' if lay['landscape'] else ''
    t, r, b, l = lay['margins']
    xml = xml.replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="%d" w:h="%d"%s/>' % (w, h, orient))
    xml = re.sub(r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+"',
                 '<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d"' % (t, r, b, l), xml)
    return xml


def scale_grid(tbl, lay):
    g = tbl['grid']
    if tbl['key'] == 'requests':
        tbl['grid'] = [int(x * lay['label_scale']) for x in g[:3]] + [int(x * lay['value_scale']) for x in g[3:]]
    else:
        tbl['grid'] = [int(x * lay['value_scale']) for x in g]
    return tbl


def build(seed, out_dir):
    rep, lay, violations = make_rep(seed)
    ctx = docxlib.Ctx(rep['name'])
    tables = md.prepare(rep)
    for t in tables.values():
        scale_grid(t, lay)
    body = md.render_body(rep, ctx, tables)
    d = os.path.join(out_dir, split_of(seed))
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, rep['name'] + '.docx')
    docxlib.write_package(path, ctx, body, rep['agency'], char_count=3000, para_count=len(rep['blocks']))
    # restyle document.xml in place (fonts, sizes, page)
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w') as z:
        for info, data in parts:
            if info.filename == 'word/document.xml':
                data = restyle(data.decode('utf-8'), lay).encode('utf-8')
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    truth = truth_of(rep, violations)
    truth['seed'], truth['layout'] = seed, lay
    with open(os.path.join(d, rep['name'] + '.truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
    return path


def main():
    out, a, z = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for s in range(a, z):
        build(s, out)


if __name__ == '__main__':
    main()
