/// The eight terminal colours; `nil` in a Style means the terminal's own.
public enum TermColor: Int, Sendable, Hashable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Sendable, Hashable {
    public var fg: TermColor?
    public var bg: TermColor?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public init(fg: TermColor? = nil, bg: TermColor? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }
    public static let plain = Style()

    /// The same style in another foreground colour (a row's colour carried onto its marker).
    public func with(fg: TermColor?) -> Style {
        var s = self
        s.fg = fg
        return s
    }
}

/// What each part of the screen looks like. Colours only as foreground accents, so it reads
/// on dark and light terminals alike; the selection is a marker and one reversed cell.
public struct Theme: Sendable {
    public var text = Style.plain
    public var tab = Style.plain
    public var tabActive = Style(bold: true, reverse: true)
    public var alert = Style(fg: .red, bold: true)
    public var warn = Style(fg: .yellow, bold: true)
    public var header = Style(bold: true, underline: true)
    public var group = Style(fg: .cyan, bold: true)
    /// A focused form field.
    public var selected = Style(reverse: true)
    /// The selected row: a marker in the left margin, and its first cell reversed (the row's colour kept).
    public var marker = Style(bold: true)
    public var selectedCell = Style(bold: true, reverse: true)
    public var dim = Style(dim: true)
    public var status = Style(reverse: true)
    public var ok = Style(fg: .green)
    public var error = Style(fg: .red, bold: true)
    public var label = Style(bold: true)
    public var input = Style(underline: true)
    /// Text a `/` search or `:find` matched.
    public var match = Style(fg: .black, bg: .yellow)
    public var frame = Style.plain
    // Strip colours as stripboards print them: INT/DAY white, EXT/DAY yellow,
    // INT/NIGHT blue, EXT/NIGHT green.
    public var intDay = Style.plain
    public var extDay = Style(fg: .yellow)
    public var intNight = Style(fg: .blue, bold: true)
    public var extNight = Style(fg: .green)

    public static let colour = Theme()

    /// The themes by name, in the order `t` cycles them.
    public static let names = ["colour", "light", "monochrome"]
    public static let defaultName = "colour"
    public static func named(_ name: String) -> Theme? {
        switch canonicalName(name) {
        case "colour": return .colour
        case "light": return .light
        case "monochrome": return .monochrome
        default: return nil
        }
    }
    /// `color`, `mono` and any case are understood.
    public static func canonicalName(_ name: String) -> String? {
        switch name.lowercased() {
        case "colour", "color": return "colour"
        case "light": return "light"
        case "monochrome", "mono": return "monochrome"
        default: return nil
        }
    }

    /// For light backgrounds, where yellow, green and cyan text fade: strips become bands of
    /// background colour, as a printed stripboard has them, and warnings turn magenta.
    public static let light: Theme = {
        var t = Theme()
        t.warn = Style(fg: .magenta, bold: true)
        // Cyan day headings wash out on white.
        t.group = Style(fg: .blue, bold: true)
        t.ok = Style(fg: .blue)
        t.extDay = Style(fg: .black, bg: .yellow)
        t.intNight = Style(fg: .white, bg: .blue)
        t.extNight = Style(fg: .black, bg: .green)
        return t
    }()

    /// NO_COLOR and monochrome terminals: bold, underline and reverse only.
    public static let monochrome: Theme = {
        var t = Theme()
        t.alert = Style(bold: true)
        t.warn = Style(bold: true)
        t.group = Style(bold: true)
        t.ok = Style.plain
        t.error = Style(bold: true)
        t.match = Style(reverse: true)
        // The same four kinds of strip without colour: EXT bold, NIGHT underlined.
        t.extDay = Style(bold: true)
        t.intNight = Style(underline: true)
        t.extNight = Style(bold: true, underline: true)
        return t
    }()
}
