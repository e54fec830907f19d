-- Each target with the comparison the plan writes (民法典 第一千二百五十九条: 以上 includes the number, 超过 does not):
--   GT   超过            “全区公民具备科学素质的比例超过15%”
--   GTE  以上、不少于、达到 “500人以上”“不少于4000人”“达到90%以上”, and bare numbers (“各2家”“新增技能人才1000人”)
--   FULL 全覆盖 (100%)   “实现乡村、社区科普宣传员全覆盖”
ALTER TABLE indicator
  ADD COLUMN comparison VARCHAR(8) NOT NULL DEFAULT 'GTE' COMMENT 'GT (超过), GTE (以上/不少于), FULL (全覆盖)' AFTER target,
  ADD CONSTRAINT ck_indicator_comparison CHECK (comparison IN ('GT', 'GTE', 'FULL')),
  ADD CONSTRAINT ck_indicator_full_coverage CHECK (comparison <> 'FULL' OR (unit = '%' AND target = 100));

SET @plan = (SELECT id FROM plan WHERE code = 'YUNXI-2022-2025');

UPDATE indicator SET comparison = 'GT' WHERE plan_id = @plan AND code = 'SCIENCE_LITERACY_RATE';
UPDATE indicator SET comparison = 'FULL' WHERE plan_id = @plan AND code = 'PROMOTER_COVERAGE';
