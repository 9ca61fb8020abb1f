-- A misuse link reports once: after that (and after the operator's decision) it cannot put the cases on hold again.
ALTER TABLE misuse_links ADD COLUMN used_at timestamptz;
