import Foundation
import Hummingbird

/// RFC 9457 problem details, the error format of the whole API.
struct Problem: Codable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?

    init(_ error: AppError, instance: String?) {
        type = "about:blank"
        title = error.title
        status = Int(error.status.code)
        detail = error.detail
        self.instance = instance
    }

    func response() -> Response {
        let data = (try? JSONEncoder().encode(self)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
        if status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
