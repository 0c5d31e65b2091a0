import Foundation
import Plot
import Programme
import Storage
import Territory

/// One dossier, for whoever may read it: the applicant's form or receipt, the timeline, the thread, and
/// for reviewers the annotations, the scoring grid and the actions.
enum DossierPage {
    struct Model {
        var access: DossierAccess
        var call: StoredCall
        var form: FormDefinition
        var answers: DossierAnswers
        var errors: [String: String] = [:]
        var actionError: String?
        var files: [StoredFile]
        var events: [DossierEvent]
        var messages: [DossierNote]
        var annotations: [DossierNote]
        var reviews: [DossierReview]
        var now: Date
        var csrfToken: String
        var territory: TerritoryReference
        /// Answers sent while the session had expired, shown back but not yet saved.
        var recovered = false
        /// Why the draft, as answered now, could not be submitted to this call.
        var eligibility: [String] = []
        var dossier: Dossier { access.dossier }
        var wave: Wave? { call.wave(dossier.waveID) }
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let d = model.dossier
        return Layout.render(layout,
            .p(.a(.href(model.access.isOwner ? SiteURL.dossiers.path : SiteURL.review().path), "← Retour à la liste")),
            .h1(.text(escaping: d.title)),
            .p(.class("lead"), .text(escaping: "Dossier \(d.number) · \(model.call.settings.title) · \(model.wave?.name ?? "")"), " ",
               .span(.class("badge state-\(d.state.rawValue)"), .text(escaping: d.state.label))),
            deadline(model),
            model.eligibility.isEmpty || !model.access.canEditAnswers ? .empty : .div(.class("notice notice-error"), .attr("id", "eligibilite"),
                .p(.strong("Éligibilité : ce dossier ne pourra pas être déposé tel quel.")),
                .ul(.group(model.eligibility.map { .li(.text(escaping: $0)) }))),
            decision(model),
            model.actionError.map { .div(.class("error-summary"), .attr("role", "alert"), .attr("tabindex", "-1"),
                                         .attribute(named: "autofocus", value: nil, ignoreIfValueIsEmpty: false), .p(.text(escaping: $0))) } ?? .empty,
            model.recovered ? .div(.class("notice"), .attr("role", "status"),
                .p(.strong("Votre session avait expiré : les réponses que vous aviez envoyées sont reprises ci-dessous."), " ",
                   "Elles ne sont pas encore enregistrées : vérifiez-les, joignez à nouveau vos fichiers si besoin, puis enregistrez.")) : .empty,
            model.access.canEditAnswers ? editor(model) : .group([
                receipt(model),
                .section(.h2("Réponses"), .group(DossierFormView.readOnly(model.form, answers: model.answers, files: model.files, dossierID: d.id, territory: model.territory))),
                .p(.a(.href(SiteURL.printDossier(d.id).path), "Version imprimable")),
            ]),
            model.access.isReviewer || model.access.isExpert ? DossierReviewPanel.render(model) : .empty,
            thread(model),
            timeline(model)
        )
    }

    static func deadline(_ model: Model) -> BodyNode {
        guard let wave = model.wave, model.dossier.state == .draft else { return .empty }
        let left = wave.timeLeft(at: model.now)
        return .div(.class(left == nil ? "notice notice-error" : "notice"), .attr("id", "echeance"),
            .p(.strong(.text(escaping: "Clôture de la vague : \(ParisCalendar.format(wave.closesAt)) (heure de Paris).")), " ",
               .text(escaping: left.map { "Il reste \($0)." } ?? "La vague est close : ce dossier ne peut plus être déposé.")),
            .p(.class("hint"), .text(escaping: "Horloge du serveur au chargement de la page : \(ParisCalendar.format(model.now, seconds: true)). Seule cette horloge fait foi : un dossier est reçu s'il est déposé avant l'instant de clôture.")))
    }

    static func receipt(_ model: Model) -> BodyNode {
        guard let submitted = model.dossier.submittedAt else { return .empty }
        return .div(.class("notice notice-success"), .attr("id", "recepisse"),
            .h2("Récépissé de dépôt"),
            .p(.text(escaping: "Dossier \(model.dossier.number) déposé le \(ParisCalendar.format(submitted.date, seconds: true)) (heure de Paris), sur la version \(model.call.forms.first { $0.id == model.dossier.formVersionID }?.version ?? 1) du formulaire.")))
    }

    static func decision(_ model: Model) -> BodyNode {
        let d = model.dossier
        guard d.state.isFinal else { return .empty }
        let shared = model.reviews.compactMap { review in review.sharedComment.flatMap { $0.isEmpty ? nil : (review, $0) } }
        return .section(.class("notice decision"), .attr("aria-labelledby", "titre-decision"),
            .h2(.id("titre-decision"), .text(escaping: "Décision : \(d.state.label)")),
            .p(.text(escaping: "Le \(d.decidedAt.map { ParisCalendar.format($0.date) } ?? "").")),
            .h3("Motifs"), .p(.text(escaping: d.decisionReason ?? "")),
            shared.isEmpty ? .empty : .group([.h3("Avis des instructeurs"),
                .ul(.group(shared.map { review, comment in .li(.text(escaping: "\(review.opinion?.label ?? "Avis") : \(comment)")) }))]))
    }

    static func editor(_ model: Model) -> BodyNode {
        let d = model.dossier
        let order = model.form.fields.flatMap { field -> [String] in
            [field.key] + (field.fields ?? []).flatMap { column in (0..<50).map { "\(field.key).\($0).\(column.key)" } }
        }
        let submitAction: DossierAction = d.state == .correctionRequested ? .resubmit : .submit
        return .group([
            Form.errorSummary(model.errors, order: order),
            .element(named: "form", nodes: [
                .attr("method", "post"), .attr("action", SiteURL.dossier(d.id).path), .attr("enctype", "multipart/form-data"),
                .attr("class", "dossier-form"), .attr("data-autosave", "1"), .attr("aria-label", "Formulaire du dossier"),
                .input(.type(.hidden), .name("_csrf"), .attr("value", model.csrfToken)),
                .group(DossierFormView.editable(model.form, answers: model.answers, errors: model.errors, files: model.files)),
                .div(.class("actions"),
                     .button(.type(.submit), .name("action"), .value("enregistrer"), .class("button secondary"), "Enregistrer le brouillon"),
                     .button(.type(.submit), .name("action"), .value(submitAction.rawValue), .class("button"), .text(escaping: submitAction.label))),
                .p(.class("hint"), "Tout ce que vous tapez est enregistré, même si le dossier contient encore des erreurs. Le dépôt vérifie le dossier complet."),
            ]),
            .script(.raw(autosaveScript)),
        ])
    }

    static func thread(_ model: Model) -> BodyNode {
        let d = model.dossier
        guard d.state != .draft else { return .empty }
        return .section(.attr("aria-labelledby", "titre-messages"),
            .h2(.id("titre-messages"), "Messages entre le porteur et l'instruction"),
            model.messages.isEmpty ? .p(.class("muted"), "Aucun message.") : .ol(.class("thread"), .group(model.messages.map { note in
                .li(.p(.strong(.text(escaping: note.authorName)), .text(escaping: " · \(ParisCalendar.format(note.at.date))")), .p(.text(escaping: note.body)))
            })),
            model.access.isOwner || model.access.isReviewer ? Form.post(.dossierNote(d.id), csrf: model.csrfToken, label: "Écrire un message",
                .input(.type(.hidden), .name("type"), .value("message")),
                .div(.class("field"), .element(named: "label", nodes: [.attr("for", "champ-message"), "Votre message"]),
                     .element(named: "textarea", nodes: [.attr("id", "champ-message"), .attr("name", "texte"), .attr("rows", "3"), .attr("required", "required")])),
                Form.submit("Envoyer le message", secondary: true)) : .empty)
    }

    static func timeline(_ model: Model) -> BodyNode {
        .section(.attr("aria-labelledby", "titre-historique"),
            .h2(.id("titre-historique"), "Historique du dossier"),
            .ol(.class("timeline"), .group(model.events.map { event in
                let to = DossierState(rawValue: event.to)?.label ?? event.to
                let label = event.action == "creer" ? "Création du brouillon" : (DossierAction(rawValue: event.action)?.label ?? event.action)
                return .li(.p(.strong(.text(escaping: label)), .text(escaping: " → \(to)")),
                           .p(.class("hint"), .text(escaping: "\(ParisCalendar.format(event.at.date, seconds: true)) · \(event.actorName ?? "système")")),
                           event.reason.map { .p(.text(escaping: "Motif : \($0)")) } ?? .empty)
            })))
    }

    /// Progressive enhancement: conditional questions hide themselves, and the draft saves itself a few
    /// seconds after each change, so a closed tab or an expired session loses nothing.
    static let autosaveScript = """
    (function(){var f=document.querySelector('form[data-autosave]');if(!f||!window.fetch)return;
    function sync(){document.querySelectorAll('[data-show-if]').forEach(function(el){var src=f.querySelectorAll('[name="f_'+el.dataset.showIf+'"]');var vals=el.dataset.showValues.split('|');var on=false;src.forEach(function(s){if((s.type==='radio'||s.type==='checkbox')?s.checked&&vals.indexOf(s.value)>=0:vals.indexOf(s.value)>=0)on=true;});el.hidden=!on;});}
    sync();var t=null;var st=document.createElement('p');st.className='hint';st.setAttribute('role','status');f.appendChild(st);
    f.addEventListener('change',function(e){sync();if(e.target.type==='file')return;clearTimeout(t);t=setTimeout(function(){var d=new FormData(f);d.set('action','enregistrer');d.set('auto','1');f.querySelectorAll('input[type=file]').forEach(function(i){d.delete(i.name);});
    fetch(f.getAttribute('action'),{method:'POST',body:d,credentials:'same-origin'}).then(function(r){st.textContent=r.ok?'Brouillon enregistré automatiquement.':'Enregistrement automatique impossible : utilisez le bouton Enregistrer.';});},1500);});})();
    """
}
