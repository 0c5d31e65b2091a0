/// Plot escapes text but not attribute values, and leaves existing entities alone: everything a user
/// typed goes through here first. Attributes are always double-quoted, so `'` needs no escaping.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
