// gxbench: per-document cost of converting DOCX reports beside the floor — unzipping the main
// part and parsing it with libxml2 with no work per event — on the same files, in one process.
//
//   gxbench [--seconds S] <folder or .docx files…>
//   gxbench --text [--seconds S] <folder or .txt files…>   (the text adapter: reader, and full conversion)
//   gxbench --floor <folder>   one pass over a mixed corpus: the parse floor per format, in seconds
import CLibXML2
import Foundation
import GXConvert
import GXDocx
import GXExport
import GXTemplate
import GXText
import GXModel

/// The floor for one file, after reading it: what any reader of that format must pay with these libraries —
/// DOCX: unzip the main part and SAX-parse it; HTML: libxml2's HTML push parser with no handlers;
/// text: decode and split into lines.
func floorOnce(_ bytes: [UInt8]) throws -> (format: String, count: Int) {
    if bytes.starts(with: [0x50, 0x4B]) { return ("docx", try DocxReader.parseOnly(bytes)) }
    let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<meta") || head.contains("<table") {
        var sax = htmlSAXHandler()
        let n: Int32 = bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let ctxt = htmlCreatePushParserCtxt(&sax, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return 0 }
            defer { htmlFreeParserCtxt(ctxt) }
            _ = htmlCtxtUseOptions(ctxt, Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue))
            return htmlParseChunk(ctxt, raw, Int32(buf.count), 1)
        }
        return ("html", Int(n))
    }
    return ("text", String(decoding: bytes, as: UTF8.self).split(separator: "\n").count)
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--floor" {
    // libxml2 would print encoding complaints for pages it is handed as UTF-8; the floor stays quiet.
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    let root = CommandLine.arguments[2]
    let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
    let clock = ContinuousClock()
    var total: [String: (files: Int, time: Duration)] = [:]
    for name in names {
        // Reading the file is part of the floor: no converter can skip it.
        let start = clock.now
        let bytes = try FileIO.read(root + "/" + name, maxBytes: 1 << 30)
        let (format, _) = try floorOnce(bytes)
        let t = clock.now - start
        total[format, default: (0, .zero)].files += 1
        total[format, default: (0, .zero)].time += t
    }
    for (format, v) in total.sorted(by: { $0.key < $1.key }) {
        print("floor \(format) \(v.files) \(Double(v.time.components.attoseconds) / 1e18 + Double(v.time.components.seconds))")
    }
    exit(0)
}

var seconds = 3.0
var paths: [String] = []
var textMode = false
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    if arg == "--seconds", let v = args.popFirst().flatMap(Double.init) { seconds = v }
    else if arg == "--text" { textMode = true }
    else { paths.append(arg) }
}
if paths.isEmpty { paths = [textMode ? "Fixtures/text" : "Fixtures/docx"] }
let suffix = textMode ? ".txt" : ".docx"

var files: [[UInt8]] = []
for path in paths {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
    let urls = isDir.boolValue
        ? (try FileManager.default.contentsOfDirectory(atPath: path)).sorted().filter { $0.hasSuffix(suffix) }
            .map { URL(fileURLWithPath: path).appendingPathComponent($0) }
        : [URL(fileURLWithPath: path)]
    for url in urls { files.append([UInt8](try Data(contentsOf: url))) }
}
guard !files.isEmpty else { print("no \(suffix) files found"); exit(2) }
let totalBytes = files.reduce(0) { $0 + $1.count }

@MainActor
/// Runs `body` over all files repeatedly for about `seconds`; returns seconds per document.
func measure(_ name: String, _ body: ([UInt8]) throws -> Int) rethrows -> Double {
    var sink = 0
    for file in files { sink &+= try body(file) }  // warm-up
    let clock = ContinuousClock()
    var documents = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        for file in files { sink &+= try body(file) }
        documents += files.count
        elapsed = clock.now - start
    } while elapsed < .seconds(seconds)
    let perDoc = Double(elapsed.components.seconds) / Double(documents) + Double(elapsed.components.attoseconds) / 1e18 / Double(documents)
    print(String(format: "%-34@ %9.3f ms/doc  %8.0f docs/s   (%d docs, sink %d)", name as NSString, perDoc * 1000, 1 / perDoc, documents, sink & 1))
    return perDoc
}

if textMode {
    print("\(files.count) text files, \(totalBytes / files.count) bytes on average, ~\(Int(seconds)) s per measurement, one core")
    _ = try measure("text → document model") { try TextReader.read($0).blocks.count }
    _ = try measure("gxconvert: → validated report → JSON") {
        ReportJSON.write(try Converter.report($0, path: "bench.txt")).utf8.count
    }
    exit(0)
}
print("\(files.count) DOCX files, \(totalBytes / files.count) bytes on average, ~\(Int(seconds)) s per measurement, one core")
let floor = try measure("floor: unzip + SAX parse") { try DocxReader.parseOnly($0) }
let read = try measure("docx → document model") { try DocxReader.read($0).blocks.count }
// The stages between reading and JSON, each measured from the start so the differences are their costs.
_ = try measure("  + report built (with SHA-256)") {
    let document = try DocxReader.read($0)
    return ReportBuilder.build(document, source: SourceInfo(format: .docx, path: "bench.docx", sha256: SHA256.hex($0))).tables.count
}
_ = try measure("  + validated") { try Converter.report($0, path: "bench.docx").diagnostics.count }
let full = try measure("gxconvert: → validated report → JSON") {
    ReportJSON.write(try Converter.report($0, path: "bench.docx")).utf8.count
}
print(String(format: "ratio reader / floor: %.2f×   full conversion / floor: %.2f×", read / floor, full / floor))
