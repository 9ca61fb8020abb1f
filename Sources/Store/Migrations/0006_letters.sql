-- Letters: a letter is "batched" when the worker has put its PDF into the day's print batch, and "sent" when
-- the print shop confirms the batch. A registered letter to the addressee's own hands (do vlastních rukou) keeps
-- the date of the delivery receipt once it is recorded.

ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
    CHECK (status IN ('queued', 'sending', 'batched', 'sent', 'failed'));

ALTER TABLE outbox
    ADD COLUMN registered boolean NOT NULL DEFAULT false,
    ADD COLUMN letter_batch date,
    ADD COLUMN delivery_receipt_on date,
    ADD CONSTRAINT outbox_receipt_for_registered_letters
        CHECK (delivery_receipt_on IS NULL OR (channel = 'letter' AND registered));

CREATE INDEX outbox_letter_batch ON outbox (letter_batch) WHERE letter_batch IS NOT NULL;

CREATE TABLE letter_batches (
    day date PRIMARY KEY,
    confirmed_at timestamptz,
    confirmed_by text
);
