import Foundation
import Testing
import GXTestSupport
import GXExport
import GXModel
import GXTemplate
import GXConvert

/// `Schemas/gxconvert.report-1.schema.json` describes the canonical JSON: every fixture's output
/// validates, and the validator is strict enough to catch a wrong type or a missing key.
@Suite struct SchemaTests {
    static let schemaURL = Fixtures.root.deletingLastPathComponent().appendingPathComponent("Schemas/gxconvert.report-1.schema.json")

    static func validator() throws -> SchemaValidator {
        try SchemaValidator(schema: try TestJSON.parse([UInt8](try Data(contentsOf: schemaURL))))
    }

    static func json(_ url: URL) throws -> TestJSON {
        try TestJSON.parse(ReportJSON.write(try ExportFixtures.report(url)))
    }

    @Test func schemaIsVersionedLikeTheJSON() throws {
        let schema = try TestJSON.parse([UInt8](try Data(contentsOf: Self.schemaURL)))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(schema["properties"]?["schema"]?["const"] == .string(ReportJSON.schema))
        #expect(Self.schemaURL.lastPathComponent == "gxconvert.report-1.schema.json", "file name carries the version")
    }

    @Test(arguments: ExportFixtures.all)
    func fixtureJSONValidates(_ url: URL) throws {
        let errors = try Self.validator().validate(try Self.json(url))
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(5))")
    }

    /// Every fixture of every reader — DOCX, HTML, exported and pdftotext text, OCR output with lost
    /// cells, other encodings — not only the DOCX ones.
    static let everyFixture: [URL] = ExportFixtures.all + Fixtures.files("html", ext: "html")
        + ["text", "text/ocr", "text/pdftotext", "text/encodings"].flatMap { Fixtures.files($0, ext: "txt") }

    @Test func everyReadersFixturesAreCovered() {
        #expect(Self.everyFixture.contains { $0.path.contains("/ocr/") })
        #expect(Self.everyFixture.contains { $0.pathExtension == "html" })
    }

    @Test(arguments: everyFixture)
    func everyFixtureOfEveryReaderValidates(_ url: URL) throws {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let errors = try Self.validator().validate(try TestJSON.parse(ReportJSON.write(report)))
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(5))")
    }

    /// PDF output: sources with `page` and `bbox`.
    @Test(arguments: Fixtures.files("pdf", ext: "pdf"))
    func pdfJSONValidates(_ url: URL) throws {
        let errors = try Self.validator().validate(try Self.json(url))
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(5))")
    }

    @Test func compactAndPrettyJSONAreTheSameDocument() throws {
        let report = try ExportFixtures.report(ExportFixtures.all[0])
        let pretty = try TestJSON.parse(ReportJSON.write(report, pretty: true))
        let compact = try TestJSON.parse(ReportJSON.write(report, pretty: false))
        #expect(pretty == compact)
    }

    @Test func wrongTypesAndMissingKeysFail() throws {
        let validator = try Self.validator()
        let good = try Self.json(ExportFixtures.all[0])
        #expect(validator.validate(good).isEmpty)

        let cases: [(String, TestJSON)] = [
            ("year as a string", good.setting("year", .string("2023"))),
            ("year as a decimal", good.setting("year", .number(2023.5, isInteger: false))),
            ("cells missing", good.setting("cells", nil)),
            ("schema renamed", good.setting("schema", .string("gxconvert.report/2"))),
            ("sections not an array", good.setting("sections", .object([]))),
            ("template variant unknown", good.setting("template", .object([("active_disclosure", .string("2020")),
                                                                           ("requests", .null), ("review_litigation", .null)]))),
            ("a value as text", good.setting("review_litigation", .object([
                ("review", .object(["upheld", "corrected", "other", "pending", "total"].map { ($0, TestJSON.string("0")) })),
                ("litigation_direct", good["review_litigation"]!["litigation_direct"]!),
                ("litigation_after_review", good["review_litigation"]!["litigation_after_review"]!)]))),
            ("an unknown row", good.setting("requests", .object([("invented_row", .object([]))]))),
            ("a cell without kind", good.setting("cells", .array([.object([("path", .string("requests.granted.total")),
                                                                           ("text", .string("1")), ("value", .number(1, isInteger: true)),
                                                                           ("source", .object([]))])]))),
            ("a cell with a bad kind", good.setting("cells", .array([.object([("path", .string("requests.granted.total")),
                                                                              ("text", .string("1")), ("kind", .string("zero")),
                                                                              ("value", .null), ("source", .object([]))])]))),
            ("a diagnostic with an unknown key", good.setting("diagnostics", .array([.object([
                ("code", .string("T3-BAL")), ("severity", .string("error")), ("message", .string("m")),
                ("paths", .array([])), ("oops", .bool(true))])]))),
        ]
        for (what, instance) in cases {
            #expect(!validator.validate(instance).isEmpty, "\(what) must not validate")
        }
    }

    @Test func validatorRefusesKeywordsItDoesNotEnforce() throws {
        #expect(throws: SchemaValidator.SchemaError.self) {
            _ = try SchemaValidator(schema: try TestJSON.parse(#"{"type": "object", "oneOf": [{"type": "string"}]}"#))
        }
        #expect(throws: SchemaValidator.SchemaError.self) {
            _ = try SchemaValidator(schema: try TestJSON.parse(##"{"$ref": "#/$defs/missing"}"##))
        }
    }

    /// The schema names every row and column key of the template, both variants.
    @Test func schemaListsEveryTemplateKey() throws {
        let schema = try TestJSON.parse([UInt8](try Data(contentsOf: Self.schemaURL)))
        func keys(_ json: TestJSON?) -> Set<String> {
            if case .object(let m)? = json { return Set(m.map(\.0)) }
            return []
        }
        let defs = schema["$defs"]
        for table in StandardTableKey.allCases {
            let rows = keys(schema["properties"]?[table.rawValue]?["properties"])
            let rowDef: String = table == .activeDisclosure ? "activeDisclosureRow" : table == .requests ? "requestsRow" : "reviewLitigationRow"
            let columns = keys(defs?[rowDef]?["properties"])
            for variant in [TemplateVariant.v2021, .v2019] {
                for (path, _) in Template.spec(table, variant).cellPaths {
                    #expect(rows.contains(path.row), "row \(path.row) of \(table.rawValue)")
                    #expect(columns.contains(path.column), "column \(path.column) of \(table.rawValue)")
                }
            }
        }
    }
}
