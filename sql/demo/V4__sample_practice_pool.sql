-- About a quarter of the sample bank is the sample practice pool (quiz_question.pool, V15): practice shows the answer
-- right after each question, so these are never on a paper; the rest stays in the exam pool for the daily quiz,
-- contests and the self-test.
UPDATE quiz_question SET pool = 'PRACTICE' WHERE sample_data = TRUE AND MOD(id, 4) = 0;
