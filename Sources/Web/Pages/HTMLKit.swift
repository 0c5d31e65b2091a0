import Plot

/// Small helpers over Plot so that every user-supplied string is escaped, and forms are built the
/// same accessible way everywhere (label, hint, error linked by aria-describedby).
typealias BodyNode = Node<HTML.BodyContext>

extension Attribute {
    /// An attribute whose value is escaped (for elements with a typed context, like input).
    static func attr(_ name: String, _ value: String) -> Attribute { Attribute(name: name, value: HTMLText.escape(value), ignoreIfValueIsEmpty: false) }
}

extension Node {
    /// Escaped text (Plot leaves entities alone; user text must not be interpreted at all).
    static func text(escaping value: String) -> Node { .raw(HTMLText.escape(value)) }
    /// An attribute whose value is escaped.
    static func attr(_ name: String, _ value: String) -> Node { .attribute(named: name, value: HTMLText.escape(value), ignoreIfValueIsEmpty: false) }
}

enum Form {
    /// A form posting to `action` with the CSRF token.
    static func post(_ action: SiteURL, csrf: String, label: String? = nil, _ content: BodyNode...) -> BodyNode {
        .element(named: "form", nodes: [
            .attr("method", "post"), .attr("action", action.path),
            label.map { .attr("aria-label", $0) } ?? .empty,
            .input(.type(.hidden), .name("_csrf"), .attr("value", csrf)),
            .group(content),
        ])
    }

    /// A labelled input; `error` marks it invalid and is read by screen readers with the field.
    static func field(
        _ label: String, name: String, value: String = "", type: HTMLInputType = .text, error: String? = nil,
        hint: String? = nil, required: Bool = false, autocomplete: String? = nil, extra: [BodyNode] = []
    ) -> BodyNode {
        let id = "champ-\(name)"
        let described = [hint.map { _ in "\(id)-aide" }, error.map { _ in "\(id)-erreur" }].compactMap { $0 }.joined(separator: " ")
        var attributes: [BodyNode] = [.attr("type", type.rawValue), .attr("id", id), .attr("name", name)]
        if type != .password { attributes.append(.attr("value", value)) }
        if required { attributes.append(.attribute(named: "required", value: nil, ignoreIfValueIsEmpty: false)) }
        if let autocomplete { attributes.append(.attr("autocomplete", autocomplete)) }
        if !described.isEmpty { attributes.append(.attr("aria-describedby", described)) }
        if error != nil { attributes.append(.attr("aria-invalid", "true")) }
        let input: BodyNode = .element(named: "input", nodes: attributes + extra)
        return .div(.class(error == nil ? "field" : "field field-error"),
            labelNode(label, id: id, required: required),
            hintNode(hint, id: id),
            errorNode(error, id: id),
            input
        )
    }

    static func labelNode(_ label: String, id: String, required: Bool) -> BodyNode {
        let marker: BodyNode = required ? .span(.class("required"), " (obligatoire)") : .empty
        return .element(named: "label", nodes: [.attr("for", id), .text(escaping: label), marker])
    }

    static func hintNode(_ hint: String?, id: String) -> BodyNode {
        guard let hint else { return .empty }
        return .p(.class("hint"), .id("\(id)-aide"), .text(escaping: hint))
    }

    static func errorNode(_ error: String?, id: String) -> BodyNode {
        guard let error else { return .empty }
        return .p(.class("error-message"), .id("\(id)-erreur"), .text(escaping: error))
    }

    static func select(
        _ label: String, name: String, options: [(value: String, label: String)], selected: String?, error: String? = nil,
        required: Bool = false
    ) -> BodyNode {
        let id = "champ-\(name)"
        var attributes: [BodyNode] = [.attr("id", id), .attr("name", name)]
        if error != nil { attributes += [.attr("aria-describedby", "\(id)-erreur"), .attr("aria-invalid", "true")] }
        let optionNodes: [BodyNode] = options.map { option in
            let selectedNode: BodyNode = option.value == selected ? .attribute(named: "selected", value: nil, ignoreIfValueIsEmpty: false) : .empty
            return .element(named: "option", nodes: [.attr("value", option.value), selectedNode, .text(escaping: option.label)])
        }
        return .div(.class(error == nil ? "field" : "field field-error"),
            labelNode(label, id: id, required: required),
            errorNode(error, id: id),
            .element(named: "select", nodes: attributes + optionNodes)
        )
    }

    static func submit(_ label: String, secondary: Bool = false) -> BodyNode {
        .button(.type(.submit), .class(secondary ? "button secondary" : "button"), .text(escaping: label))
    }

    /// The summary at the top of a failed form, focusable so keyboard users land on it.
    static func errorSummary(_ errors: [String: String], order: [String]) -> BodyNode {
        guard !errors.isEmpty else { return .empty }
        // autofocus brings keyboard and screen-reader users straight to the list of errors, without JavaScript.
        return .div(.class("error-summary"), .attr("role", "alert"), .attr("tabindex", "-1"),
            .attribute(named: "autofocus", value: nil, ignoreIfValueIsEmpty: false),
            .h2("Le formulaire contient \(errors.count) erreur\(errors.count > 1 ? "s" : "")"),
            .ul(.group(order.compactMap { name in
                errors[name].map { message in .li(.a(.attr("href", "#champ-\(name)"), .text(escaping: message))) }
            }))
        )
    }
}
