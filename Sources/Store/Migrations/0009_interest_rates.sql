-- Statutory late-interest rates added by the operator for half-years the built-in table does not cover yet
-- (the ČNB repo rate on the first day of the half-year plus 8 points). A row here wins over the built-in value.
CREATE TABLE late_interest_rates (
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    half integer NOT NULL CHECK (half IN (1, 2)),
    basis_points integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    added_at timestamptz NOT NULL,
    PRIMARY KEY (year, half)
);
