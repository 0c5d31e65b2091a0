@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The application's database: an embedded SQLite file, or PostgreSQL when a `DATABASE_URL` is given.
/// Both are reached through one SQLKit query layer; `dialect` is only consulted where SQL must differ.
public final class Database: Sendable {
    public enum Dialect: String, Sendable { case sqlite, postgres }

    public let sql: any SQLDatabase
    public let dialect: Dialect
    private let shutdownPool: @Sendable () async throws -> Void

    init(sql: any SQLDatabase, dialect: Dialect, shutdown: @escaping @Sendable () async throws -> Void) {
        self.sql = sql
        self.dialect = dialect
        self.shutdownPool = shutdown
    }

    /// Opens the database at `location`, checking that it can be read and written.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws(DatabaseOpenError) -> Database {
        let database: Database
        switch location {
        case .sqlite(let path): database = try await openSQLite(path: path, logger: logger)
        case .postgres(let url): database = try openPostgres(url: url, logger: logger)
        }
        do {
            _ = try await database.sql.raw("SELECT 1 AS ok").all()
        } catch {
            try? await database.close()
            throw .unreachable(location.description, String(reflecting: error))
        }
        return database
    }

    /// Runs `body` in one transaction on one connection: committed if it returns, rolled back if it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await sql.withSession { session in
            try await session.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func close() async throws { try await shutdownPool() }

    private static func openSQLite(path: String, logger: Logger) async throws(DatabaseOpenError) -> Database {
        let source = SQLiteConnectionSource(configuration: .init(storage: .file(path: path), enableForeignKeys: true))
        // One connection: SQLite serialises writers anyway, and a single pooled connection makes every
        // transaction exclusive without busy-waiting on the shared thread pool.
        let pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: 1, requestTimeout: .seconds(30), logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        let sql = PooledSQLiteDatabase(pool: pool, logger: logger).sql(queryLogLevel: .trace)
        do {
            _ = try await sql.raw("PRAGMA journal_mode = WAL").all()
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
        } catch {
            try? await pool.shutdownAsync()
            throw .unreachable(path, String(reflecting: error))
        }
        return Database(sql: sql, dialect: .sqlite, shutdown: { try await pool.shutdownAsync() })
    }

    private static func openPostgres(url: String, logger: Logger) throws(DatabaseOpenError) -> Database {
        let configuration: SQLPostgresConfiguration
        do { configuration = try SQLPostgresConfiguration(url: url) } catch {
            throw .invalidURL(url)
        }
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 8,
            requestTimeout: .seconds(30), logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        let sql = pool.database(logger: logger).sql(queryLogLevel: .trace)
        return Database(sql: sql, dialect: .postgres, shutdown: { try await pool.shutdownAsync() })
    }
}

/// An SQLiteNIO database whose queries go through a connection pool, so that `withSession` holds one
/// connection for the length of a transaction.
private struct PooledSQLiteDatabase: SQLiteDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteConnectionSource>
    let logger: Logger
    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }

    func query(
        _ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void
    ) -> EventLoopFuture<Void> {
        pool.withConnection(logger: logger) { $0.query(query, binds, logger: logger, onRow) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pool.withConnection(logger: logger, closure)
    }
}
