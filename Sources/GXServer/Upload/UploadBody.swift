import Foundation
import Hummingbird

/// One uploaded file: its bytes and the name it goes by (the `name` parameter, the multipart
/// part's filename, or `upload`). Never written to disk.
struct Upload: Sendable {
    var name: String
    var bytes: [UInt8]
}

enum UploadBody {
    /// The request body, read chunk by chunk and refused (413) as soon as it passes `limit`: a
    /// declared Content-Length over the limit is refused before reading anything, and a chunked
    /// body the moment the running total passes it, so an oversize upload is never buffered whole.
    static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.tooLarge(limit)
        }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw APIError.tooLarge(limit) }
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// The files of a request: the body itself (`application/octet-stream`, or no type) or the
    /// `file` parts of a `multipart/form-data` body. Each file must stay within `fileLimit`.
    static func files(_ request: Request, name: String?, fileLimit: Int, bodyLimit: Int, maxFiles: Int) async throws -> [Upload] {
        let type = request.headers[.contentType] ?? "application/octet-stream"
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "multipart/form-data":
            guard let boundary = Multipart.boundary(type) else {
                throw APIError.request("multipart/form-data without a boundary", parameter: "Content-Type")
            }
            let body = try await read(request, limit: bodyLimit)
            let parts = try Multipart.parse(body, boundary: boundary).filter { $0.field == "file" }
            guard !parts.isEmpty else { throw APIError.request("the multipart body has no part named \"file\"", parameter: "file") }
            guard parts.count <= maxFiles else {
                throw APIError.request("\(parts.count) files; at most \(maxFiles) in one request", parameter: "file")
            }
            return try parts.map { part in
                guard part.body.count <= fileLimit else { throw APIError.tooLarge(fileLimit) }
                return Upload(name: try UploadName.check(name ?? part.filename ?? "upload"), bytes: part.body)
            }
        case "application/octet-stream", "":
            let body = try await read(request, limit: fileLimit)
            return [Upload(name: try UploadName.check(name ?? "upload"), bytes: body)]
        default:
            throw APIError.request("Content-Type \(mediaType) is not accepted: send the file as application/octet-stream or multipart/form-data",
                                   parameter: "Content-Type")
        }
    }
}

/// The name an upload goes by. It is only ever a label (the report's `source.path`, the
/// download's file name): it never reaches the file system.
enum UploadName {
    static func check(_ name: String) throws -> String {
        guard !name.isEmpty, name.utf8.count <= 255 else {
            throw APIError.request("name must be 1 to 255 bytes", parameter: "name")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw APIError.request("name must not contain control characters", parameter: "name")
        }
        return name
    }

    /// `Content-Disposition` for a download named after the upload: the last path component with
    /// its extension swapped for the output's, as a plain ASCII fallback and RFC 8187 UTF-8.
    static func disposition(_ name: String, ext: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "report"
        var stem = last
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { stem = String(last[..<dot]) }
        let file = stem + "." + ext
        let ascii = String(file.unicodeScalars.map { s -> Character in
            s.isASCII && s != "\"" && s != "\\" && s.value >= 0x20 ? Character(s) : "_"
        })
        var encoded = ""
        for byte in file.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~".contains(c) {
                encoded.append(c)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
