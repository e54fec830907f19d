-- 检查评估 by every responsible unit: a task is the work of all the units its section's 责任分工 line names, the lead
-- units (牵头) and the participating units (参加), and each of them reports its own part every quarter. The district
-- admin may change a task's units; every change is kept with its reason.

CREATE TABLE plan_task_unit (
  task_id     BIGINT       NOT NULL,
  unit_id     BIGINT       NOT NULL,
  role        VARCHAR(16)  NOT NULL COMMENT 'LEAD (牵头) or PARTICIPANT (参加)',
  sort_order  INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, unit_id),
  KEY idx_plan_task_unit_unit (unit_id),
  CONSTRAINT fk_plan_task_unit_task FOREIGN KEY (task_id) REFERENCES plan_task (id),
  CONSTRAINT fk_plan_task_unit_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_plan_task_unit_role CHECK (role IN ('LEAD', 'PARTICIPANT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every task of every plan so far: its section's units, in the order the 责任分工 line names them.
INSERT INTO plan_task_unit (task_id, unit_id, role, sort_order)
SELECT t.id, su.unit_id, su.role, CASE su.role WHEN 'LEAD' THEN su.sort_order ELSE 100 + su.sort_order END
FROM plan_task t
JOIN plan_section_unit su ON su.section_id = t.section_id;

-- A task whose lead unit is not among its section's lead units (set when the plan was entered) leads it alone.
UPDATE plan_task_unit tu JOIN plan_task t ON t.id = tu.task_id
SET tu.role = 'PARTICIPANT', tu.sort_order = 100 + tu.sort_order
WHERE tu.role = 'LEAD' AND tu.unit_id <> t.lead_unit_id
  AND NOT EXISTS (SELECT 1 FROM plan_section_unit su WHERE su.section_id = t.section_id AND su.unit_id = t.lead_unit_id
                  AND su.role = 'LEAD');
INSERT INTO plan_task_unit (task_id, unit_id, role, sort_order)
SELECT t.id, t.lead_unit_id, 'LEAD', 0 FROM plan_task t
WHERE NOT EXISTS (SELECT 1 FROM plan_task_unit tu WHERE tu.task_id = t.id AND tu.unit_id = t.lead_unit_id);
UPDATE plan_task_unit tu JOIN plan_task t ON t.id = tu.task_id
SET tu.role = 'LEAD', tu.sort_order = 0
WHERE tu.unit_id = t.lead_unit_id;

-- Who changed a task's units, when, why, and what they were before and after (unit names, as shown then).
CREATE TABLE plan_task_unit_change (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  task_id       BIGINT         NOT NULL,
  changed_by    BIGINT         NOT NULL COMMENT 'staff account',
  changed_at    DATETIME(3)    NOT NULL,
  reason        VARCHAR(500)   NOT NULL,
  units_before  VARCHAR(2000)  NOT NULL,
  units_after   VARCHAR(2000)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_task_unit_change_task (task_id, changed_at),
  CONSTRAINT fk_task_unit_change_task FOREIGN KEY (task_id) REFERENCES plan_task (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The role the reporting unit had on the task when it reported (LEAD, PARTICIPANT, or TOWN for a town reporting on
-- a task it is not assigned to); NULL for reports made before units other than the lead could report.
ALTER TABLE unit_report ADD COLUMN unit_role VARCHAR(16) NULL AFTER unit_id,
  ADD CONSTRAINT ck_unit_report_role CHECK (unit_role IS NULL OR unit_role IN ('LEAD', 'PARTICIPANT', 'TOWN'));
