import Foundation
import GXModel

/// Reads an existing batch output to find which inputs are done. A record cut off by a kill (a last
/// line with no newline, or — for csv-long — the last input's possibly incomplete rows) is removed
/// first, so that input is simply converted again.
enum ResumeIndex {
    static func prepare(_ path: String, format: BatchFormat) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var bytes = [UInt8](data)
        // Drop a partial last line.
        if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastNewline + 1)...) } else { bytes = [] }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) }
        if format.header != nil, !lines.isEmpty { lines.removeFirst() }
        var done: [String] = []
        for line in lines {
            switch format {
            case .jsonl:
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
                if let source = object["source"] as? [String: Any], let file = source["path"] as? String { done.append(file) }
            case .csvWide, .csvLong:
                done.append(firstField(line))
            }
        }
        if format == .csvLong, let last = done.last {
            // Rows of the last input may be incomplete: drop them all and convert it again.
            var keep = lines.count
            while keep > 0, firstField(lines[keep - 1]) == last { keep -= 1 }
            let headerLines = format.header != nil ? 1 : 0
            let kept = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(headerLines + keep)
            bytes = kept.isEmpty ? [] : Array(kept.joined(separator: [0x0A])) + [0x0A]
            done.removeAll { $0 == last }
        }
        guard FileManager.default.createFile(atPath: path + ".gxtmp-resume", contents: Data(bytes)),
              rename(path + ".gxtmp-resume", path) == 0 else {
            throw GXError(.output, "cannot rewrite the output to resume", file: path)
        }
        return Set(done)
    }

    /// The first CSV field of a line, unquoted.
    static func firstField(_ line: [UInt8]) -> String {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        guard text.first == "\"" else { return String(text.prefix { $0 != "," }) }
        var out = ""
        var i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let ch = text[i]
            if ch == "\"" {
                let next = text.index(after: i)
                if next < text.endIndex, text[next] == "\"" { out.append("\""); i = text.index(after: next); continue }
                break
            }
            out.append(ch)
            i = text.index(after: i)
        }
        return out
    }
}
