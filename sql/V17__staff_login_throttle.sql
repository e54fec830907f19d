-- Staff accounts are no longer locked after failed logins (anyone could lock anyone out): guessing is slowed per
-- (username, address) and per address in Redis instead. failed_login_count now counts the failures since the last
-- successful login, which the owner is told at their next login.
ALTER TABLE staff_account DROP COLUMN locked_until;
