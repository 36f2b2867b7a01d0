-- The members list is answered in email order, case-insensitively as emails compare. Sorting the
-- organization's members on every request was much of the list's time and grew faster than the
-- list (bench/scale.ts); an index on (organization, email) hands the rows over in that order
-- instead. An index holds columns of one table only, so each membership keeps its member's
-- email as a sort key. users.email stays the one truth: the key is written only by the triggers
-- below, from users.email, on every new membership and whenever a user's email changes.
ALTER TABLE memberships ADD COLUMN email TEXT COLLATE NOCASE;
UPDATE memberships SET email = (SELECT users.email FROM users WHERE users.id = memberships.user_id);
-- admin is in the index too, so that listing reads the index and the users table only.
CREATE INDEX memberships_by_email ON memberships (organization_id, email, admin);

CREATE TRIGGER memberships_email_on_insert AFTER INSERT ON memberships
BEGIN
  UPDATE memberships SET email = (SELECT users.email FROM users WHERE users.id = NEW.user_id)
   WHERE organization_id = NEW.organization_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER memberships_email_on_user_update AFTER UPDATE OF email ON users
BEGIN
  UPDATE memberships SET email = NEW.email WHERE user_id = NEW.id;
END;
