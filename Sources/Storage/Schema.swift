import SQLKit

/// The ordered list of migrations. Append only.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "accounts, sessions, territory-bound data", apply: createFoundation),
        Migration(version: 2, name: "sessions revocable per account", apply: { db, _ in
            try await db.alter(table: "users").column("sessions_revoked_at", type: .bigint).run()
        }),
        Migration(version: 3, name: "directory: fields of the national places standard, revisions", apply: createDirectory),
        Migration(version: 4, name: "error reports on places", apply: { db, _ in
            try await db.create(table: "place_reports")
                .column("id", type: .bigint, .primaryKey)
                .column("place_id", type: .bigint, .notNull, .references("places", "id", onDelete: .cascade))
                .column("message", type: .text, .notNull)
                .column("contact", type: .text)
                .column("created_at", type: .bigint, .notNull)
                .column("resolved_at", type: .bigint)
                .column("resolved_by", type: .bigint)
                .run()
            try await db.create(index: "place_reports_place").on("place_reports").column("place_id").run()
        }),
        Migration(version: 5, name: "network of a Fabrique", apply: { db, _ in
            try await db.alter(table: "places").column("network_place_id", type: .bigint).run()
            try await db.create(index: "places_network").on("places").column("network_place_id").run()
        }),
        Migration(version: 6, name: "index for the directory's version check", apply: { db, _ in
            try await db.create(index: "places_updated_at").on("places").column("updated_at").run()
        }),
        Migration(version: 7, name: "calls, waves, form versions, dossiers and their review", apply: createCalls),
        Migration(version: 8, name: "a comment per criterion in review sheets", apply: { db, _ in
            try await db.alter(table: "dossier_reviews").column("comments", type: .text).run()
        }),
        Migration(version: 9, name: "selection scenarios", apply: { db, _ in
            try await db.create(table: "selection_scenarios")
                .column("id", type: .bigint, .primaryKey)
                .column("call_id", type: .bigint, .notNull, .references("calls", "id", onDelete: .cascade))
                .column("name", type: .text, .notNull)
                .column("input", type: .text, .notNull)
                .column("result", type: .text, .notNull)
                .column("created_by", type: .bigint, .notNull)
                .column("created_at", type: .bigint, .notNull)
                .column("applied_at", type: .bigint)
                .column("applied_by", type: .bigint)
                .run()
        }),
    ]

    static func createDirectory(_ db: any SQLDatabase, _ dialect: Database.Dialect) async throws {
        // SQLite adds one column per ALTER TABLE.
        let textColumns = [
            "pivot", "address", "address_complement", "postal_code", "commune_name", "kinds", "structure_types", "services",
            "publics", "fees", "access_modes", "support_modes", "national_programmes", "opening_hours", "phone", "emails",
            "websites", "summary", "details", "accessibility_url", "booking_url", "source", "updated_on", "match_key",
        ]
        for column in textColumns {
            try await db.alter(table: "places").column(column, type: .text).run()
        }
        try await db.create(index: "places_match_key").on("places").column("match_key").run()
        try await db.create(table: "place_revisions")
            .column("id", type: .bigint, .primaryKey)
            .column("place_id", type: .bigint, .notNull, .references("places", "id", onDelete: .cascade))
            .column("actor_user_id", type: .bigint)
            .column("action", type: .text, .notNull)
            .column("snapshot", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "place_revisions_place").on("place_revisions").column("place_id").run()
    }

    static func createFoundation(_ db: any SQLDatabase, _ dialect: Database.Dialect) async throws {
        try await db.create(table: "users")
            .column("id", type: .bigint, .primaryKey)
            .column("email", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("disabled_at", type: .bigint)
            .run()
        try await db.create(table: "role_grants")
            .column("id", type: .bigint, .primaryKey)
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("role", type: .text, .notNull)
            .column("scope_kind", type: .text, .notNull)
            .column("scope_code", type: .text, .notNull)
            .column("granted_by", type: .bigint)
            .column("granted_at", type: .bigint, .notNull)
            .unique("user_id", "role", "scope_kind", "scope_code")
            .run()
        // Hummingbird's persist driver: sessions live here so that several instances share them.
        try await db.create(table: "persist_entries")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .column("expires_at", type: .bigint)
            .run()
        try await db.create(table: "login_failures")
            .column("id", type: .bigint, .primaryKey)
            .column("email", type: .text, .notNull)
            .column("client", type: .text, .notNull)
            .column("failed_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "login_failures_email").on("login_failures").column("email").column("failed_at").run()
        try await db.create(index: "login_failures_client").on("login_failures").column("client").column("failed_at").run()
        try await db.create(table: "api_tokens")
            .column("id", type: .bigint, .primaryKey)
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("created_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .column("revoked_at", type: .bigint)
            .run()
        try await db.create(table: "places")
            .column("id", type: .bigint, .primaryKey)
            .column("external_id", type: .text, .unique)
            .column("name", type: .text, .notNull)
            .column("commune_code", type: .text, .notNull)
            .column("department_code", type: .text, .notNull)
            .column("region_code", type: .text, .notNull)
            .column("label", type: .text)
            .column("latitude", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull)
            .column("longitude", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "places_department").on("places").column("department_code").run()
        try await db.create(table: "organisations")
            .column("id", type: .bigint, .primaryKey)
            .column("owner_user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("legal_form", type: .text, .notNull)
            .column("siret", type: .text)
            .column("commune_code", type: .text, .notNull)
            .column("department_code", type: .text, .notNull)
            .column("region_code", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "organisations_department").on("organisations").column("department_code").run()
        try await db.create(table: "audit_events")
            .column("id", type: .bigint, .primaryKey)
            .column("actor_user_id", type: .bigint)
            .column("action", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
    }
}
