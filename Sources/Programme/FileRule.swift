/// What an uploaded document must be: an allowed extension whose content really is of that kind (a
/// renamed executable is not a PDF), and no larger than the field allows.
public enum FileRule {
    public static let defaultTypes = ["pdf", "jpg", "jpeg", "png", "odt", "ods", "docx", "xlsx"]

    public static func check(filename: String, size: Int, leadingBytes: [UInt8], field: FormField) -> String? {
        let allowed = (field.allowedTypes ?? defaultTypes).map { $0.lowercased() }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard filename.contains("."), allowed.contains(ext) else {
            return "Type de fichier refusé : formats acceptés \(allowed.joined(separator: ", "))."
        }
        if size == 0 { return "Le fichier est vide." }
        if size > field.effectiveMaxBytes {
            return "Fichier trop lourd : \(megabytes(size)) pour \(megabytes(field.effectiveMaxBytes)) au plus."
        }
        guard matches(ext: ext, leadingBytes) else { return "Le contenu du fichier ne correspond pas à un fichier .\(ext)." }
        return nil
    }

    static func matches(ext: String, _ bytes: [UInt8]) -> Bool {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        switch ext {
        case "pdf": return starts(Array("%PDF-".utf8))
        case "png": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "jpg", "jpeg": return starts([0xFF, 0xD8, 0xFF])
        case "odt", "ods", "odp", "docx", "xlsx", "pptx", "zip": return starts([0x50, 0x4B, 0x03, 0x04])
        case "txt", "csv": return !bytes.contains(0)
        default: return true
        }
    }

    public static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_048_576 { return "\(max(1, (bytes + 1023) / 1024)) Ko" }
        let value = Double(bytes) / 1_048_576
        return FrenchNumber.format((value * 10).rounded() / 10) + " Mo"
    }
}
