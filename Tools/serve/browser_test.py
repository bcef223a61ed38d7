"""The page in a real browser (Debian chromium + chromedriver, PyPI selenium): files go in through
the page's own file input, and what an agency would see is checked. Screenshots are kept in
$GX_ARTIFACTS/browser (default .build/test-artifacts/browser).

  clean report                      -> 通过, no cell marked
  table 四 review total off by one  -> exactly that cell marked, the arithmetic on hover and focus,
                                       the finding links to it with its place in the DOCX
  truncated zip                     -> 无法读取 and GX-E-ZIP
  two consecutive years             -> the cross-year finding
  200% zoom (640 CSS px at device scale 2): no page-wide horizontal scrolling; no layout shift
"""
import os
import re
import shutil
import sys
import time
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from serverproc import ARTIFACTS, Server, fixture

OUT = os.path.join(ARTIFACTS, 'browser')
FAILURES = []


def check(condition, what):
    print(('ok   ' if condition else 'FAIL ') + what)
    if not condition:
        FAILURES.append(what)


def t4_total_off_by_one(path):
    """clean-2023.docx with table 四's 行政复议 总计 (table 3 row 4 cell 5 in the DOCX) one more than
    its parts: the only change, made in word/document.xml with zipfile."""
    src = fixture('validation', 'clean-2023.docx')
    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out = []
    for info, data in items:
        if info.filename == 'word/document.xml':
            xml = data.decode('utf-8')
            tables = [m.start() for m in re.finditer(r'<w:tbl>', xml)]
            start = tables[2]
            rows = [m.start() for m in re.finditer(r'<w:tr[ >]', xml[start:])]
            row = start + rows[3]
            cells = [m.start() for m in re.finditer(r'<w:tc>', xml[row:])]
            cell = row + cells[4]
            m = re.compile(r'<w:t(?: [^>]*)?>(\d+)</w:t>').search(xml, cell)
            value = int(m.group(1))
            xml = xml[:m.start(1)] + str(value + 1) + xml[m.end(1):]
            data = xml.encode('utf-8')
        out.append((info, data))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data)
    return value


def browser(width, height, scale):
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for arg in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                '--window-size=%d,%d' % (width, height), '--force-device-scale-factor=%s' % scale, '--lang=zh-CN']:
        options.add_argument(arg)
    return webdriver.Chrome(service=ChromeService('/usr/bin/chromedriver'), options=options)


def upload(driver, url, paths):
    driver.get(url + '/')
    driver.execute_script("""
      window.__shift = 0;
      new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: 'layout-shift', buffered: true});""")
    before = driver.find_element(By.ID, 'status').rect
    driver.find_element(By.ID, 'files').send_keys('\n'.join(paths))
    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.TAG_NAME, 'body').get_attribute('data-state') == 'done')
    after = driver.find_element(By.ID, 'status').rect
    return before, after


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    wrong = os.path.join(OUT, 't4-review-total-off-by-one.docx')
    printed = t4_total_off_by_one(wrong)
    with Server('--workers', '2') as server:
        driver = browser(1100, 900, 1)
        try:
            # 1. A clean report passes.
            before, after = upload(driver, server.url, [fixture('validation', 'clean-2023.docx')])
            rows = driver.find_elements(By.CSS_SELECTOR, '#file-list tbody tr')
            check(len(rows) == 1 and '通过' in rows[0].text, 'clean report: 通过 (%s)' % (rows[0].text if rows else '-'))
            check('松溪县水利局' in rows[0].text and '2023' in rows[0].text, 'clean report: agency and year shown')
            check(len(driver.find_elements(By.CSS_SELECTOR, 'td.pg-error, td.gx-error')) == 0, 'clean report: no cell marked')
            check(len(driver.find_elements(By.CSS_SELECTOR, 'table.gx-table')) == 3, 'clean report: the three tables drawn')
            check(before == after, 'nothing above the results moved (status line %s -> %s)' % (before, after))
            shift = driver.execute_script('return window.__shift')
            check(shift < 0.01, 'cumulative layout shift %.4f < 0.01' % shift)
            driver.save_screenshot(os.path.join(OUT, '1-clean.png'))

            # 2. Table 四's review total one too many: exactly that cell is marked.
            upload(driver, server.url, [wrong])
            rows = driver.find_elements(By.CSS_SELECTOR, '#file-list tbody tr')
            check('有错误' in rows[0].text, 'wrong total: 有错误')
            marked = driver.find_elements(By.CSS_SELECTOR, 'td.pg-error')
            paths = [c.get_attribute('data-path') for c in marked]
            check(paths == ['review_litigation.review.total'], 'wrong total: exactly that cell marked (%s)' % paths)
            cell = marked[0] if marked else None
            if cell is not None:
                check(cell.text.startswith(str(printed + 1)), 'the marked cell shows the printed %d' % (printed + 1))
                tip = cell.find_element(By.CSS_SELECTOR, '.tip')
                check(not tip.is_displayed(), 'tooltip hidden until hover or focus')
                ActionChains(driver).move_to_element(cell).perform()
                time.sleep(0.2)
                text = tip.text
                check(tip.is_displayed() and 'T4-SUM' in text, 'hover shows the rule: %r' % text)
                check(re.search(r'%d ≠ %d，差 1' % (printed, printed + 1), text) is not None, 'hover shows the arithmetic')
                ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, 'h1')).perform()
                # Keyboard: the finding is a link; following it moves focus to the cell, which shows the tip.
                link = driver.find_element(By.CSS_SELECTOR, 'ol.findings li.finding-error a')
                place = link.find_element(By.XPATH, '..').text
                check('表3 第4行 第5格' in place, 'the finding gives the place in the DOCX: %r' % place)
                link.send_keys(Keys.ENTER)
                time.sleep(0.2)
                focused = driver.switch_to.active_element
                check(focused.get_attribute('data-path') == 'review_litigation.review.total', 'the finding link focuses the cell')
                check(tip.is_displayed(), 'focus shows the arithmetic too')
                driver.save_screenshot(os.path.join(OUT, '2-t4-total-marked.png'))
            blanks = driver.find_elements(By.CSS_SELECTOR, 'td.gx-blank')
            check(all(b.text.strip() == '' for b in blanks), 'blank cells stay blank')

            # 3. A broken zip shows its code.
            upload(driver, server.url, [fixture('hostile', 'truncated.docx')])
            rows = driver.find_elements(By.CSS_SELECTOR, '#file-list tbody tr')
            check('无法读取' in rows[0].text and 'GX-E-ZIP' in rows[0].text, 'broken zip: 无法读取 and GX-E-ZIP (%s)' % rows[0].text)
            driver.save_screenshot(os.path.join(OUT, '3-broken-zip.png'))

            # 4. Two years of one agency: the cross-year finding.
            upload(driver, server.url, [fixture('validation', 'x-carry-2022.docx'), fixture('validation', 'x-carry-2023.docx')])
            cross = driver.find_element(By.ID, 'cross')
            check(cross.is_displayed() and 'X-CARRY' in cross.text, 'cross-year finding shown')
            driver.save_screenshot(os.path.join(OUT, '4-cross-year.png'))

            # 5. Script-injection text in a name stays text.
            evil = os.path.join(OUT, '<img src=x onerror=alert(1)>.txt')
            shutil.copy(fixture('text', 'seed001.txt'), evil)
            upload(driver, server.url, [evil])
            check(len(driver.find_elements(By.CSS_SELECTOR, '#reports img')) == 0, 'a name with markup is shown as text')
        finally:
            driver.quit()

        # 6. 200% zoom: a 640 CSS-pixel viewport at device scale 2.
        driver = browser(640, 900, 2)
        try:
            upload(driver, server.url, [wrong])
            width = driver.execute_script('return document.documentElement.scrollWidth - document.documentElement.clientWidth')
            check(width <= 0, '200%% zoom: no page-wide horizontal scroll (%d px over)' % width)
            driver.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
            check(driver.switch_to.active_element.get_attribute('id') in ('files', 'token'), 'Tab reaches the file input first')
            driver.save_screenshot(os.path.join(OUT, '5-zoom-200.png'))
        finally:
            driver.quit()
    print('screenshots in %s' % OUT)
    if FAILURES:
        print('%d browser check(s) failed' % len(FAILURES))
        sys.exit(1)


if __name__ == '__main__':
    main()
