/// The currencies Coord knows by symbol. Any other ISO code works, written as its code.
public enum Currency {
    static let symbols: [String: String] = [
        "GBP": "£", "EUR": "€", "JPY": "¥",
        "USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "SGD": "$", "HKD": "$",
    ]

    /// `£`, `$`, `€`, or the code and a space.
    public static func symbol(_ code: String) -> String { symbols[code] ?? code + " " }

    /// Whether a symbol or code typed with an amount names the currency `code`.
    public static func matches(_ typed: String, _ code: String) -> Bool {
        typed == code || symbols[code] == typed
    }
}
