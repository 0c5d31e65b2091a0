import Foundation
import Territory

extension FranceMap {
    /// The same map framed on several départements (a région).
    func zoomed(onAll codes: [String]) -> FranceMap {
        guard codes.count > 1 else { return codes.first.map(zoomed(on:)) ?? self }
        let boxes = codes.map(zoomed(on:)).map(\.viewBox).filter { $0.2 < 999 }
        guard let minX = boxes.map(\.0).min(), let minY = boxes.map(\.1).min(),
              let maxX = boxes.map({ $0.0 + $0.2 }).max(), let maxY = boxes.map({ $0.1 + $0.3 }).max() else { return self }
        return reframed((minX, minY, maxX - minX, maxY - minY))
    }

    /// Départements filled by a colour each (a choropleth), with points on top (communes beyond the
    /// radius). Départements without a fill are drawn pale, outside the area of interest.
    func choropleth(fills: [String: String], points: [GeoPoint], title: String, summary: String) -> String {
        let scale = viewBox.2 / 1000
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-labelledby="map-title map-desc" "#
        out += String(format: #"viewBox="%.1f %.1f %.1f %.1f" preserveAspectRatio="xMidYMid meet">"#, viewBox.0, viewBox.1, viewBox.2, viewBox.3)
        out += #"<title id="map-title">\#(HTMLText.escape(title))</title><desc id="map-desc">\#(HTMLText.escape(summary))</desc>"#
        out += #"<g class="departements">"#
        for shape in shapes {
            let fill = fills[shape.code] ?? "#f2f2f2"
            out += ##"<path d="\##(shape.path)" fill="\##(fill)" stroke="#666" "## + String(format: #"stroke-width="%.2f">"#, max(0.4 * scale, 0.08))
                + #"<title>\#(HTMLText.escape(shape.name)) (\#(shape.code))</title></path>"#
        }
        out += ##"</g><g class="zones-blanches" fill="#b60000">"##
        let radius = max(1.4 * scale, 0.35)
        for point in points {
            guard let frame = frames.first(where: { $0.contains(point) }) else { continue }
            let (x, y) = frame.project(point)
            out += String(format: #"<circle cx="%.1f" cy="%.1f" r="%.2f"/>"#, x, y, radius)
        }
        return out + "</g></svg>"
    }
}

/// Five classes of covered share, light to dark: readable in grey too, and named in the legend.
enum CoverageScale {
    static let classes: [(upTo: Double, colour: String, label: String)] = [
        (0.5, "#f7fbff", "moins de 50 %"), (0.7, "#c6dbef", "50 à 70 %"), (0.85, "#6baed6", "70 à 85 %"),
        (0.95, "#2171b5", "85 à 95 %"), (1.01, "#08306b", "95 % et plus"),
    ]

    static func colour(_ share: Double) -> String { classes.first { share < $0.upTo }?.colour ?? classes.last!.colour }
}
