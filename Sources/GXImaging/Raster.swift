import CLeptonica

/// A rectangle in pixels of a page image, origin top left.
public struct PixelBox: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The box shrunk by `d` on every side (never below one pixel).
    public func inset(by d: Int) -> PixelBox {
        PixelBox(x: x + d, y: y + d, width: max(1, width - 2 * d), height: max(1, height - 2 * d))
    }
}

/// What an image file says about itself before it is decoded: enough to refuse a zero-size or
/// enormous page without allocating it.
public struct ImageHeader: Sendable {
    public enum Kind: Sendable { case png, jpeg, tiff, other }
    public var kind: Kind
    public var width: Int
    public var height: Int
    public var bitsPerPixel: Int
}

/// A leptonica image (`PIX`), owned: freed when the last reference goes. Every call into
/// leptonica for the scan reader lives in this module, so the reader's logic holds no pointers.
public final class Raster: @unchecked Sendable {
    let pix: UnsafeMutablePointer<PIX>

    init?(_ pix: UnsafeMutablePointer<PIX>?) {
        guard let pix else { return nil }
        self.pix = pix
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&p)
    }

    /// Leptonica writes its own error lines to stderr; the reader reports coded errors instead.
    public static func silenceLibraryMessages() {
        _ = setMsgSeverity(6) // L_SEVERITY_NONE
    }

    public var width: Int { Int(pixGetWidth(pix)) }
    public var height: Int { Int(pixGetHeight(pix)) }
    public var depth: Int { Int(pixGetDepth(pix)) }

    /// The header of an encoded image in memory, or nil when leptonica cannot read one.
    public static func header(of bytes: [UInt8]) -> ImageHeader? {
        var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
        let ok = bytes.withUnsafeBufferPointer { buf in
            pixReadHeaderMem(buf.baseAddress, buf.count, &format, &w, &h, &bps, &spp, &cmap) == 0
        }
        guard ok else { return nil }
        let kind: ImageHeader.Kind
        switch format {
        case Int32(IFF_PNG): kind = .png
        case Int32(IFF_JFIF_JPEG): kind = .jpeg
        case Int32(IFF_TIFF), Int32(IFF_TIFF_G4), Int32(IFF_TIFF_G3), Int32(IFF_TIFF_LZW),
             Int32(IFF_TIFF_ZIP), Int32(IFF_TIFF_PACKBITS), Int32(IFF_TIFF_RLE),
             Int32(IFF_TIFF_JPEG):
            kind = .tiff
        default: kind = .other
        }
        return ImageHeader(kind: kind, width: Int(w), height: Int(h), bitsPerPixel: Int(bps * spp))
    }

    /// Decodes a single-image file (PNG, JPEG, the first page of a TIFF).
    public static func decode(_ bytes: [UInt8]) -> Raster? {
        bytes.withUnsafeBufferPointer { Raster(pixReadMem($0.baseAddress, $0.count)) }
    }

    /// Width and height of page `n` (0-based) of a TIFF, read from its directory; nil past the last page.
    public static func tiffPageSize(_ bytes: [UInt8], page n: Int) -> (width: Int, height: Int)? {
        var w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, res: Int32 = 0, cmap: Int32 = 0, format: Int32 = 0
        let ok = bytes.withUnsafeBufferPointer {
            readHeaderMemTiff($0.baseAddress, $0.count, Int32(n), &w, &h, &bps, &spp, &res, &cmap, &format) == 0
        }
        return ok ? (Int(w), Int(h)) : nil
    }

    /// Decodes page `n` (0-based) of a TIFF.
    public static func decodeTIFF(_ bytes: [UInt8], page n: Int) -> Raster? {
        bytes.withUnsafeBufferPointer { Raster(pixReadMemTiff($0.baseAddress, $0.count, Int32(n))) }
    }

    /// 8-bit gray (colour maps removed, colour averaged).
    public func gray8() -> Raster? { depth == 8 && pixGetColormap(pix) == nil ? self : Raster(pixConvertTo8(pix, 0)) }

    /// 1-bit foreground (ink = 1) after flattening the background, so uneven light and grey
    /// paper threshold the same as a clean white page.
    public func binarized() -> Raster? {
        guard let g = gray8() else { return nil }
        if let norm = Raster(pixBackgroundNormSimple(g.pix, nil, nil)) {
            return Raster(pixConvertTo1(norm.pix, 170))
        }
        return Raster(pixConvertTo1(g.pix, 160))
    }

    /// The page's skew in degrees (positive: text rises to the right) and leptonica's confidence
    /// in it; nil when it cannot tell.
    public func skew() -> (degrees: Double, confidence: Double)? {
        var angle: Float = 0, conf: Float = 0
        guard pixFindSkewSweepAndSearch(pix, &angle, &conf, 4, 2, 3.0, 0.1, 0.01) == 0 else { return nil }
        return (Double(angle), Double(conf))
    }

    /// The image rotated about its centre, the corners brought in white; same size.
    public func rotated(degrees: Double) -> Raster? {
        Raster(pixRotate(pix, Float(degrees * .pi / 180), Int32(L_ROTATE_AREA_MAP),
                         Int32(L_BRING_IN_WHITE), 0, 0))
    }

    /// A leptonica morphology sequence (`"o120.1"`: open with a 120×1 brick), on a 1-bit image.
    public func morph(_ sequence: String) -> Raster? {
        Raster(pixMorphSequence(pix, sequence, 0))
    }

    public func union(_ other: Raster) -> Raster? { Raster(pixOr(nil, pix, other.pix)) }
    public func inverted() -> Raster? { Raster(pixInvert(nil, pix)) }

    /// Bounding boxes of the connected components of a 1-bit image (4- or 8-connected).
    public func components(connectivity: Int) -> [PixelBox] {
        var boxa: UnsafeMutablePointer<BOXA>? = pixConnCompBB(pix, Int32(connectivity))
        guard let found = boxa else { return [] }
        defer { boxaDestroy(&boxa) }
        return Raster.boxes(found)
    }

    static func box(_ b: PixelBox) -> UnsafeMutablePointer<BOX>? {
        boxCreate(Int32(b.x), Int32(b.y), Int32(b.width), Int32(b.height))
    }

    static func boxes(_ boxa: UnsafeMutablePointer<BOXA>) -> [PixelBox] {
        let n = Int(boxaGetCount(boxa))
        var result: [PixelBox] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            guard boxaGetBoxGeometry(boxa, Int32(i), &x, &y, &w, &h) == 0 else { continue }
            result.append(PixelBox(x: Int(x), y: Int(y), width: Int(w), height: Int(h)))
        }
        return result
    }

    /// Set pixels (ink) inside a box of a 1-bit image.
    public func count(in box: PixelBox) -> Int {
        var b = Raster.box(box)
        guard b != nil else { return 0 }
        defer { boxDestroy(&b) }
        var n: Int32 = 0
        guard pixCountPixelsInRect(pix, b, &n, nil) == 0 else { return 0 }
        return Int(n)
    }

    /// A copy with the boxes painted white (8-bit) or cleared (1-bit): text outside tables only.
    public func erasing(_ boxes: [PixelBox]) -> Raster? {
        guard let copy = Raster(pixCopy(nil, pix)) else { return nil }
        for box in boxes {
            var b = Raster.box(box)
            guard b != nil else { continue }
            if depth == 1 { pixClearInRect(copy.pix, b) } else { pixSetInRect(copy.pix, b) }
            boxDestroy(&b)
        }
        return copy
    }
}

extension Raster {
    /// The part of the image inside `box` (clipped to the image).
    public func clipped(_ box: PixelBox) -> Raster? {
        var b = Raster.box(box)
        guard b != nil else { return nil }
        defer { boxDestroy(&b) }
        return Raster(pixClipRectangle(pix, b, nil))
    }

    /// The part of the image inside `box` with a white border of `border` pixels around it.
    public func clipped(_ box: PixelBox, border: Int) -> Raster? {
        guard let part = clipped(box) else { return nil }
        guard border > 0 else { return part }
        let white: UInt32 = depth == 1 ? 0 : (depth >= 32 ? 0xFFFF_FF00 : (1 << UInt32(depth)) - 1)
        return Raster(pixAddBorder(part.pix, Int32(border), white))
    }
}

extension Raster {
    /// An 8-bit gray image from row-major samples, `width` bytes a row (a rendered PDF page).
    public static func gray(width: Int, height: Int, samples: [UInt8]) -> Raster? {
        guard width > 0, height > 0, samples.count >= width * height,
              let raster = Raster(pixCreate(Int32(width), Int32(height), 8)), let data = pixGetData(raster.pix) else { return nil }
        let wpl = Int(pixGetWpl(raster.pix))
        samples.withUnsafeBufferPointer { s in
            for y in 0..<height {
                let line = data + y * wpl
                let row = y * width
                var x = 0
                // leptonica keeps 8-bit samples big-endian within each 32-bit word.
                while x + 4 <= width {
                    line[x >> 2] = UInt32(s[row + x]) << 24 | UInt32(s[row + x + 1]) << 16 | UInt32(s[row + x + 2]) << 8 | UInt32(s[row + x + 3])
                    x += 4
                }
                if x < width {
                    var word: UInt32 = 0
                    for k in 0..<(width - x) { word |= UInt32(s[row + x + k]) << UInt32(24 - 8 * k) }
                    line[x >> 2] = word
                }
            }
        }
        return raster
    }
}
