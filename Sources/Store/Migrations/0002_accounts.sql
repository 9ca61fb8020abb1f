-- Accounts: creditor organizations, users of every role, sessions, password resets, sign-in throttling,
-- debtors (extended by the import), subordinate assignments, and the message outbox.

CREATE TABLE organizations (
    id bigserial PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    -- IČO: the 8-digit Czech company number, validated with its mod-11 check digit before insert.
    ico char(8) NOT NULL UNIQUE CHECK (ico ~ '^[0-9]{8}$'),
    -- DIČ: the VAT number, CZ followed by the IČO or a birth number; empty when not a VAT payer.
    dic text NOT NULL DEFAULT '',
    street text NOT NULL DEFAULT '',
    city text NOT NULL DEFAULT '',
    postal_code text NOT NULL DEFAULT '',
    bank_account text NOT NULL DEFAULT '',
    iban text NOT NULL DEFAULT '',
    contact_email text NOT NULL DEFAULT '',
    contact_phone text NOT NULL DEFAULT '',
    -- Days between two collection steps towards one debtor; a pre-action demand must precede a lawsuit by 7 days.
    step_spacing_days integer NOT NULL DEFAULT 7 CHECK (step_spacing_days BETWEEN 7 AND 90),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id bigserial PRIMARY KEY,
    organization_id bigint REFERENCES organizations (id),
    role text NOT NULL CHECK (role IN ('client_admin', 'subordinate', 'lawyer', 'arbitrator', 'bailiff', 'operator')),
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    full_name text NOT NULL CHECK (full_name <> ''),
    phone text NOT NULL DEFAULT '',
    -- argon2id in its encoded form; NULL until an invited user sets a password.
    password_hash text,
    language text NOT NULL DEFAULT 'cs' CHECK (language IN ('cs', 'en')),
    active boolean NOT NULL DEFAULT true,
    -- Lawyer: registration number at the Czech Bar Association (ČAK).
    cak_number text,
    -- Bailiff: the office (exekutorský úřad) and the region it serves.
    bailiff_office text,
    bailiff_region text,
    -- Arbitrator: registration details (list of arbitrators or the arbitration court).
    arbitrator_registration text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    CHECK ((role IN ('client_admin', 'subordinate')) = (organization_id IS NOT NULL)),
    CHECK (role <> 'lawyer' OR coalesce(cak_number, '') <> ''),
    CHECK (role <> 'bailiff' OR (coalesce(bailiff_office, '') <> '' AND coalesce(bailiff_region, '') <> '')),
    CHECK (role <> 'arbitrator' OR coalesce(arbitrator_registration, '') <> '')
);

CREATE INDEX users_organization ON users (organization_id);

-- A session of one role site. The cookie holds a random 256-bit token; only its SHA-256 is stored.
-- user_id is NULL for the anonymous session that carries the CSRF token of a sign-in form.
CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    site text NOT NULL,
    user_id bigint REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Single-use tokens for "forgotten password" and for invitations; only the SHA-256 is stored.
CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('reset', 'invitation')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
);

-- Failed sign-ins per key ('account:' + e-mail or 'address:' + client address) for growing delays.
CREATE TABLE sign_in_throttle (
    key text PRIMARY KEY,
    failures integer NOT NULL,
    last_failure_at timestamptz NOT NULL
);

-- The creditor's customers. The import adds its own columns; this is what accounts need to assign them.
CREATE TABLE debtors (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    kind text NOT NULL CHECK (kind IN ('business', 'consumer')),
    name text NOT NULL CHECK (name <> ''),
    ico char(8),
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    street text NOT NULL DEFAULT '',
    city text NOT NULL DEFAULT '',
    postal_code text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id)
);

CREATE INDEX debtors_organization ON debtors (organization_id);

-- Debtors a subordinate may work on. Both foreign keys carry the organization, so a user can only be assigned
-- debtors of their own creditor.
CREATE TABLE debtor_assignments (
    organization_id bigint NOT NULL,
    user_id bigint NOT NULL,
    debtor_id bigint NOT NULL,
    PRIMARY KEY (user_id, debtor_id),
    FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id) ON DELETE CASCADE
);

-- Messages waiting for delivery. A message is inserted in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id bigserial PRIMARY KEY,
    organization_id bigint REFERENCES organizations (id),
    kind text NOT NULL,
    channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
    recipient text NOT NULL,
    language text NOT NULL DEFAULT 'cs',
    subject text NOT NULL DEFAULT '',
    body_text text NOT NULL,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    sent_at timestamptz
);

CREATE INDEX outbox_queued ON outbox (id) WHERE status = 'queued';
