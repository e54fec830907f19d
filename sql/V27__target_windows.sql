-- Targets the plan sets for “十四五” (2021–2025) reach back before the plan period (2022–2025): the window the target
-- counts over is kept with the indicator, and a district-approved figure for the year(s) before the plan period (a
-- BASELINE entry) counts in it beside the records.
ALTER TABLE indicator
  ADD COLUMN target_window_start DATE NULL COMMENT 'start of the window the target is set for, when before the plan period' AFTER target_basis,
  ADD COLUMN target_window_name VARCHAR(20) NULL COMMENT 'how the plan names that window, e.g. “十四五”期间' AFTER target_window_start,
  ADD CONSTRAINT ck_indicator_target_window CHECK ((target_window_start IS NULL) = (target_window_name IS NULL));

SET @plan = (SELECT id FROM plan WHERE code = 'YUNXI-2022-2025');

-- “‘十四五’期间培训农技人员50人次、高素质农民500人以上”, “‘十四五’期间科普信息员覆盖率达到90%以上”
UPDATE indicator SET target_window_start = '2021-01-01', target_window_name = '“十四五”期间'
WHERE plan_id = @plan AND code IN ('FARMER_TECH_STAFF_TRAINED', 'HIGH_QUALITY_FARMERS', 'OFFICER_COVERAGE');

UPDATE indicator SET method = CONCAT(method, '；“十四五”期间的 2021 年由区纲要办按当年台账录入基数，经审核后计入')
WHERE plan_id = @plan AND code IN ('FARMER_TECH_STAFF_TRAINED', 'HIGH_QUALITY_FARMERS');

-- VALUE: a MANUAL indicator's figure. BASELINE: what was achieved in the target's window before the plan period,
-- entered and approved like a value, added to a counted figure.
ALTER TABLE indicator_manual_entry
  ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'VALUE' COMMENT 'VALUE or BASELINE' AFTER indicator_id,
  ADD CONSTRAINT ck_manual_kind CHECK (kind IN ('VALUE', 'BASELINE'));
