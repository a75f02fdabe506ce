import CNcurses
import CoordUI
#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to curses: reads keys, and copies a finished Canvas to the
/// screen, touching only the cells that changed since the last frame.
final class Terminal {
    enum Read { case key(Key), mouse(MouseEvent), timeout, gone }

    private let screen: OpaquePointer
    private var previous: Canvas?
    private var pairs: [Int32: Int16] = [:]
    private let colours: Bool
    private var cursorShown = false
    /// True when clicks and the wheel are reported (the config's `mouse`, and a terminal that can).
    private(set) var mouse = false

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(useColour: Bool, mouse wantsMouse: Bool = true) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure(description: "not a terminal: coord needs one (in scripts use `coord do` and `coord check`)")
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased() != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        // newterm, not initscr: an unknown TERM returns NULL instead of exiting.
        guard let s = newterm(nil, coord_stdout(), coord_stdin()) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw Failure(description: "cannot start the terminal (TERM=\(term)); try TERM=xterm-256color")
        }
        screen = s
        set_term(s)
        raw()
        noecho()
        nonl()
        let win = coord_stdscr()
        keypad(win, true)
        // A table scrolled by a row is then sent as a scroll plus that row, not as every row again.
        idlok(win, true)
        set_escdelay(25)
        wtimeout(win, 200)
        curs_set(0)
        mouse = coord_mouse(wantsMouse)
        colours = useColour && has_colors()
        if colours {
            start_color()
            use_default_colors()
        }
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(coord_stdscr())), Int(getmaxy(coord_stdscr())))
    }

    func stop() {
        endwin()
        delscreen(screen)
    }

    /// The next key, a timeout (so signals are noticed), or the terminal hung up.
    func read() -> Read {
        var ch: wint_t = 0
        let r = wget_wch(coord_stdscr(), &ch)
        if r == ERR {
            return isatty(STDIN_FILENO) == 1 ? .timeout : .gone
        }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            case KEY_MOUSE:
                var x: Int32 = 0, y: Int32 = 0
                switch coord_mouse_event(&x, &y) {
                case 1: return .mouse(MouseEvent(x: Int(x), y: Int(y), .click))
                case 2: return .mouse(MouseEvent(x: Int(x), y: Int(y), .wheelUp))
                case 3: return .mouse(MouseEvent(x: Int(x), y: Int(y), .wheelDown))
                default: return .timeout
                }
            case KEY_RESIZE:
                previous = nil
                return .key(.resize)
            case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(Int32(ch) - KEY_F0)))
            default: return .timeout
            }
        }
        switch ch {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(ch + 96)!)))
        default:
            guard let u = Unicode.Scalar(ch), ch >= 32 else { return .timeout }
            return .key(.char(Character(u)))
        }
    }

    /// Paints the cells that differ from the last frame, then one refresh.
    /// `full` repaints everything and clears the screen first (Ctrl-L).
    func present(_ c: Canvas, full: Bool = false) {
        let win = coord_stdscr()
        let old = (previous?.width == c.width && previous?.height == c.height && !full) ? previous : nil
        if full { clearok(win, true) }
        for y in 0..<c.height {
            var x = 0
            while x < c.width {
                let cell = c[x, y]
                if cell.text.isEmpty { x += 1; continue }
                if let old, old[x, y] == cell { x += 1; continue }
                // Gather a run of changed cells in one style.
                var text = ""
                let start = x
                while x < c.width {
                    let k = c[x, y]
                    if k.style != cell.style { break }
                    if let old, old[x, y] == k, x > start { break }
                    text += k.text
                    x += 1
                }
                wattr_set(win, attributes(cell.style), pair(cell.style), nil)
                _ = mvwaddstr(win, Int32(y), Int32(start), text)
            }
        }
        wattr_set(win, coord_a_normal(), 0, nil)
        if let cur = c.cursor {
            leaveok(win, false)
            wmove(win, Int32(cur.y), Int32(cur.x))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else {
            // A hidden cursor may stay where the last change left it: no move back per frame.
            leaveok(win, true)
            if cursorShown { curs_set(0); cursorShown = false }
        }
        wnoutrefresh(win)
        doupdate()
        previous = c
    }

    private func attributes(_ s: Style) -> attr_t {
        var a = coord_a_normal()
        if s.bold { a |= coord_a_bold() }
        if s.reverse { a |= coord_a_reverse() }
        if s.underline { a |= coord_a_underline() }
        if s.dim { a |= coord_a_dim() }
        return a
    }

    private func pair(_ s: Style) -> Int16 {
        guard colours, s.fg != nil || s.bg != nil else { return 0 }
        let fg = Int16(s.fg?.rawValue ?? -1), bg = Int16(s.bg?.rawValue ?? -1)
        let key = Int32(fg + 1) << 8 | Int32(bg + 1)
        if let p = pairs[key] { return p }
        let p = Int16(pairs.count + 1)
        init_pair(p, fg, bg)
        pairs[key] = p
        return p
    }
}
