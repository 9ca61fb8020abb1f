-- Public verification of the Kolektor stamp: a random code per creditor, and request counters that rate-limit
-- public pages per client address.

-- A verification code: 20 characters of the lower-case base32 alphabet (RFC 4648), so 100 random bits. Each byte
-- of a SHA-256 over two random UUIDs picks one of 32 letters; 256 is a multiple of 32, so every letter is equally
-- likely. The code is printed in URLs and may be typed from paper, hence no upper case and no 0/1/8/9.
CREATE FUNCTION new_verification_code() RETURNS text
LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(substr('abcdefghijklmnopqrstuvwxyz234567', get_byte(seed, position) % 32 + 1, 1), ''
                      ORDER BY position)
    FROM (SELECT sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) AS seed) AS random,
         generate_series(0, 19) AS position
$$;

-- A volatile default is evaluated once per existing row, so every current creditor gets its own code here, and
-- every later INSERT gets one without naming the column.
ALTER TABLE organizations
    ADD COLUMN verification_code text NOT NULL UNIQUE DEFAULT new_verification_code()
        CHECK (verification_code ~ '^[a-z2-7]{20}$');

-- Requests per key (such as 'verification:' + client address) in the current fixed window. A row is reset when
-- its window has passed; rows of windows long gone are deleted by the application.
CREATE TABLE request_counters (
    key text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    hits integer NOT NULL CHECK (hits > 0)
);

CREATE INDEX request_counters_window ON request_counters (window_start);
