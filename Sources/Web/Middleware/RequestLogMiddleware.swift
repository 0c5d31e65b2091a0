import Foundation
import Hummingbird
import Logging
import Prometheus

/// Outermost middleware: gives each request an id (kept from `X-Request-Id` when sane), logs one
/// structured line per request and feeds the Prometheus request counters.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry
    static var requests: MetricNameDescriptor { MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "Requêtes HTTP reçues") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "Durée de traitement des requêtes") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let given = request.headers[.init("X-Request-Id")!] ?? ""
        let requestID = given.count <= 64 && !given.isEmpty && given.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            ? given : context.id
        context.requestID = requestID
        context.logger[metadataKey: "request_id"] = .string(requestID)
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware turns every error into a response; this is the last safety net.
            context.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
            response = Response(status: .internalServerError)
        }
        response.headers[.init("X-Request-Id")!] = requestID
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path), "route": .string(route),
            "status": .stringConvertible(response.status.code), "duration_ms": .string(String(format: "%.2f", seconds * 1000)),
            "user_id": context.viewer.map { .stringConvertible($0.userID) } ?? "-",
        ])
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration, labels: [("route", route)],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5)]
        ).recordNanoseconds(Int64(seconds * 1e9))
        return response
    }
}
