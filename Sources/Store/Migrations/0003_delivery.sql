-- Delivery through the outbox: retries with back-off, claims that let several workers share the queue without
-- delivering a message twice at once, HTML bodies, attachments, and a notification that wakes idle workers.

ALTER TABLE outbox
    ADD COLUMN body_html text,
    -- Stable per message: the e-mail Message-ID and the SMS gateway's Idempotency-Key are built from it.
    ADD COLUMN idempotency_key uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- A worker that claims a message owns it until claimed_until; after a crash another worker takes it over.
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN claim_token uuid,
    ADD COLUMN last_error text NOT NULL DEFAULT '',
    ADD COLUMN failed_at timestamptz,
    -- What the channel returned: the SMS gateway's message id and status, or the letter batch.
    ADD COLUMN provider_reference text,
    ADD COLUMN provider_status text;

DROP INDEX outbox_queued;
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('queued', 'sending');
CREATE INDEX outbox_organization ON outbox (organization_id, id);

CREATE TABLE outbox_attachments (
    outbox_id bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    position integer NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    content bytea NOT NULL,
    PRIMARY KEY (outbox_id, position)
);

CREATE FUNCTION outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
