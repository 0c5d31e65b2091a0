import Foundation
import Hummingbird
import NIOFoundationCompat

/// Reads URL-encoded form bodies once (bounded) into `context.form`, and refuses any state-changing
/// request of the site whose `_csrf` field does not match the session's token.
/// API requests are authenticated by bearer token, never by cookie, so they need no CSRF token.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Where a dossier form sent after its session expired is kept until its author signs in again.
    let drafts: AnswerStash?

    init(drafts: AnswerStash? = nil) { self.drafts = drafts }
    static let maximumFormBytes = 256 * 1024
    /// Uploads (the comité's directory imports) may be larger.
    static let maximumUploadBytes = 20 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete,
              !request.uri.path.hasPrefix("/api/")
        else { return try await next(request, context) }
        var request = request
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        let isMultipart = contentType.hasPrefix("multipart/form-data")
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: isMultipart ? Self.maximumUploadBytes : Self.maximumFormBytes) } catch { throw AppError.tooLarge }
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            context.form = FormData(encoded: String(buffer: body))
        } else if isMultipart {
            guard let multipart = MultipartForm(body: Data(buffer: body), contentType: contentType) else {
                throw AppError.badRequest("Envoi de fichier mal formé.")
            }
            context.form = FormData(fields: multipart.fields)
            context.files = multipart.files
        }
        guard let expected = context.sessions.session?.csrfToken, let sent = context.form["_csrf"],
              RandomToken.constantTimeEquals(expected, sent)
        else {
            // A dossier typed for an hour must not be lost to an expired session: keep the text and send
            // the person to sign in; the dossier page offers it back, unsaved, for them to check and save.
            if context.sessions.session?.userID == nil, let drafts, let dossierID = AnswerStash.dossierID(path: request.uri.path) {
                let key = try await drafts.keep(context.form, dossierID: dossierID)
                return .seeOther(SiteURL.signIn(returnTo: "/dossiers/\(dossierID)?reprise=\(key)").path)
            }
            throw AppError.csrf
        }
        return try await next(request, context)
    }
}
