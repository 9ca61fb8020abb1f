-- The activation notice may also go by SMS, to a debtor for whom only a mobile number is known.
ALTER TABLE steps DROP CONSTRAINT steps_channel_check;
ALTER TABLE steps ADD CONSTRAINT steps_channel_check CHECK (channel IN ('email', 'letter', 'sms'));
