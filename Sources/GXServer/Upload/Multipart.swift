import Foundation
/// A small `multipart/form-data` reader (RFC 7578): enough for browsers' and curl's uploads, with
/// the part headers bounded. Parts are slices of the body already read within the limit.
enum Multipart {
    struct Part {
        var field: String?
        var filename: String?
        var body: [UInt8]
    }

    /// The `boundary` parameter of a Content-Type, unquoted; 1–70 characters as the RFC allows.
    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var start = find(delimiter, in: body, from: 0) else {
            throw APIError.request("the multipart body does not contain its boundary", parameter: "Content-Type")
        }
        var parts: [Part] = []
        start += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body.count >= start + 2, body[start] == 0x2D, body[start + 1] == 0x2D { return parts }
            guard body.count >= start + 2, body[start] == 0x0D, body[start + 1] == 0x0A else { throw malformed }
            let headerStart = start + 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: headerStart, within: 16 * 1024) else { throw malformed }
            guard let end = find(separator, in: body, from: headerEnd + 4) else { throw malformed }
            var part = Part(body: Array(body[(headerEnd + 4)..<end]))
            let headers = String(decoding: body[headerStart..<headerEnd], as: UTF8.self)
            for line in headers.split(separator: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                guard pair.count == 2, pair[0].lowercased() == "content-disposition" else { continue }
                for parameter in pair[1].split(separator: ";").dropFirst() {
                    let kv = parameter.split(separator: "=", maxSplits: 1)
                    guard kv.count == 2 else { continue }
                    var value = kv[1].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                    switch kv[0].trimmingCharacters(in: .whitespaces).lowercased() {
                    case "name": part.field = value
                    case "filename": part.filename = value
                    default: break
                    }
                }
            }
            parts.append(part)
            start = end + separator.count
        }
    }

    static var malformed: APIError { APIError.request("the multipart body is malformed", parameter: "Content-Type") }

    /// First index of `needle` in `haystack` at or after `from` (and starting before `from + within`).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, within: Int = .max) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = min(haystack.count - needle.count, from > Int.max - within ? Int.max : from + within)
        var i = from
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
