import Foundation

/// A `multipart/form-data` body (RFC 7578): text fields and uploaded files. Small and strict: parts
/// must have a Content-Disposition with a name; anything malformed yields nil.
public struct MultipartForm: Sendable {
    public struct File: Sendable, Equatable {
        public let fileName: String
        public let contentType: String?
        public let data: Data
    }

    public var fields: [(name: String, value: String)] = []
    public var files: [String: File] = [:]

    public init?(body: Data, contentType: String) {
        guard let boundaryRange = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...].prefix { $0 != ";" })
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Data] = []
        var searchStart = body.startIndex
        var previous: Range<Data.Index>?
        while let found = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            if let previous { parts.append(body[previous.upperBound..<found.lowerBound]) }
            previous = found
            searchStart = found.upperBound
        }
        guard !parts.isEmpty else { return nil }
        let separator = Data("\r\n\r\n".utf8)
        for var part in parts {
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.count >= 2, part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            guard let split = part.range(of: separator) else { return nil }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            let content = Data(part[split.upperBound...])
            var name: String?, fileName: String?, type: String?
            for line in headers.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = Self.parameter("name", in: String(line))
                    fileName = Self.parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { return nil }
            if let fileName {
                files[name] = File(fileName: fileName, contentType: type, data: content)
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\(key)=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
