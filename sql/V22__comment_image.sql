-- A resident may attach one image to a comment: a RESIDENT_IMAGE upload of their own (media feature), shown to
-- others only once WeChat's image check passed. Erased with the comment when the account is deleted.
ALTER TABLE content_comment ADD COLUMN image_key VARCHAR(255) NULL AFTER body;
