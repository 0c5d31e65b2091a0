import Hummingbird

/// Reads URL-encoded form bodies once (bounded) into `context.form`, and refuses any state-changing
/// request of the site whose `_csrf` field does not match the session's token.
/// API requests are authenticated by bearer token, never by cookie, so they need no CSRF token.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let maximumFormBytes = 256 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete,
              !request.uri.path.hasPrefix("/api/")
        else { return try await next(request, context) }
        var request = request
        var context = context
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: Self.maximumFormBytes) } catch { throw AppError.tooLarge }
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") ?? false {
            context.form = FormData(encoded: String(buffer: body))
        }
        guard let expected = context.sessions.session?.csrfToken, let sent = context.form["_csrf"],
              RandomToken.constantTimeEquals(expected, sent)
        else { throw AppError.csrf }
        return try await next(request, context)
    }
}
