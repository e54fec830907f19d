-- Question pools. Practice shows the answer right after each question, so a question practice can grade must
-- never be one a paper can hold: PRACTICE questions are only drawn and graded by practice; EXAM questions only
-- go on papers (daily quiz, contests, self-test). Existing questions become EXAM (nothing is exposed by
-- default); the demo data puts about a quarter of its sample bank in the practice pool (demo/V4).
ALTER TABLE quiz_question
  ADD COLUMN pool VARCHAR(16) NOT NULL DEFAULT 'EXAM' COMMENT 'PRACTICE: practice only; EXAM: papers only' AFTER status,
  ADD CONSTRAINT ck_quiz_question_pool CHECK (pool IN ('PRACTICE', 'EXAM'));

-- Practice no longer reads the wrong book of questions it cannot grade (archived or exam questions).
UPDATE quiz_wrong_answer w JOIN quiz_question q ON q.id = w.question_id
   SET w.cleared_at = COALESCE(w.cleared_at, w.last_wrong_at)
 WHERE q.pool <> 'PRACTICE' OR q.status <> 'ACTIVE';
