// swift-tools-version:6.1
import PackageDescription

// Layers, bottom to top: C shims → C wrappers (GXLibXML, GXZip, GXImaging) → model → template mapping → adapters → validation → export → pipeline → CLI.
let package = Package(
    name: "gxconvert",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gxconvert", targets: ["gxconvert"]),
        .library(name: "GXConvert", targets: ["GXConvert", "GXExport", "GXDocx", "GXTemplate", "GXValidation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP server behind `gxconvert serve` (GXServer only). Default traits off: they pull in
        // swift-configuration and Foundation-only extras the server does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // Already in Hummingbird's graph (nothing more to build): the shutdown order and the logger.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        // SHA-256 of every input (source.sha256), with the CPU's SHA instructions where it has them.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Scans: leptonica for images and morphology, libtesseract's C API for OCR.
        .systemLibrary(name: "CLeptonica", pkgConfig: "lept", providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev"])]),
        // poppler's GLib binding (the library behind pdftotext): words, boxes and font sizes of PDF pages.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // zlib's inflate: a PDF's compressed streams measured before poppler expands them.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The thin Swift wrapper over libxml2: one SAX parser for XML and HTML, one init, one
        // interned-name cache, and the writer. With GXZip, the only code that touches these libraries.
        .target(name: "GXLibXML", dependencies: ["CLibXML2"]),
        // The thin Swift wrapper over libzip: reader and writer.
        .target(name: "GXZip", dependencies: ["CLibZip"]),

        // The canonical model: document layer (what adapters produce) and report layer (what users get).
        .target(name: "GXModel"),
        // The national template: keys, labels, variants, and the document → report mapping.
        .target(name: "GXTemplate", dependencies: ["GXModel"]),
        // Adapters.
        .target(name: "GXDocx", dependencies: ["GXModel", "GXLibXML", "GXZip"]),
        // Exported, pdftotext and OCR text; rebuilds the standard tables with the template's help.
        .target(name: "GXText", dependencies: ["GXModel", "GXTemplate"]),
        // HTML pages (portal pages, Word/WPS "Save as HTML", LibreOffice exports).
        .target(name: "GXHTML", dependencies: ["GXModel", "GXTemplate", "GXLibXML"]),
        // The thin Swift wrapper over leptonica and libtesseract: the only unsafe code of the scan path.
        .target(name: "GXImaging", dependencies: ["CLeptonica", "CTesseract"]),
        // Scanned reports: page images through OCR, tables from their ruling lines.
        .target(name: "GXScan", dependencies: ["GXModel", "GXTemplate", "GXImaging"]),
        // Born-digital PDFs: words by position on the page, laid out and read into the same document model.
        .target(name: "GXPDF", dependencies: ["GXModel", "GXTemplate", "GXText", "CPoppler", "CZlib"]),
        // Checks on the report model only.
        .target(name: "GXValidation", dependencies: ["GXModel", "GXTemplate"]),
        // Writers from the report model only (JSON, CSV, Markdown, HTML, DOCX via libxml2's writer and libzip, text).
        .target(name: "GXExport", dependencies: ["GXModel", "GXTemplate", "GXLibXML", "GXZip"]),
        // Sniff → adapter → report → validate → export.
        .target(name: "GXConvert", dependencies: ["GXModel", "GXTemplate", "GXDocx", "GXText", "GXHTML", "GXPDF", "GXScan", "GXValidation", "GXExport", "CLibCrypto"]),
        // Many inputs on many workers, in a deterministic order, resumable.
        .target(name: "GXBatch", dependencies: ["GXConvert", "GXExport", "GXValidation", "GXTemplate", "GXModel"]),
        // `gxconvert serve`: the upload API and the page a portal runs, over GXConvert/GXExport.
        .target(name: "GXServer", dependencies: [
            "GXConvert", "GXExport", "GXValidation", "GXModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "gxconvert", dependencies: [
            "GXConvert", "GXBatch", "GXModel", "GXScan", "GXServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "gxbench", dependencies: ["GXConvert", "GXDocx", "GXText", "GXTemplate", "GXModel", "GXExport", "CLibXML2"], path: "Tools/bench/Sources/gxbench"),

        // Shared by the test targets: fixture paths and temporary folders.
        .target(name: "GXTestSupport", path: "Tests/Support"),
        .testTarget(name: "GXModelTests", dependencies: ["GXModel"]),
        .testTarget(name: "GXTemplateTests", dependencies: ["GXTemplate", "GXModel"]),
        .testTarget(name: "GXValidationTests", dependencies: ["GXValidation", "GXTemplate", "GXModel"]),
        .testTarget(name: "GXDocxTests", dependencies: ["GXDocx", "GXModel", "CLibZip"]),
        .testTarget(name: "GXTextTests", dependencies: ["GXText", "GXTemplate", "GXModel", "GXValidation", "GXTestSupport"]),
        .testTarget(name: "GXHTMLTests", dependencies: ["GXHTML", "GXTemplate", "GXModel"]),
        .testTarget(name: "GXScanTests", dependencies: ["GXScan", "GXImaging", "GXModel", "GXTestSupport"]),
        .testTarget(name: "GXPDFTests", dependencies: ["GXPDF", "GXTemplate", "GXModel", "GXTestSupport"]),
        .testTarget(name: "GXBatchTests", dependencies: ["GXBatch", "GXConvert", "GXExport", "GXModel", "GXTestSupport"]),
        .testTarget(name: "GXServerTests", dependencies: [
            "GXServer", "GXConvert", "GXExport", "GXModel", "GXTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "GXConvertTests", dependencies: ["GXConvert", "GXExport", "GXValidation", "GXTemplate", "GXModel",
                                                         "GXDocx", "CLibXML2", "CLibZip", "GXTestSupport"]),
    ]
)

// The AddressSanitizer pass of Tools/test.sh builds with GX_NO_SERVER=1: the package without
// GXServer, its tests and `gxconvert serve`, so it does not compile swift-nio, BoringSSL and
// AsyncHTTPClient under ASan (minutes of CI for code that is not ours). The pass exists for the
// C libraries we drive (libxml2, libzip, poppler…); GXServer is plain Swift over the same
// GXConvert/GXExport calls the pass does test, and the plain build runs all of its tests.
if Context.environment["GX_NO_SERVER"] != nil {
    package.targets.removeAll { $0.name == "GXServer" || $0.name == "GXServerTests" }
    for target in package.targets where target.name == "gxconvert" {
        target.dependencies.removeAll {
            if case .byNameItem(name: "GXServer", _) = $0 { return true }
            if case .productItem(name: "Logging", _, _, _) = $0 { return true }
            return false
        }
        target.swiftSettings = (target.swiftSettings ?? []) + [.define("GX_NO_SERVER")]
    }
}
