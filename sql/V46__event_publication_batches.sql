-- A batch of participation records (quiz submissions graded together) is published as one event; its serialised
-- form outgrows VARCHAR(4000).
ALTER TABLE EVENT_PUBLICATION MODIFY SERIALIZED_EVENT MEDIUMTEXT NOT NULL;
