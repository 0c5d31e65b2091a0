/// What an applicant typed, kept exactly as typed (a draft may be invalid; nothing is thrown away).
/// JSON form: a string for one value, an array of strings for multiple choices, an array of objects for
/// the rows of a repeatable group. A file field holds the id of the stored file as text.
public enum AnswerValue: Sendable, Hashable, Codable {
    case text(String)
    case choices([String])
    case rows([[String: String]])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) { self = .text(text) }
        else if let choices = try? container.decode([String].self) { self = .choices(choices) }
        else { self = .rows(try container.decode([[String: String]].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .choices(let choices): try container.encode(choices)
        case .rows(let rows): try container.encode(rows)
        }
    }

    public var text: String {
        switch self {
        case .text(let text): text
        case .choices(let choices): choices.joined(separator: ", ")
        case .rows(let rows): "\(rows.count) ligne(s)"
        }
    }

    public var isBlank: Bool {
        switch self {
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .choices(let choices): choices.isEmpty
        case .rows(let rows): rows.allSatisfy { $0.values.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        }
    }
}

public typealias DossierAnswers = [String: AnswerValue]

extension FormDefinition {
    /// Whether `field` is shown for these answers: hidden fields are neither required nor checked.
    public func isVisible(_ field: FormField, answers: DossierAnswers) -> Bool {
        guard let condition = field.showIf else { return true }
        guard let source = self.field(condition.field), isVisible(source, answers: answers) else { return false }
        switch answers[condition.field] {
        case .text(let value)?: return condition.equals.contains(value)
        case .choices(let values)?: return values.contains(where: condition.equals.contains)
        default: return false
        }
    }
}
