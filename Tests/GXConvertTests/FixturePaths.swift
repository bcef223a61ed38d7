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
}
