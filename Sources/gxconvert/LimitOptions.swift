import GXModel
import ArgumentParser

/// The safety limits as flags, shared by every command. Defaults are the ones in README.md.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-mb"), help: "Largest input file, in MiB.")
    var maxInputMB: Int = ReadLimits.standard.maxInputBytes >> 20

    @Option(name: .customLong("max-part-mb"), help: "Largest uncompressed DOCX part, in MiB.")
    var maxPartMB: Int = ReadLimits.standard.maxPartBytes >> 20

    @Option(name: .customLong("max-total-mb"), help: "Most uncompressed bytes read from one package, in MiB.")
    var maxTotalMB: Int = ReadLimits.standard.maxTotalBytes >> 20

    @Option(name: .customLong("max-zip-entries"), help: "Most entries in a zip.")
    var maxZipEntries: Int = ReadLimits.standard.maxZipEntries

    @Option(name: .customLong("max-ratio"), help: "Highest compression ratio of a part over 1 MiB.")
    var maxRatio: Int = ReadLimits.standard.maxCompressionRatio

    @Option(name: .customLong("max-xml-depth"), help: "Deepest XML element nesting.")
    var maxXMLDepth: Int = ReadLimits.standard.maxXMLDepth

    @Option(name: .customLong("max-xml-elements"), help: "Most XML elements in one part.")
    var maxXMLElements: Int = ReadLimits.standard.maxXMLElements

    @Option(name: .customLong("max-table-columns"), help: "Widest table grid (and widest cell span).")
    var maxTableColumns: Int = ReadLimits.standard.maxTableColumns

    @Option(name: .customLong("max-table-rows"), help: "Most rows in one table.")
    var maxTableRows: Int = ReadLimits.standard.maxTableRows

    @Option(name: .customLong("max-pdf-pages"), help: "Most pages in a PDF.")
    var maxPDFPages: Int = ReadLimits.standard.maxPDFPages

    @Option(name: .customLong("max-pdf-objects"), help: "Most objects a PDF may declare.")
    var maxPDFObjects: Int = ReadLimits.standard.maxPDFObjects

    @Option(name: .customLong("max-pdf-stream-mb"), help: "Largest inflated PDF stream other than page content, in MiB.")
    var maxPDFStreamMB: Int = ReadLimits.standard.maxPDFStreamBytes >> 20

    @Option(name: .customLong("max-text-lines"), help: "Most lines of a text input.")
    var maxTextLines: Int = ReadLimits.standard.maxTextLines

    @Option(name: .customLong("max-xml-attributes"), help: "Most attributes of one XML or HTML start tag.")
    var maxXMLAttributes: Int = ReadLimits.standard.maxAttributesPerElement

    @Option(name: .customLong("time-budget"), help: "Seconds one document may take to read (0 or inf: no budget).")
    var timeBudget: Double = 0

    func validate() throws {
        for (name, value) in [("max-input-mb", maxInputMB), ("max-part-mb", maxPartMB), ("max-total-mb", maxTotalMB),
                              ("max-zip-entries", maxZipEntries), ("max-ratio", maxRatio), ("max-xml-depth", maxXMLDepth),
                              ("max-xml-elements", maxXMLElements), ("max-table-columns", maxTableColumns),
                              ("max-table-rows", maxTableRows), ("max-pdf-pages", maxPDFPages),
                              ("max-text-lines", maxTextLines), ("max-xml-attributes", maxXMLAttributes),
                              ("max-pdf-objects", maxPDFObjects), ("max-pdf-stream-mb", maxPDFStreamMB)] where value < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
        if maxInputMB > 4096 || maxPartMB > 4096 || maxPDFStreamMB > 4096 || maxTotalMB > 16384 { throw ValidationError("a size limit over 4 GiB is not a limit") }
        if timeBudget.isNaN || timeBudget < 0 { throw ValidationError("--time-budget must be a number of seconds, not negative") }
    }

    var readLimits: ReadLimits {
        var l = ReadLimits()
        l.maxInputBytes = maxInputMB << 20
        l.maxPartBytes = maxPartMB << 20
        l.maxTotalBytes = maxTotalMB << 20
        l.maxZipEntries = maxZipEntries
        l.maxCompressionRatio = maxRatio
        l.maxXMLDepth = maxXMLDepth
        l.maxXMLElements = maxXMLElements
        l.maxTableColumns = maxTableColumns
        l.maxTableRows = maxTableRows
        l.maxTextLines = maxTextLines
        l.maxAttributesPerElement = maxXMLAttributes
        l.maxPDFPages = maxPDFPages
        l.maxPDFObjects = maxPDFObjects
        l.maxPDFStreamBytes = maxPDFStreamMB << 20
        l.timeBudget = Self.budget(seconds: timeBudget)
        return l
    }

    /// The flag as a duration without a trapping conversion: 0 is none (batch then sets its own
    /// default), `inf` or more than a year is none that batch keeps, anything else to the millisecond.
    static func budget(seconds: Double) -> Duration? {
        guard seconds > 0 else { return nil }
        guard seconds.isFinite, seconds < Self.noBudget else { return .seconds(Int(Self.noBudget)) }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    /// A budget this long is no budget, and still adds to a clock reading without overflow.
    static let noBudget: Double = 366 * 24 * 3600
}
