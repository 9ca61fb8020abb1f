-- Core tables every feature relies on: the hash-chained audit log.

-- Hash of one audit row: SHA-256 over the previous row's hash and the row's fields, separated by the
-- ASCII unit separator so that no field can shift into its neighbour.
CREATE FUNCTION audit_row_hash(
    prev_hash bytea, id bigint, at timestamptz, actor text, action text, subject text, detail text,
    client_address text
) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT sha256(prev_hash || convert_to(concat_ws(chr(31),
        id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        actor, action, subject, detail, client_address), 'UTF8'))
$$;

CREATE TABLE audit_log (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL DEFAULT '',
    detail text NOT NULL DEFAULT '',
    client_address text NOT NULL DEFAULT '',
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL
);

CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

-- The log is append-only: no row may change or disappear, whoever connects.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
