import Directory
import Foundation
import Territory

/// France drawn by the server as SVG: département outlines, métropole at scale and the five DROM as
/// insets on the left, points coloured by kind of place with Fabriques ringed. Pure: same input, same bytes.
struct FranceMap: Sendable {
    struct Frame: Sendable {
        /// Geographic box (degrees) and where it goes in the SVG.
        let minLon: Double, maxLon: Double, minLat: Double, maxLat: Double
        let x: Double, y: Double, width: Double, height: Double

        func project(_ p: GeoPoint) -> (Double, Double) {
            // Equirectangular with the cosine of the mean latitude: accurate enough at national scale.
            let k = cos((minLat + maxLat) / 2 * .pi / 180)
            let spanX = (maxLon - minLon) * k, spanY = maxLat - minLat
            let scale = min(width / spanX, height / spanY)
            let offsetX = x + (width - spanX * scale) / 2, offsetY = y + (height - spanY * scale) / 2
            return (offsetX + (p.longitude - minLon) * k * scale, offsetY + (maxLat - p.latitude) * scale)
        }

        func contains(_ p: GeoPoint) -> Bool {
            p.longitude >= minLon && p.longitude <= maxLon && p.latitude >= minLat && p.latitude <= maxLat
        }
    }

    struct Shape: Sendable { let code: String; let name: String; let path: String; let frame: Int }

    let frames: [Frame]
    let shapes: [Shape]
    let width: Double, height: Double
    /// The box drawn, in SVG units (the whole map, or one département).
    let viewBox: (Double, Double, Double, Double)

    static let nationalFrames: [Frame] = [
        Frame(minLon: -5.3, maxLon: 9.7, minLat: 41.3, maxLat: 51.2, x: 160, y: 0, width: 840, height: 800),
        Frame(minLon: -61.9, maxLon: -60.9, minLat: 15.8, maxLat: 16.55, x: 0, y: 10, width: 140, height: 130),   // Guadeloupe 971
        Frame(minLon: -61.25, maxLon: -60.8, minLat: 14.38, maxLat: 14.9, x: 0, y: 165, width: 140, height: 130),  // Martinique 972
        Frame(minLon: -54.7, maxLon: -51.5, minLat: 2.1, maxLat: 5.8, x: 0, y: 320, width: 140, height: 150),      // Guyane 973
        Frame(minLon: 55.2, maxLon: 55.85, minLat: -21.4, maxLat: -20.85, x: 0, y: 495, width: 140, height: 130),  // La Réunion 974
        Frame(minLon: 44.95, maxLon: 45.35, minLat: -13.05, maxLat: -12.6, x: 0, y: 650, width: 140, height: 130), // Mayotte 976
    ]

    /// Built once: the outlines are the expensive part.
    static let national: FranceMap? = {
        guard let outlines = try? Outline.loadBundled(.department) else { return nil }
        return FranceMap(outlines: outlines)
    }()

    init(outlines: [Outline]) {
        frames = Self.nationalFrames
        width = 1000
        height = 800
        viewBox = (0, 0, 1000, 800)
        shapes = outlines.compactMap { outline in
            guard let first = outline.polygons.first?.first?.first,
                  let frameIndex = Self.nationalFrames.firstIndex(where: { $0.contains(first) }) else { return nil }
            let frame = Self.nationalFrames[frameIndex]
            let path = outline.polygons.flatMap { $0 }.map { ring in
                ring.enumerated().map { index, point in
                    let (x, y) = frame.project(point)
                    return (index == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
                }.joined() + "Z"
            }.joined()
            return Shape(code: outline.code, name: outline.name, path: path, frame: frameIndex)
        }
    }

    private init(frames: [Frame], shapes: [Shape], viewBox: (Double, Double, Double, Double)) {
        self.frames = frames
        self.shapes = shapes
        self.width = viewBox.2
        self.height = viewBox.3
        self.viewBox = viewBox
    }

    func reframed(_ box: (Double, Double, Double, Double)) -> FranceMap { FranceMap(frames: frames, shapes: shapes, viewBox: box) }

    /// The same map framed on one département, with a margin.
    func zoomed(on departmentCode: String) -> FranceMap {
        guard let shape = shapes.first(where: { $0.code == departmentCode }) else { return self }
        let numbers = shape.path.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return self }
        let margin = max(maxX - minX, maxY - minY) * 0.08
        return FranceMap(frames: frames, shapes: shapes, viewBox: (minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin))
    }

    func position(of place: DirectoryPlace) -> (Double, Double)? {
        frames.first(where: { $0.contains(place.position) }).map { $0.project(place.position) }
    }

    /// The SVG element. `highlight` marks a département (its page); `title` and `summary` are read by
    /// screen readers, the list beside the map being the full text alternative.
    func svg(places: [DirectoryPlace], highlight: String? = nil, title: String, summary: String) -> String {
        let scale = viewBox.2 / 1000
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-labelledby="map-title map-desc" "#
        out += String(format: #"viewBox="%.1f %.1f %.1f %.1f" preserveAspectRatio="xMidYMid meet">"#, viewBox.0, viewBox.1, viewBox.2, viewBox.3)
        out += #"<title id="map-title">\#(HTMLText.escape(title))</title><desc id="map-desc">\#(HTMLText.escape(summary))</desc>"#
        if viewBox.2 >= 999 {
            for (index, frame) in frames.enumerated() where index > 0 {
                out += String(format: #"<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" class="inset"/>"#, frame.x, frame.y, frame.width, frame.height)
            }
        }
        out += #"<g class="departements">"#
        for shape in shapes {
            let cls = shape.code == highlight ? "dep dep-current" : "dep"
            out += #"<path class="\#(cls)" d="\#(shape.path)"><title>\#(HTMLText.escape(shape.name)) (\#(shape.code))</title></path>"#
        }
        out += "</g><g class=\"places\">"
        let radius = max(2.2 * scale, 0.6)
        // Fabriques last, so they are drawn on top.
        for place in places.sorted(by: { ($0.label == nil ? 0 : 1) < ($1.label == nil ? 0 : 1) }) {
            guard let (x, y) = position(of: place) else { continue }
            let colour = (place.kinds.first ?? .other).colour
            if place.label != nil {
                out += String(format: #"<circle cx="%.1f" cy="%.1f" r="%.2f" "#, x, y, radius * 1.8)
                    + ##"fill="\##(colour)" stroke="#000091" "## + String(format: #"stroke-width="%.2f"/>"#, radius * 0.8)
            } else {
                out += String(format: #"<circle cx="%.1f" cy="%.1f" r="%.2f" "#, x, y, radius) + #"fill="\#(colour)" fill-opacity="0.85"/>"#
            }
        }
        out += "</g></svg>"
        return out
    }
}
