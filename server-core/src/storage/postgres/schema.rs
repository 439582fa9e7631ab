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

/// The first key of every code's advisory lock (the two-integer form, a
/// space of its own beside [`WRITE_LOCK`]); the second is `hashtext(code)`.
/// "LJC1" in ASCII.
pub const CODE_LOCKS: i32 = 0x4C4A_4331;

/// The channel `NOTIFY` and `LISTEN` use.
pub const CHANNEL: &str = "lojinha_changes";

/// The schema this server writes and reads. 2: groups lock their codes
/// before they write (a server of version 1 locks in another order, so the
/// two must not write to one database at once; see [`prepare`]).
pub const SCHEMA_VERSION: i64 = 2;

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

/// One group's writes in one call (one round trip, not one per write),
/// in three steps:
///
/// 1. The codes: takes the advisory lock of every code the group writes,
///    in one order for every server (one statement, keys sorted). A group
///    that writes a code another group is writing waits here until that
///    group has committed; every statement after this sees its result, as
///    on one server. Groups of different codes do not wait for each other.
/// 2. The catalog: each write changes `products`, in the group's order.
/// 3. The log, under the write lock: notes the last change id it sees,
///    adds the group's rows to `changes` in the group's order and notifies
///    the listeners with the last id. Only this step and the commit run
///    under the lock, so one server's group writes its rows while the
///    other's commits.
///
/// Locks are taken in one order (codes by key, then the write lock) and
/// held to the commit, so no two groups wait for each other in a circle.
/// A group takes one lock per code it writes (up to 1,024): PostgreSQL's
/// lock table must have room (`max_locks_per_transaction` ×
/// `max_connections`, 6,400 by default).
///
/// Returns one row per write: what it did, its change id, and the stored
/// product where the writer needs it (`changed`).
const APPLY_GROUP: &str = r#"
CREATE OR REPLACE FUNCTION lojinha_apply_group(
    p_server TEXT, p_kinds TEXT[], p_codes TEXT[], p_names TEXT[],
    p_prices BIGINT[], p_quantities BIGINT[], p_expected BIGINT[])
RETURNS TABLE (o_outcome TEXT, o_id BIGINT, o_name TEXT, o_price BIGINT,
               o_quantity BIGINT, o_version BIGINT, o_seen BIGINT)
LANGUAGE plpgsql AS $$
DECLARE
    i INT;
    n INT := coalesce(array_length(p_kinds, 1), 0);
    v_last BIGINT;
    v_keys BIGINT;
    v_added TEXT[];
    v_outcomes TEXT[];
    v_versions BIGINT[];
    v_names TEXT[];
    v_prices BIGINT[];
    v_quantities BIGINT[];
BEGIN
    -- The codes' locks, keys in order; as many keys as writes means the
    -- codes all differ (two codes sharing a key only share a lock).
    SELECT count(*) INTO v_keys FROM (
        SELECT pg_advisory_xact_lock(__CODE_LOCKS__, keys.k)
            FROM (SELECT DISTINCT hashtext(c) AS k FROM unnest(p_codes) AS c ORDER BY 1) AS keys
    ) AS locked;
    IF p_kinds <@ ARRAY['add'] AND v_keys = n THEN
        -- Only adds, of different codes: one statement per phase.
        WITH ins AS (
            INSERT INTO products AS p (code, name, price_cents, quantity, version)
                SELECT u.code, u.name, u.price, u.quantity, 1
                    FROM unnest(p_codes, p_names, p_prices, p_quantities) AS u(code, name, price, quantity)
                ON CONFLICT (code) DO NOTHING
                RETURNING p.code
        )
        SELECT coalesce(array_agg(ins.code), '{}') INTO v_added FROM ins;
        PERFORM pg_advisory_xact_lock(__LOCK__);
        SELECT coalesce(max(c.id), 0) INTO o_seen FROM changes c;
        RETURN QUERY
        WITH u AS (
            SELECT * FROM unnest(p_codes, p_names, p_prices, p_quantities)
                WITH ORDINALITY AS u(code, name, price, quantity, ord)
        ), logged AS (
            INSERT INTO changes AS c (server, kind, code, name, price_cents, quantity, version)
                SELECT p_server, 'added', u.code, u.name, u.price, u.quantity, 1
                    FROM u JOIN unnest(v_added) AS a(code) ON a.code = u.code ORDER BY u.ord
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
    v_outcomes := array_fill(NULL::TEXT, ARRAY[n]);
    v_versions := array_fill(NULL::BIGINT, ARRAY[n]);
    v_names := array_fill(NULL::TEXT, ARRAY[n]);
    v_prices := array_fill(NULL::BIGINT, ARRAY[n]);
    v_quantities := array_fill(NULL::BIGINT, ARRAY[n]);
    FOR i IN 1 .. n LOOP
        o_version := NULL;
        IF p_kinds[i] = 'add' THEN
            INSERT INTO products AS p (code, name, price_cents, quantity, version)
                VALUES (p_codes[i], p_names[i], p_prices[i], p_quantities[i], 1)
                ON CONFLICT (code) DO NOTHING;
            v_outcomes[i] := CASE WHEN FOUND THEN 'added' ELSE 'exists' END;
            v_versions[i] := CASE WHEN FOUND THEN 1 END;
            CONTINUE;
        ELSIF p_kinds[i] = 'update' THEN
            UPDATE products AS p SET name = p_names[i], price_cents = p_prices[i],
                    quantity = p_quantities[i], version = p.version + 1
                WHERE p.code = p_codes[i] AND (p_expected[i] IS NULL OR p.version = p_expected[i])
                RETURNING p.version INTO o_version;
            IF FOUND THEN
                v_outcomes[i] := 'updated'; v_versions[i] := o_version;
                CONTINUE;
            END IF;
        ELSE
            DELETE FROM products AS p
                WHERE p.code = p_codes[i] AND (p_expected[i] IS NULL OR p.version = p_expected[i]);
            IF FOUND THEN
                v_outcomes[i] := 'deleted';
                CONTINUE;
            END IF;
        END IF;
        SELECT p.name, p.price_cents, p.quantity, p.version INTO o_name, o_price, o_quantity, o_version
            FROM products p WHERE p.code = p_codes[i];
        v_outcomes[i] := CASE WHEN FOUND THEN 'changed' ELSE 'not_found' END;
        v_names[i] := o_name; v_prices[i] := o_price; v_quantities[i] := o_quantity; v_versions[i] := o_version;
    END LOOP;
    PERFORM pg_advisory_xact_lock(__LOCK__);
    SELECT coalesce(max(c.id), 0) INTO o_seen FROM changes c;
    FOR i IN 1 .. n LOOP
        o_outcome := v_outcomes[i]; o_id := NULL; o_version := v_versions[i];
        o_name := v_names[i]; o_price := v_prices[i]; o_quantity := v_quantities[i];
        IF o_outcome = 'deleted' THEN
            INSERT INTO changes AS c (server, kind, code) VALUES (p_server, 'deleted', p_codes[i])
                RETURNING c.id INTO o_id;
        ELSIF o_outcome IN ('added', 'updated') THEN
            INSERT INTO changes AS c (server, kind, code, name, price_cents, quantity, version)
                VALUES (p_server, o_outcome, p_codes[i], p_names[i], p_prices[i], p_quantities[i], o_version)
                RETURNING c.id INTO o_id;
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
/// starting at once do not race), refuses a schema newer than this server's
/// before changing anything, then installs this server's
/// `lojinha_apply_group` and records its version. A server of an older
/// version then refuses the database at start, rather than write to it in
/// another locking order than the servers already on it.
pub fn prepare(client: &mut Client) -> Result<(), SchemaProblem> {
    let mut tx = client.transaction().map_err(SchemaProblem::Database)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(SchemaProblem::Database)?;
    tx.batch_execute(TABLES).map_err(SchemaProblem::Database)?;
    let row = tx
        .query_one("SELECT value FROM lojinha_meta WHERE key = 'schema_version'", &[])
        .map_err(SchemaProblem::Database)?;
    let version: i64 = row.get(0);
    if version > SCHEMA_VERSION {
        return Err(SchemaProblem::Newer(version));
    }
    let apply_group = APPLY_GROUP
        .replace("__LOCK__", &WRITE_LOCK.to_string())
        .replace("__CODE_LOCKS__", &CODE_LOCKS.to_string())
        .replace("__CHANNEL__", CHANNEL);
    tx.batch_execute(&apply_group).map_err(SchemaProblem::Database)?;
    tx.execute("UPDATE lojinha_meta SET value = $1 WHERE key = 'schema_version'", &[&SCHEMA_VERSION])
        .map_err(SchemaProblem::Database)?;
    tx.commit().map_err(SchemaProblem::Database)
}
