import CZlib
import GXModel

/// poppler inflates a page's content stream whole, with no ceiling: a few hundred KiB of zeros can
/// become gigabytes. Before poppler sees the file, every Flate stream that is not an image (text
/// extraction never decodes images) is inflated here into a scratch buffer and only counted, and
/// the file is refused past `maxPDFStreamBytes` for one stream or `maxTotalBytes` for all.
enum StreamBudget {
    static func check(_ bytes: [UInt8], limits: ReadLimits) throws {
        let keyword = Array("stream".utf8)
        var total = 0
        var from = 0
        while let at = ByteSearch.firstIndex(of: keyword, in: bytes, from: from) {
            from = at + keyword.count
            // `endstream` also contains the keyword; the data starts after the end of line.
            if at >= 3, bytes[at - 3] == 0x65, bytes[at - 2] == 0x6E, bytes[at - 1] == 0x64 { continue }
            var start = from
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            guard start < bytes.count, bytes[start] == 0x0A || bytes[start - 1] == 0x0D else { continue }
            start += bytes[start] == 0x0A ? 1 : 0
            let dictionary = String(decoding: bytes[max(0, at - 1024)..<at], as: UTF8.self)
            let own = dictionary.split(separator: "obj", omittingEmptySubsequences: false).last.map(String.init) ?? dictionary
            guard own.contains("/FlateDecode"), !own.contains("/Image") else { continue }
            let size = inflatedSize(bytes, from: start, ceiling: limits.maxPDFStreamBytes + 1)
            if size > limits.maxPDFStreamBytes {
                throw GXError(.limit, "a compressed stream of the PDF expands past \(limits.maxPDFStreamBytes) bytes",
                              hint: "a report's page content is far smaller; the file is crafted or damaged")
            }
            total += size
            if total > limits.maxTotalBytes {
                throw GXError(.limit, "the PDF's compressed streams expand past \(limits.maxTotalBytes) bytes in all")
            }
        }
    }

    /// Bytes the zlib stream at `from` inflates to, stopping at its end, at bad data, or once past `ceiling`.
    static func inflatedSize(_ bytes: [UInt8], from: Int, ceiling: Int) -> Int {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return 0 }
        defer { inflateEnd(&stream) }
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var produced = 0
        bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + from)
            stream.avail_in = uInt(input.count - from)
            scratch.withUnsafeMutableBufferPointer { out in
                while produced <= ceiling {
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += out.count - Int(stream.avail_out)
                    if status != Z_OK { break }
                }
            }
        }
        return produced
    }
}
