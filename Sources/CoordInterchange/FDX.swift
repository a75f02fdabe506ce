import CoordModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Final Draft XML screenplays (`.fdx`), read into scenes by the same rules as Fountain
/// (docs/SCRIPTS.md); a scene's `SceneProperties Length` is used when the file gives it.
public enum FDX {
    /// Reads the screenplay at `path` and plans its import into `model`.
    public static func plan(path: String, model: Model) throws(ImportError) -> ImportPlan {
        ScriptImport.plan(try parse(path: path), model: model)
    }

    /// The scenes of the screenplay at `path`.
    public static func parse(path: String) throws(ImportError) -> ScriptParse {
        try parse(bytes: ScriptFile.read(path), file: path)
    }

    /// The scenes of an FDX file's bytes; `file` names it in errors and notes.
    public static func parse(bytes: [UInt8], file: String) throws(ImportError) -> ScriptParse {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ImportError("\(file): the file is empty: no screenplay in it")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError("\(file): UTF-16 text: save it from Final Draft again, or convert it to UTF-8")
        }
        if bytes.contains(0) {
            let text = bytes.starts(with: [0x50, 0x4B]) ? " (a zip archive?)" : ""
            throw ImportError("\(file): not Final Draft XML: it holds binary data\(text)")
        }
        // Final Draft writes UTF-8; anything else is not its file (and trips XMLParser up).
        if let line = ScriptFile.firstNonUTF8Line(bytes) {
            throw ImportError("\(file):\(line): not Final Draft XML: not UTF-8 text (binary data?)")
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if reader.wrongRoot != nil || (!ok && !reader.sawRoot) {
            var what = reader.wrongRoot.map { " (it starts with <\($0)>)" } ?? ""
            if reader.wrongRoot == nil, let first = bytes.first(where: { $0 > 0x20 }), first != UInt8(ascii: "<") {
                what = " (plain text: a Fountain script? use `coord import fountain`)"
            }
            throw ImportError("\(file): not Final Draft XML: no <FinalDraft> element\(what)")
        }
        let lastLine = ScriptFile.line(of: bytes.count, in: bytes)
        if !ok {
            let line = reader.errorAt?.line ?? parser.lineNumber
            let column = reader.errorAt?.column ?? parser.columnNumber
            if reader.depth > 0 && line >= lastLine - 1 {
                throw ImportError("\(file):\(line): the file ends before </\(reader.openElement)> (it looks cut short)")
            }
            // The first error says what is wrong; later ones follow from it.
            let code = reader.errorAt != nil ? reader.errorCode : (parser.parserError as NSError?)?.code ?? 0
            if code == 1, Self.longestText(bytes) > 10_000_000 {
                // libxml2 stops at a text node over 10 MB with an "internal error": say what it means.
                throw ImportError("\(file):\(line): one text in the file is over 10 MB, more than the XML reader takes (is it really a screenplay?)")
            }
            throw ImportError("\(file):\(line):\(column): not well-formed XML: \(Self.describe(code))")
        }
        // Some XML parsers accept a document that stops part way; an element left open says so.
        if reader.depth > 0 {
            throw ImportError("\(file):\(lastLine): the file ends before </\(reader.openElement)> (it looks cut short)")
        }
        guard reader.sawRoot else { throw ImportError("\(file): not Final Draft XML: no <FinalDraft> element") }
        guard reader.sawContent else { throw ImportError("\(file): Final Draft XML with no <Content>: no screenplay in it") }
        guard reader.elements.contains(where: { $0.kind == .heading }) else {
            throw ImportError("\(file): no scene headings found (no <Paragraph Type=\"Scene Heading\">)")
        }
        var parse = ScriptBuilder.scenes(reader.elements, file: file)
        parse.notes = reader.notes.map { "\(file): \($0)" } + parse.notes
        return parse
    }

    /// libxml2's error numbers (as XMLParser reports them) in words.
    /// The longest run of bytes between two tags.
    static func longestText(_ bytes: [UInt8]) -> Int {
        var longest = 0, run = 0
        for b in bytes {
            if b == UInt8(ascii: "<") { longest = max(longest, run); run = 0 } else { run += 1 }
        }
        return max(longest, run)
    }

    static func describe(_ code: Int) -> String {
        switch code {
        case 5: return "something after the end of the document, or a tag closed in the wrong place"
        case 9: return "a character that XML does not allow"
        case 23: return "an entity (&...;) has no ';'"
        case 26: return "an entity (&...;) that XML does not know (write &amp; for &)"
        case 38: return "a '<' inside an attribute value"
        case 39, 40, 41: return "an attribute value is not in quotes (Name=\"value\")"
        case 42: return "an attribute is given twice"
        case 68: return "a name is missing (a bare '&' or '<' in the text? write &amp; and &lt;)"
        case 73: return "'>' is missing"
        case 76: return "an end tag does not match its start tag"
        case 77: return "a tag is not finished"
        default: return "XML error \(code)"
        }
    }

    /// Collects the typed paragraphs of `<FinalDraft><Content>` (those in `<DualDialogue>`
    /// too; the title page, scene properties and notes are not screenplay text).
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [ScriptElement] = []
        var notes: [String] = []
        var sawRoot = false, sawContent = false, anyElement = false
        var wrongRoot: String?
        var errorAt: (line: Int, column: Int)?
        var errorCode = 0
        var stack: [String] = []
        var depth: Int { stack.count }
        var openElement: String { stack.last ?? "FinalDraft" }

        /// The paragraph being read: its index in `stack`, type, attributes, text so far.
        private var para: (at: Int, type: String, number: String, line: Int, dual: Bool)?
        private var text = ""
        private var length: String?
        private var summary = ""
        private var dualDepth: Int?
        private var speakersInDual = 0
        private var unknownTypes = Set<String>()

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            anyElement = true
            if stack.isEmpty {
                guard name == "FinalDraft" else { wrongRoot = name; parser.abortParsing(); return }
                sawRoot = true
            }
            stack.append(name)
            let i = stack.count - 1
            if i == 1 && name == "Content" { sawContent = true }
            guard stack.count >= 2, stack[0] == "FinalDraft", stack[1] == "Content" else { return }
            switch name {
            case "DualDialogue":
                if para == nil { dualDepth = i; speakersInDual = 0 }
            case "Paragraph":
                // Screenplay paragraphs sit in Content, maybe inside an untyped Paragraph and DualDialogue.
                guard stack[2..<i].allSatisfy({ $0 == "Paragraph" || $0 == "DualDialogue" }) else { return }
                guard let type = attributes["Type"] else { return }
                var dual = false
                if dualDepth != nil && type == "Character" {
                    speakersInDual += 1
                    dual = speakersInDual > 1
                }
                para = (i, type, attributes["Number"] ?? "", parser.lineNumber, dual)
                text = ""; length = nil; summary = ""
            case "SceneProperties":
                if let p = para, i == p.at + 1 { length = attributes["Length"] }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if errorAt == nil {
                errorAt = (parser.lineNumber, parser.columnNumber)
                errorCode = (parseError as NSError).code
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let p = para, stack.last == "Text" else { return }
            // The Text runs directly inside the paragraph being read, and a heading's
            // SceneProperties > Summary (Final Draft's scene summary: the strip's synopsis).
            if stack.count == p.at + 2 {
                text += string
            } else if stack.count == p.at + 5, stack[p.at + 1] == "SceneProperties", stack[p.at + 2] == "Summary" {
                summary += string
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let i = stack.count - 1
            defer { stack.removeLast() }
            if let d = dualDepth, d == i { dualDepth = nil }
            if let p = para, name == "Paragraph", i == p.at + 3, stack[p.at + 2] == "Summary" { summary += " " }
            guard let p = para, p.at == i else { return }
            para = nil
            let t = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let trimmed = ScriptText.trimmed(t)
            switch p.type {
            case "Scene Heading":
                var e = ScriptElement(kind: .heading, text: ScriptText.collapse(trimmed), line: p.line, number: ScriptText.trimmed(p.number))
                if let length {
                    if case .success(let pages) = Pages.parse(length), pages.eighths > 0 {
                        e.statedEighths = pages.eighths
                    } else if !ScriptText.trimmed(length).isEmpty {
                        notes.append("line \(p.line): scene length '\(length)' is not a page count; counted from the text")
                    }
                }
                elements.append(e)
                let syn = ScriptText.collapse(summary)
                if !syn.isEmpty { elements.append(ScriptElement(kind: .synopsis, text: syn, line: p.line)) }
            case "Action", "Shot", "General", "Cast List":
                if !trimmed.isEmpty { elements.append(ScriptElement(kind: .action, text: trimmed, line: p.line)) }
            case "Character":
                elements.append(ScriptElement(kind: .character, text: trimmed, line: p.line, dual: p.dual))
            case "Dialogue":
                for l in trimmed.split(separator: "\n", omittingEmptySubsequences: false) {
                    elements.append(ScriptElement(kind: .dialogue, text: ScriptText.trimmed(l), line: p.line))
                }
            case "Parenthetical":
                elements.append(ScriptElement(kind: .parenthetical, text: trimmed, line: p.line))
            case "Transition":
                elements.append(ScriptElement(kind: .transition, text: trimmed, line: p.line))
            default:
                if !trimmed.isEmpty, unknownTypes.insert(p.type).inserted {
                    notes.append("line \(p.line): paragraphs of type '\(p.type)' are counted as action")
                }
                if !trimmed.isEmpty { elements.append(ScriptElement(kind: .action, text: trimmed, line: p.line)) }
            }
        }
    }
}
