import Foundation

/// The folder that holds the SQLite file and uploaded files. Checked before anything else so that an
/// unwritable or corrupt directory stops the server with one clear message.
public enum DataDirectory {
    public static func prepare(_ path: String) throws(DatabaseOpenError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .dataDirectory(path, "ce chemin est un fichier, pas un répertoire") }
        } else {
            do { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .dataDirectory(path, "impossible de le créer (\(error.localizedDescription))")
            }
        }
        let probe = URL(fileURLWithPath: path).appendingPathComponent(".write-check-\(ProcessInfo.processInfo.processIdentifier)")
        guard manager.createFile(atPath: probe.path, contents: Data("ok".utf8)) else {
            throw .dataDirectory(path, "écriture impossible (droits insuffisants ?)")
        }
        try? manager.removeItem(at: probe)
    }
}
