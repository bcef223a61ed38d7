// swift-tools-version:5.3
// libFuzzer targets for gxconvert's readers. Tools-version 5.x with plain targets holding main.swift
// is the layout that links with `-sanitize=fuzzer` (a tools-6 executableTarget does not).
// Build and run with Tools/fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "GXFuzz",
    dependencies: [.package(name: "gxconvert", path: "../..")],
    targets: [
        .target(name: "FuzzCommon", dependencies: [.product(name: "GXConvert", package: "gxconvert")]),
        .target(name: "FuzzDocx", dependencies: ["FuzzCommon"]),
        .target(name: "FuzzHTML", dependencies: ["FuzzCommon"]),
        .target(name: "FuzzText", dependencies: ["FuzzCommon"]),
        .target(name: "FuzzWordML", dependencies: ["FuzzCommon"]),
        // PDFs: the zlib stream budget, poppler and the positioned-word layout.
        .target(name: "FuzzPDF", dependencies: ["FuzzCommon"]),
        // Synthetic report models with extreme values through the validator and every writer.
        .target(name: "FuzzModel", dependencies: ["FuzzCommon"]),
    ]
)
