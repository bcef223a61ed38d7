import Foundation

/// The repository's Fixtures folder, found from this file so tests run from any directory.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func files(_ folder: String, ext: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// `X.expected.json` beside `X.docx`: the values written by hand from the source text.
    static func expectation(for url: URL) throws -> [String: Any] {
        let path = url.deletingPathExtension().appendingPathExtension("expected.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
    }

    /// Text made by a tool from `Fixtures/docx/<name>.docx` (`<name>.layout.txt`, `<name>.r200.txt`):
    /// its expected values are the DOCX's, with the overrides `Fixtures/text/derived-overrides.json` documents.
    static func derivedExpectation(for url: URL) throws -> ReportExpectation {
        let name = String(url.lastPathComponent.split(separator: ".")[0])
        let docx = root.appendingPathComponent("docx/\(name).expected.json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: docx)) as! [String: Any]
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("text/derived-overrides.json")))
            as! [String: [String: Any]]
        var expectation = ReportExpectation(expected: expected, checkBookmarks: false, ignoreSpaceInParagraphs: true)
        if let o = all[name] {
            expectation.cellOverrides = o["cells"] as? [String: String] ?? [:]
            expectation.checkDate = o["check_date"] as? Bool ?? true
        }
        return expectation
    }

    static func docxSource(for url: URL) -> URL {
        root.appendingPathComponent("docx/\(url.lastPathComponent.split(separator: ".")[0]).docx")
    }
}
