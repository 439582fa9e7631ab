//! The shared database's tables, created by the first server that opens it,
//! and the check that refuses a schema newer than this server knows.
//!
//! `changes` is the log every server follows: one row per committed change,
//! its `id` increasing in commit order (rows are only added while holding
//! [`WRITE_LOCK`]). `lojinha_meta` holds the schema version and how far the
//! log has been pruned. `lojinha_apply_group` runs a whole group in one
//! round trip. The tables' SQL is plain (identity column, `ON CONFLICT`);
//! the PL/pgSQL function, advisory locks and `LISTEN`/`NOTIFY` are the
//! PostgreSQL-only parts.

use postgres::Client;

/// The advisory lock every writing transaction takes (a transaction-level
/// lock: released by its commit or rollback). "LOJINHA1" in ASCII.
pub const WRITE_LOCK: i64 = 0x4C4F_4A49_4E48_4131;

/// The channel `NOTIFY` and `LISTEN` use.
pub const CHANNEL: &str = "lojinha_changes";

/// The schema this server writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

const TABLES: &str = "
CREATE TABLE IF NOT EXISTS lojinha_meta (
    key TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    price_cents BIGINT NOT NULL,
    quantity BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    server TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT,
    price_cents BIGINT,
    quantity BIGINT,
    version BIGINT
);
INSERT INTO lojinha_meta (key, value) VALUES ('schema_version', 1), ('pruned_through', 0)
    ON CONFLICT (key) DO NOTHING;
";

/// One group's writes in one call (one round trip, not one per write):
/// takes the write lock, notes the last change id it sees, runs each write
/// in order with its row in `changes`, notifies the listeners with the last
/// id, and returns one row per write: what it did, its change id, and the
/// stored product where the writer needs it (`changed`).
const APPLY_GROUP: &str = r#"
CREATE OR REPLACE FUNCTION lojinha_apply_group(
    p_server TEXT, p_kinds TEXT[], p_codes TEXT[], p_names TEXT[],
    p_prices BIGINT[], p_quantities BIGINT[], p_expected BIGINT[])
RETURNS TABLE (o_outcome TEXT, o_id BIGINT, o_name TEXT, o_price BIGINT,
               o_quantity BIGINT, o_version BIGINT, o_seen BIGINT)
LANGUAGE plpgsql AS $$
DECLARE
    i INT;
    v_last BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(__LOCK__);
    SELECT coalesce(max(c.id), 0) INTO o_seen FROM changes c;
    IF p_kinds <@ ARRAY['add'] AND array_length(p_codes, 1) =
            (SELECT count(DISTINCT u.code) FROM unnest(p_codes) AS u(code)) THEN
        -- Only adds, of different codes: two statements for the whole group.
        RETURN QUERY
        WITH u AS (
            SELECT * FROM unnest(p_codes, p_names, p_prices, p_quantities)
                WITH ORDINALITY AS u(code, name, price, quantity, ord)
        ), ins AS (
            INSERT INTO products AS p (code, name, price_cents, quantity, version)
                SELECT u.code, u.name, u.price, u.quantity, 1 FROM u ORDER BY u.ord
                ON CONFLICT (code) DO NOTHING
                RETURNING p.code
        ), logged AS (
            INSERT INTO changes AS c (server, kind, code, name, price_cents, quantity, version)
                SELECT p_server, 'added', u.code, u.name, u.price, u.quantity, 1
                    FROM u JOIN ins ON ins.code = u.code ORDER BY u.ord
                RETURNING c.id, c.code
        )
        SELECT CASE WHEN l.id IS NULL THEN 'exists' ELSE 'added' END, l.id,
               NULL::TEXT, NULL::BIGINT, NULL::BIGINT,
               CASE WHEN l.id IS NULL THEN NULL ELSE 1::BIGINT END, o_seen
            FROM u LEFT JOIN logged l ON l.code = u.code ORDER BY u.ord;
        SELECT max(c.id) INTO v_last FROM changes c WHERE c.id > o_seen;
        IF v_last IS NOT NULL THEN
            PERFORM pg_notify('__CHANNEL__', v_last::TEXT);
        END IF;
        RETURN;
    END IF;
    FOR i IN 1 .. coalesce(array_length(p_kinds, 1), 0) LOOP
        o_id := NULL; o_name := NULL; o_price := NULL; o_quantity := NULL; o_version := NULL;
        IF p_kinds[i] = 'add' THEN
            INSERT INTO products AS p (code, name, price_cents, quantity, version)
                VALUES (p_codes[i], p_names[i], p_prices[i], p_quantities[i], 1)
                ON CONFLICT (code) DO NOTHING;
            IF FOUND THEN
                INSERT INTO changes AS c (server, kind, code, name, price_cents, quantity, version)
                    VALUES (p_server, 'added', p_codes[i], p_names[i], p_prices[i], p_quantities[i], 1)
                    RETURNING c.id INTO o_id;
                o_outcome := 'added'; o_version := 1;
            ELSE
                o_outcome := 'exists';
            END IF;
        ELSE
            IF p_kinds[i] = 'update' THEN
                UPDATE products AS p SET name = p_names[i], price_cents = p_prices[i],
                        quantity = p_quantities[i], version = p.version + 1
                    WHERE p.code = p_codes[i] AND (p_expected[i] IS NULL OR p.version = p_expected[i])
                    RETURNING p.version INTO o_version;
                IF FOUND THEN
                    INSERT INTO changes AS c (server, kind, code, name, price_cents, quantity, version)
                        VALUES (p_server, 'updated', p_codes[i], p_names[i], p_prices[i], p_quantities[i], o_version)
                        RETURNING c.id INTO o_id;
                    o_outcome := 'updated';
                END IF;
            ELSE
                DELETE FROM products AS p
                    WHERE p.code = p_codes[i] AND (p_expected[i] IS NULL OR p.version = p_expected[i]);
                IF FOUND THEN
                    INSERT INTO changes AS c (server, kind, code) VALUES (p_server, 'deleted', p_codes[i])
                        RETURNING c.id INTO o_id;
                    o_outcome := 'deleted';
                END IF;
            END IF;
            IF o_id IS NULL THEN
                SELECT p.name, p.price_cents, p.quantity, p.version INTO o_name, o_price, o_quantity, o_version
                    FROM products p WHERE p.code = p_codes[i];
                o_outcome := CASE WHEN FOUND THEN 'changed' ELSE 'not_found' END;
            END IF;
        END IF;
        IF o_id IS NOT NULL THEN
            v_last := o_id;
        END IF;
        RETURN NEXT;
    END LOOP;
    IF v_last IS NOT NULL THEN
        PERFORM pg_notify('__CHANNEL__', v_last::TEXT);
    END IF;
END $$;
"#;

/// Why the schema cannot be used.
pub enum SchemaProblem {
    Database(postgres::Error),
    Newer(i64),
}

/// Creates the tables if missing (under the write lock, so two servers
/// starting at once do not race) and checks the schema version.
pub fn prepare(client: &mut Client) -> Result<(), SchemaProblem> {
    let mut tx = client.transaction().map_err(SchemaProblem::Database)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(SchemaProblem::Database)?;
    tx.batch_execute(TABLES).map_err(SchemaProblem::Database)?;
    let apply_group =
        APPLY_GROUP.replace("__LOCK__", &WRITE_LOCK.to_string()).replace("__CHANNEL__", CHANNEL);
    tx.batch_execute(&apply_group).map_err(SchemaProblem::Database)?;
    let row = tx
        .query_one("SELECT value FROM lojinha_meta WHERE key = 'schema_version'", &[])
        .map_err(SchemaProblem::Database)?;
    let version: i64 = row.get(0);
    tx.commit().map_err(SchemaProblem::Database)?;
    if version > SCHEMA_VERSION { Err(SchemaProblem::Newer(version)) } else { Ok(()) }
}
