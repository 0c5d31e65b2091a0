import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Territory
import TestSupport
import Web

/// A test harness: the real application on a fresh database, seeded with the demo when asked.
enum TestApp {
    static let territory: TerritoryReference = {
        do { return try TerritoryReference.loadBundled() } catch { fatalError("territory reference: \(error)") }
    }()

    static var configuration: AppConfiguration {
        var configuration = AppConfiguration(logLevel: .critical, bcryptCost: 4)
        configuration.loginAttemptsPerAddress = 5
        return configuration
    }

    /// Runs `body` with a browser on a fresh application; the database is closed afterwards.
    static func run(
        demo: Bool = true, configuration: AppConfiguration = TestApp.configuration, clock: TestClock? = nil,
        _ body: @escaping @Sendable (Browser, AppServices) async throws -> Void
    ) async throws {
        let database = try await TestDatabase.make()
        let services = clock.map { clock in AppServices(database: database, territory: territory, clock: { clock.now }) }
            ?? AppServices(database: database, territory: territory)
        if demo { try await DemoSeeder(services: services, bcryptCost: 4).seedIfEmpty() }
        let app = try buildApplication(configuration, services: services)
        do {
            try await app.test(.router) { client in
                try await body(Browser(client: client), services)
            }
        } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
    }
}

/// A clock the test moves, to stand one second before or after a deadline.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func set(_ date: Date) { lock.withLock { current = date } }
}

/// Keeps cookies between requests and reads CSRF tokens from pages, as a browser would.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let body: String
        let headers: HTTPFields
        var location: String? { headers[.location] }
        /// The CSRF token of the first form on the page.
        var csrf: String? {
            guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body.utf8)) }
    }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; adds the CSRF token read from `tokenFrom` (a page path) unless `csrf` is given.
    @discardableResult
    func post(_ path: String, form: [(String, String)], csrf: String? = nil, tokenFrom: String? = nil) async throws -> Page {
        var token = csrf
        if token == nil { token = try await get(tokenFrom ?? path).csrf }
        var fields = form
        if let token { fields.append(("_csrf", token)) }
        let encoded = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: encoded)
    }

    /// Posts a multipart form (text fields and files given as text), with the CSRF token of `tokenFrom`.
    @discardableResult
    func postMultipart(_ path: String, fields: [(String, String)], files: [(field: String, name: String, content: String)] = [], tokenFrom: String? = nil) async throws -> Page {
        let token = try await get(tokenFrom ?? path).csrf ?? ""
        let boundary = "----fabriques-test-boundary"
        var body = ""
        for (name, value) in fields + [("_csrf", token)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    func signIn(_ email: String, _ password: String) async throws -> Page {
        try await post("/connexion", form: [("email", email), ("password", password)])
    }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: String?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if header.contains("Max-Age=0") || pair[1].isEmpty { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return Page(status: response.status, body: String(buffer: response.body), headers: response.headers)
    }

    func forgetCookies() { cookies = [:] }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
