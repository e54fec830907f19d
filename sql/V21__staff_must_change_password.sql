-- A password someone else chose (the bootstrap admin's, one set when an account is created or reset by an admin)
-- must be replaced by its owner at the next login; the staff console asks for the new one before anything else.
ALTER TABLE staff_account
    ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE AFTER password_hash;
