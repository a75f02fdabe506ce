// Short constructors so each record's field table reads like a form.

typealias Path<R, V> = WritableKeyPath<R, V> & Sendable

func info(_ key: String, _ label: String, _ kind: FieldKind, required: Bool = false,
          default d: String? = nil, aliases: [String] = [], help: String = "") -> FieldInfo {
    FieldInfo(key: key, aliases: aliases, label: label, kind: kind, required: required, defaultText: d, help: help)
}

extension FieldSpec {
    /// Text-like fields (text, choices, codes, refs) stored as a String.
    static func string(_ i: FieldInfo, _ path: Path<R, String>) -> FieldSpec<R> {
        FieldSpec(info: i,
                  get: { r in let s = r[keyPath: path]; return s.isEmpty ? .empty : .text(s) },
                  set: { r, v in r[keyPath: path] = v.journalText })
    }
    static func money(_ i: FieldInfo, _ path: Path<R, Money?>) -> FieldSpec<R> {
        FieldSpec(info: i,
                  get: { r in r[keyPath: path].map(FieldValue.money) ?? .empty },
                  set: { r, v in if case .money(let m) = v { r[keyPath: path] = m } else { r[keyPath: path] = nil } })
    }
    static func date(_ i: FieldInfo, _ path: Path<R, CalendarDate?>) -> FieldSpec<R> {
        FieldSpec(info: i,
                  get: { r in r[keyPath: path].map(FieldValue.date) ?? .empty },
                  set: { r, v in if case .date(let d) = v { r[keyPath: path] = d } else { r[keyPath: path] = nil } })
    }
    static func time(_ i: FieldInfo, _ path: Path<R, TimeOfDay?>) -> FieldSpec<R> {
        FieldSpec(info: i,
                  get: { r in r[keyPath: path].map(FieldValue.time) ?? .empty },
                  set: { r, v in if case .time(let t) = v { r[keyPath: path] = t } else { r[keyPath: path] = nil } })
    }
    static func pages(_ i: FieldInfo, _ path: Path<R, Pages>) -> FieldSpec<R> {
        FieldSpec(info: i,
                  get: { r in .pages(r[keyPath: path]) },
                  set: { r, v in if case .pages(let p) = v { r[keyPath: path] = p } else { r[keyPath: path] = Pages(eighths: 0) } })
    }
}
