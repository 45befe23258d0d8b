-- Parents hear of a new version of the school's privacy notice by e-mail: a school's version is
-- mailed once, in the background (consent/notice-mail.ts), to the guardians who consented to an
-- older version and have an address; mailed_at marks it done. Versions published before this
-- migration are not mailed after the fact.
ALTER TABLE privacy_notice ADD COLUMN mailed_at timestamptz;
UPDATE privacy_notice SET mailed_at = published_at;
CREATE INDEX privacy_notice_unmailed ON privacy_notice (school_id, id) WHERE mailed_at IS NULL;
