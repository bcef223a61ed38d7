import CLibXML2

/// Serialises an `XMLElement` tree through libxml2's `xmlTextWriter` into UTF-8 bytes, with the
/// standalone XML declaration OOXML parts carry. No indentation: the same tree gives the same
/// bytes. Every libxml2 pointer is created, used and freed inside `serialize`.
public enum XMLWriter {
    /// Why libxml2's writer failed (allocation, or a write it refused), in words.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func serialize(_ root: XMLElement) throws(Failure) -> [UInt8] {
        LibXML.initialised
        guard let buffer = xmlBufferCreate() else { throw Failure(message: "cannot allocate an XML buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw Failure(message: "cannot create the XML writer") }
        var freed = false
        defer { if !freed { xmlFreeTextWriter(writer) } }

        func call(_ strings: [String], _ body: ([UnsafePointer<xmlChar>]) -> Int32) -> Bool {
            // NUL-terminated UTF-8 copies that live for the duration of the call.
            let arrays = strings.map { Array($0.xmlSafe.utf8) + [0] }
            func nest(_ i: Int, _ pointers: [UnsafePointer<xmlChar>]) -> Int32 {
                if i == arrays.count { return body(pointers) }
                return arrays[i].withUnsafeBufferPointer { nest(i + 1, pointers + [$0.baseAddress!]) }
            }
            return nest(0, []) >= 0
        }

        func emit(_ element: XMLElement) -> Bool {
            guard call([element.name], { xmlTextWriterStartElement(writer, $0[0]) }) else { return false }
            for (name, value) in element.attributes {
                guard call([name, value], { xmlTextWriterWriteAttribute(writer, $0[0], $0[1]) }) else { return false }
            }
            for child in element.children {
                switch child {
                case .element(let e): guard emit(e) else { return false }
                case .text(let t): guard call([t], { xmlTextWriterWriteString(writer, $0[0]) }) else { return false }
                }
            }
            return xmlTextWriterEndElement(writer) >= 0
        }

        guard xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes") >= 0, emit(root),
              xmlTextWriterEndDocument(writer) >= 0 else {
            throw Failure(message: "libxml2's writer failed")
        }
        xmlFreeTextWriter(writer)  // flushes into the buffer
        freed = true
        guard let content = xmlBufferContent(buffer) else { throw Failure(message: "the XML buffer is empty") }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
