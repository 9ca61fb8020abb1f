-- The collection workflow: cases, their timeline, versioned documents, powers of attorney, steps (notice and
-- demands) from draft to sent, debtor access to the debtor portal, debtor answers, misuse reports and the
-- creditor's own copies of demand wording.

-- One creditor's claim against one debtor; it holds that debtor's open overdue receivables.
CREATE TABLE cases (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    debtor_id bigint NOT NULL,
    stage text NOT NULL DEFAULT 'imported' CHECK (stage IN (
        'imported', 'notice_sent', 'demanding', 'disputed', 'misuse_hold', 'settlement_offered',
        'settlement_signed', 'award_issued', 'accelerated', 'execution_proposed', 'closed')),
    stage_before_hold text,
    -- The day the last outgoing step was sent; the creditor's spacing is counted from it.
    last_step_on date,
    demands_sent integer NOT NULL DEFAULT 0 CHECK (demands_sent BETWEEN 0 AND 3),
    closing_reason text,
    -- The debtor's latest answer: will_pay, refuses or not_owed.
    last_answer text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (organization_id, debtor_id),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id)
);

-- Every step, message, answer and decision of a case, in order, for the timeline.
CREATE TABLE case_events (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    case_id bigint NOT NULL,
    at timestamptz NOT NULL,
    kind text NOT NULL,
    -- user:ID, debtor, operator:ID, scheduler, import or cli.
    actor text NOT NULL,
    detail text NOT NULL DEFAULT '',
    outbox_id bigint REFERENCES outbox (id),
    document_id bigint,
    FOREIGN KEY (organization_id, case_id) REFERENCES cases (organization_id, id)
);

CREATE INDEX case_events_case ON case_events (case_id, id);

-- Documents that leave the system or come in (demand PDF, power of attorney, debtor's evidence), each version
-- stored with its SHA-256 so it can be proven unchanged.
CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    case_id bigint,
    kind text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    filename text NOT NULL,
    content_type text NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    UNIQUE (organization_id, id)
);

CREATE INDEX documents_case ON documents (case_id);

ALTER TABLE case_events ADD FOREIGN KEY (document_id) REFERENCES documents (id);

-- A power of attorney (plná moc) from a creditor to a partner lawyer: all claims or chosen debtors.
CREATE TABLE powers_of_attorney (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organizations (id),
    lawyer_id bigint NOT NULL REFERENCES users (id),
    scope text NOT NULL CHECK (scope IN ('all', 'debtors')),
    granted_by bigint NOT NULL REFERENCES users (id),
    granted_at timestamptz NOT NULL,
    granted_from text NOT NULL,
    document_id bigint NOT NULL REFERENCES documents (id),
    accepted_at timestamptz,
    ended_at timestamptz,
    ended_by text,
    UNIQUE (organization_id, id)
);

CREATE INDEX powers_of_attorney_lawyer ON powers_of_attorney (lawyer_id);

CREATE TABLE power_of_attorney_debtors (
    organization_id bigint NOT NULL,
    power_of_attorney_id bigint NOT NULL,
    debtor_id bigint NOT NULL,
    PRIMARY KEY (power_of_attorney_id, debtor_id),
    FOREIGN KEY (organization_id, power_of_attorney_id) REFERENCES powers_of_attorney (organization_id, id),
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id)
);

-- An outgoing step of a case: the activation notice or a demand, from draft to sent (or cancelled).
CREATE TABLE steps (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    case_id bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('activation_notice', 'demand_reminder', 'demand_firm', 'demand_final')),
    status text NOT NULL CHECK (status IN ('draft', 'approved', 'sent', 'cancelled')),
    channel text NOT NULL CHECK (channel IN ('email', 'letter')),
    prepared_by text NOT NULL,
    prepared_at timestamptz NOT NULL,
    approved_by text,
    approved_at timestamptz,
    sent_by text,
    sent_at timestamptz,
    document_id bigint REFERENCES documents (id),
    cancelled_reason text,
    FOREIGN KEY (organization_id, case_id) REFERENCES cases (organization_id, id)
);

-- At most one step of a case waits (as draft or approved) at a time, so the scheduler never doubles a step.
CREATE UNIQUE INDEX steps_one_pending ON steps (case_id) WHERE status IN ('draft', 'approved');
CREATE INDEX steps_organization_status ON steps (organization_id, status);

-- The debtor's way into the debtor portal: the personal link from an e-mail (token) and the access code printed
-- in a letter. Only SHA-256 hashes are stored.
CREATE TABLE debtor_access (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    case_id bigint NOT NULL,
    link_hash bytea NOT NULL UNIQUE,
    code_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    FOREIGN KEY (organization_id, case_id) REFERENCES cases (organization_id, id)
);

-- One-time sign-in codes sent by SMS after the debtor opened the link: 6 digits, 10 minutes, 5 attempts.
CREATE TABLE debtor_sign_in_codes (
    id bigserial PRIMARY KEY,
    access_id bigint NOT NULL REFERENCES debtor_access (id),
    code_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    used_at timestamptz
);

CREATE INDEX debtor_sign_in_codes_access ON debtor_sign_in_codes (access_id, id DESC);

-- A debtor session is a session of the debtor site bound to one case.
ALTER TABLE sessions ADD COLUMN case_id bigint REFERENCES cases (id);

CREATE TABLE debtor_answers (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    case_id bigint NOT NULL,
    answer text NOT NULL CHECK (answer IN ('will_pay', 'refuses', 'not_owed')),
    promised_on date,
    reason text NOT NULL DEFAULT '',
    evidence_document_id bigint REFERENCES documents (id),
    created_at timestamptz NOT NULL,
    -- For "not owed": the creditor's decision and its reason, shown to the debtor.
    resolution text CHECK (resolution IN ('accepted', 'rejected')),
    resolution_reason text,
    resolved_at timestamptz,
    resolved_by text,
    FOREIGN KEY (organization_id, case_id) REFERENCES cases (organization_id, id)
);

-- "Tohoto věřitele neznám": a report that holds every case of the creditor and debtor until the operator decides.
CREATE TABLE misuse_reports (
    id bigserial PRIMARY KEY,
    organization_id bigint NOT NULL,
    debtor_id bigint NOT NULL,
    message text NOT NULL DEFAULT '',
    reported_at timestamptz NOT NULL,
    reported_from text NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
    decision_note text,
    decided_by bigint REFERENCES users (id),
    decided_at timestamptz,
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id)
);

-- The link in an activation notice that lets its recipient report misuse without signing in.
CREATE TABLE misuse_links (
    token_hash bytea PRIMARY KEY,
    organization_id bigint NOT NULL,
    debtor_id bigint NOT NULL,
    created_at timestamptz NOT NULL,
    FOREIGN KEY (organization_id, debtor_id) REFERENCES debtors (organization_id, id)
);

-- A creditor's own copy of a demand's wording, replacing the built-in template of that kind and language.
CREATE TABLE creditor_templates (
    organization_id bigint NOT NULL REFERENCES organizations (id),
    kind text NOT NULL CHECK (kind IN ('demand_reminder', 'demand_firm', 'demand_final')),
    language text NOT NULL CHECK (language IN ('cs', 'en')),
    subject text NOT NULL,
    body text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by bigint REFERENCES users (id),
    PRIMARY KEY (organization_id, kind, language)
);
