-- Evidence for manual figures and quarterly reports includes Office documents, whose content types
-- (application/vnd.openxmlformats-officedocument.wordprocessingml.document, 71 characters) do not fit the
-- 64 characters media_object had; the upload grant already allows 100.
ALTER TABLE media_object MODIFY content_type VARCHAR(100) NOT NULL;
