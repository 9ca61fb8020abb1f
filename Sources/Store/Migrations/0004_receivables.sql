-- Receivables imported from accounting systems or entered by hand, the import batches with their reports, the
-- changes each batch made, applied credit notes, and the history of debtor contact changes.

ALTER TABLE debtors
    ADD COLUMN dic text NOT NULL DEFAULT '',
    ADD COLUMN birth_date date,
    ADD COLUMN country text NOT NULL DEFAULT '',
    ADD COLUMN language text NOT NULL DEFAULT 'cs' CHECK (language IN ('cs', 'en')),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The import matches businesses by IČO and everyone else by name plus address or e-mail.
CREATE INDEX debtors_ico ON debtors (organization_id, ico) WHERE ico IS NOT NULL;
CREATE INDEX debtors_lower_name ON debtors (organization_id, lower(name));

-- One import attempt, applied or rejected, with its counts and the Czech issues of rejected rows.
CREATE TABLE import_batches (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    created_at timestamptz NOT NULL,
    -- Who imported: a user's e-mail, 'cli' for `portal import`, or 'api'.
    actor text NOT NULL,
    file_name text NOT NULL,
    -- Hex SHA-256 of the uploaded file; empty for manual entries.
    file_sha256 text NOT NULL DEFAULT '',
    format text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('snapshot', 'delta', 'manual', 'statement')),
    partial boolean NOT NULL DEFAULT false,
    status text NOT NULL CHECK (status IN ('applied', 'rejected')),
    -- Why the whole file was rejected, in Czech; empty for applied batches.
    message text NOT NULL DEFAULT '',
    row_count integer NOT NULL DEFAULT 0,
    new_count integer NOT NULL DEFAULT 0,
    updated_count integer NOT NULL DEFAULT 0,
    paid_count integer NOT NULL DEFAULT 0,
    cancelled_count integer NOT NULL DEFAULT 0,
    unchanged_count integer NOT NULL DEFAULT 0,
    rejected_count integer NOT NULL DEFAULT 0,
    -- Array of {line, field, value, reason}.
    issues jsonb NOT NULL DEFAULT '[]',
    UNIQUE (organization_id, id)
);

CREATE INDEX import_batches_organization ON import_batches (organization_id, id DESC);

CREATE TABLE receivables (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    debtor_id bigint NOT NULL,
    -- The key that identifies the receivable across imports (invoice number, ISDOC UUID#block, or the file's own).
    external_id text NOT NULL CHECK (external_id <> ''),
    invoice_number text NOT NULL,
    variable_symbol text NOT NULL DEFAULT '' CHECK (variable_symbol ~ '^[0-9]{0,10}$'),
    issue_date date,
    due_date date NOT NULL,
    currency text NOT NULL CHECK (currency IN ('CZK', 'EUR', 'USD', 'GBP')),
    -- Amounts in minor units (haléře, cents).
    total_minor bigint NOT NULL CHECK (total_minor > 0),
    remaining_minor bigint NOT NULL CHECK (remaining_minor >= 0 AND remaining_minor <= total_minor),
    status text NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
    -- Past the 3-year limitation period from the due date when last imported or entered.
    time_barred boolean NOT NULL DEFAULT false,
    bank_account text NOT NULL DEFAULT '',
    -- 'manual' receivables were entered in the portal and no import follows their payments.
    source text NOT NULL CHECK (source IN ('import', 'manual')),
    created_batch_id bigint REFERENCES import_batches (id),
    updated_batch_id bigint REFERENCES import_batches (id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (organization_id, external_id),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id)
);

CREATE INDEX receivables_debtor ON receivables (organization_id, debtor_id);
CREATE INDEX receivables_invoice_number ON receivables (organization_id, invoice_number);
CREATE INDEX receivables_variable_symbol ON receivables (organization_id, variable_symbol) WHERE status = 'open';

-- What one batch changed on one receivable. line is the file's line, 0 for a receivable a snapshot no longer lists.
CREATE TABLE receivable_changes (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    batch_id bigint NOT NULL REFERENCES import_batches (id),
    receivable_id bigint NOT NULL,
    line integer NOT NULL,
    external_id text NOT NULL,
    change text NOT NULL
        CHECK (change IN ('new', 'updated', 'reopened', 'partial_payment', 'paid', 'cancelled', 'credited')),
    old_status text,
    new_status text NOT NULL,
    old_remaining_minor bigint,
    new_remaining_minor bigint NOT NULL,
    FOREIGN KEY (organization_id, receivable_id) REFERENCES receivables (organization_id, id)
);

CREATE INDEX receivable_changes_batch ON receivable_changes (batch_id, id);
CREATE INDEX receivable_changes_receivable ON receivable_changes (receivable_id);

-- Credit notes already applied, so importing the same credit note again changes nothing.
CREATE TABLE credit_notes (
    organization_id bigint NOT NULL REFERENCES organizations (id),
    number text NOT NULL,
    refers_to text NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency text NOT NULL,
    batch_id bigint NOT NULL REFERENCES import_batches (id),
    PRIMARY KEY (organization_id, number, refers_to)
);

-- Every change of a debtor's name or contact details made by an import, with the value before and after.
CREATE TABLE debtor_history (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    debtor_id bigint NOT NULL,
    batch_id bigint REFERENCES import_batches (id),
    field text NOT NULL,
    old_value text NOT NULL,
    new_value text NOT NULL,
    changed_at timestamptz NOT NULL,
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id) ON DELETE CASCADE
);

CREATE INDEX debtor_history_debtor ON debtor_history (organization_id, debtor_id, id);
CREATE INDEX debtor_history_batch ON debtor_history (batch_id);

-- API keys of a creditor for the REST API. Only the SHA-256 of a key is stored; the key is shown once on creation.
CREATE TABLE api_keys (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    name text NOT NULL CHECK (name <> ''),
    key_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz
);

CREATE INDEX api_keys_organization ON api_keys (organization_id);

-- Incoming payments read from bank statements. The bank's reference keeps a statement imported twice from paying
-- twice; receivable_id is the receivable the payment was matched to, NULL when none matched.
CREATE TABLE bank_payments (
    organization_id bigint NOT NULL REFERENCES organizations (id),
    reference text NOT NULL,
    batch_id bigint NOT NULL REFERENCES import_batches (id),
    receivable_id bigint REFERENCES receivables (id),
    amount_minor bigint NOT NULL,
    currency text NOT NULL,
    variable_symbol text NOT NULL,
    booked_on date,
    counter_account text NOT NULL DEFAULT '',
    counter_name text NOT NULL DEFAULT '',
    PRIMARY KEY (organization_id, reference)
);
