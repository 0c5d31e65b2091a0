/// A call's application form: sections of typed fields. It is data (JSON written by the comité), so a
/// new wave's questions need no release. A published version never changes; dossiers keep theirs.
public struct FormDefinition: Sendable, Hashable, Codable {
    public var sections: [FormSection]

    public init(sections: [FormSection]) { self.sections = sections }

    public var fields: [FormField] { sections.flatMap(\.fields) }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }
}

public struct FormSection: Sendable, Hashable, Codable {
    public var title: String
    public var help: String?
    public var fields: [FormField]

    public init(title: String, help: String? = nil, fields: [FormField]) {
        self.title = title
        self.help = help
        self.fields = fields
    }
}

public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    case shortText = "texte_court"
    case longText = "texte_long"
    case number = "nombre"
    case amount = "montant"
    case date
    case singleChoice = "choix_unique"
    case multipleChoice = "choix_multiples"
    case yesNo = "oui_non"
    case siret
    case commune
    case email
    case phone = "telephone"
    case url
    case file = "fichier"
    case group = "groupe"

    public var label: String {
        switch self {
        case .shortText: "Texte court"
        case .longText: "Texte long"
        case .number: "Nombre"
        case .amount: "Montant en euros"
        case .date: "Date"
        case .singleChoice: "Choix unique"
        case .multipleChoice: "Choix multiples"
        case .yesNo: "Oui / non"
        case .siret: "SIRET"
        case .commune: "Commune"
        case .email: "Adresse e-mail"
        case .phone: "Téléphone"
        case .url: "Adresse web"
        case .file: "Fichier"
        case .group: "Groupe répétable"
        }
    }
}

/// Show a field only when another field of the same form has one of the given answers.
public struct FieldCondition: Sendable, Hashable, Codable {
    public var field: String
    public var equals: [String]

    public init(field: String, equals: [String]) {
        self.field = field
        self.equals = equals
    }
}

public struct FormField: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var type: FieldType
    public var required: Bool
    public var help: String?
    public var maxLength: Int?
    public var minLength: Int?
    public var min: Double?
    public var max: Double?
    public var options: [String]?
    /// File extensions, lower case without dot ("pdf").
    public var allowedTypes: [String]?
    public var maxBytes: Int?
    /// The columns of a repeatable group; groups do not nest and hold no files.
    public var fields: [FormField]?
    public var minRows: Int?
    public var maxRows: Int?
    public var showIf: FieldCondition?

    public init(key: String, label: String, type: FieldType, required: Bool = false, help: String? = nil,
                maxLength: Int? = nil, minLength: Int? = nil, min: Double? = nil, max: Double? = nil,
                options: [String]? = nil, allowedTypes: [String]? = nil, maxBytes: Int? = nil,
                fields: [FormField]? = nil, minRows: Int? = nil, maxRows: Int? = nil, showIf: FieldCondition? = nil) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
        self.help = help
        self.maxLength = maxLength
        self.minLength = minLength
        self.min = min
        self.max = max
        self.options = options
        self.allowedTypes = allowedTypes
        self.maxBytes = maxBytes
        self.fields = fields
        self.minRows = minRows
        self.maxRows = maxRows
        self.showIf = showIf
    }

    enum CodingKeys: String, CodingKey {
        case key, label, type, required, help, options, fields
        case maxLength = "max_length", minLength = "min_length", min, max
        case allowedTypes = "allowed_types", maxBytes = "max_bytes", minRows = "min_rows", maxRows = "max_rows", showIf = "show_if"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decode(String.self, forKey: .label)
        type = try c.decode(FieldType.self, forKey: .type)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        help = try c.decodeIfPresent(String.self, forKey: .help)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        minLength = try c.decodeIfPresent(Int.self, forKey: .minLength)
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        max = try c.decodeIfPresent(Double.self, forKey: .max)
        options = try c.decodeIfPresent([String].self, forKey: .options)
        allowedTypes = try c.decodeIfPresent([String].self, forKey: .allowedTypes)
        maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes)
        fields = try c.decodeIfPresent([FormField].self, forKey: .fields)
        minRows = try c.decodeIfPresent(Int.self, forKey: .minRows)
        maxRows = try c.decodeIfPresent(Int.self, forKey: .maxRows)
        showIf = try c.decodeIfPresent(FieldCondition.self, forKey: .showIf)
    }

    /// Limits a field has even when the comité sets none, so no answer is unbounded.
    public var effectiveMaxLength: Int { maxLength ?? (type == .longText ? 5_000 : 300) }
    public var effectiveMaxBytes: Int { maxBytes ?? 10 * 1024 * 1024 }
    public var effectiveMaxRows: Int { maxRows ?? 50 }
}
