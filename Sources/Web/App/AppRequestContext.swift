import Accounts
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// The per-request state shared by middleware and handlers.
public struct AppRequestContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<WebSession>
    public let remoteAddress: SocketAddress?
    /// Set by `ViewerMiddleware` from the session or an API token.
    public var viewer: Viewer?
    /// Set by `FormMiddleware` for URL-encoded POST bodies.
    public var form: FormData = FormData()
    /// Files of a multipart form, by field name.
    public var files: [String: MultipartForm.File] = [:]
    public var requestID: String = ""

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// Client address for throttling; the loopback address when unknown (tests).
    public var clientAddress: String { remoteAddress?.ipAddress ?? "local" }

    /// The CSRF token of this browser, creating an anonymous session if there is none yet.
    public func csrfToken() -> String {
        if let session = sessions.session { return session.csrfToken }
        let token = RandomToken.make()
        sessions.createSession(WebSession(userID: nil, csrfToken: token), expiresIn: .seconds(2 * 3600))
        return token
    }

    /// Reads and clears the one-time message.
    public func takeFlash() -> String? {
        guard var session = sessions.session, let flash = session.flash else { return nil }
        session.flash = nil
        _ = sessions.updateSession(session)
        return flash
    }

    public func setFlash(_ message: String) {
        guard var session = sessions.session else { return }
        session.flash = message
        _ = sessions.updateSession(session)
    }
}
