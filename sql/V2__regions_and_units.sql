-- The 云溪区 division tree (district → towns/streets → villages/communities) and the units that carry out the plan:
-- the district departments named in its 责任分工 lines, the park, and the towns/streets.

CREATE TABLE region (
  code         VARCHAR(12)  NOT NULL COMMENT 'GB/T 2260 style division code',
  parent_code  VARCHAR(12)  NULL,
  name         VARCHAR(64)  NOT NULL,
  level        VARCHAR(16)  NOT NULL COMMENT 'DISTRICT, TOWN, VILLAGE',
  kind         VARCHAR(16)  NOT NULL COMMENT '区, 街道, 镇, 乡, 社区, 村',
  population   INT          NULL COMMENT 'registered residents, for participation rates; NULL when unknown',
  sample_data  BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'TRUE when the row is illustrative, not sourced from a public division list',
  sort_order   INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (code),
  KEY idx_region_parent (parent_code, sort_order),
  CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code),
  CONSTRAINT ck_region_level CHECK (level IN ('DISTRICT', 'TOWN', 'VILLAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE org_unit (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(64)  NOT NULL,
  kind         VARCHAR(16)  NOT NULL COMMENT 'DISTRICT_OFFICE, DEPARTMENT, TOWN, PARK',
  region_code  VARCHAR(12)  NULL COMMENT 'for TOWN units: the town they administer',
  sort_order   INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_org_unit_code (code),
  UNIQUE KEY uk_org_unit_name (name),
  CONSTRAINT fk_org_unit_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_org_unit_kind CHECK (kind IN ('DISTRICT_OFFICE', 'DEPARTMENT', 'TOWN', 'PARK'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Towns/streets: the names of 云溪区's streets and towns as publicly known; their 9-digit codes follow the
-- 统计用区划代码 layout (430603 + 3 digits) and must be checked against the civil-affairs list before go-live.
-- Villages/communities come from that list too, in a migration of their own before go-live (residents choose a
-- village or community, never a whole town); until then only the demo data (sql/demo) has illustrative ones.
INSERT INTO region (code, parent_code, name, level, kind, population, sample_data, sort_order) VALUES
  ('430603', NULL, '云溪区', 'DISTRICT', '区', NULL, FALSE, 0),
  ('430603001', '430603', '云溪街道', 'TOWN', '街道', NULL, FALSE, 1),
  ('430603002', '430603', '长岭街道', 'TOWN', '街道', NULL, FALSE, 2),
  ('430603100', '430603', '陆城镇', 'TOWN', '镇', NULL, FALSE, 3),
  ('430603101', '430603', '路口镇', 'TOWN', '镇', NULL, FALSE, 4);

INSERT INTO org_unit (code, name, kind, region_code, sort_order) VALUES
  ('GYB', '区全民科学素质行动规划纲要实施工作办公室', 'DISTRICT_OFFICE', NULL, 0),
  ('KX', '区科协', 'DEPARTMENT', NULL, 1),
  ('JTJ', '区教体局', 'DEPARTMENT', NULL, 2),
  ('TQW', '团区委', 'DEPARTMENT', NULL, 3),
  ('XCB', '区委宣传部', 'DEPARTMENT', NULL, 4),
  ('KGJ', '区科工局', 'DEPARTMENT', NULL, 5),
  ('NYNCJ', '区农业农村局', 'DEPARTMENT', NULL, 6),
  ('WLGDJ', '区文旅广电局', 'DEPARTMENT', NULL, 7),
  ('RSJ', '区人社局', 'DEPARTMENT', NULL, 8),
  ('MZJ', '区民政局', 'DEPARTMENT', NULL, 9),
  ('SCJGJ', '区市场监管局', 'DEPARTMENT', NULL, 10),
  ('ZRZYJ', '区自然资源局', 'DEPARTMENT', NULL, 11),
  ('XFJY', '区消防救援大队', 'DEPARTMENT', NULL, 12),
  ('ZZB', '区委组织部', 'DEPARTMENT', NULL, 13),
  ('TZB', '区委统战部', 'DEPARTMENT', NULL, 14),
  ('LYJ', '区林业局', 'DEPARTMENT', NULL, 15),
  ('STHJ', '区生态环境分局', 'DEPARTMENT', NULL, 16),
  ('WJJ', '区卫健局', 'DEPARTMENT', NULL, 17),
  ('ZGH', '区总工会', 'DEPARTMENT', NULL, 18),
  ('FL', '区妇联', 'DEPARTMENT', NULL, 19),
  ('CZJ', '区财政局', 'DEPARTMENT', NULL, 20),
  ('FGJ', '区发改局', 'DEPARTMENT', NULL, 21),
  ('YJGLJ', '区应急管理局', 'DEPARTMENT', NULL, 22),
  ('LSHG', '绿色化工高新区管委会', 'PARK', NULL, 23),
  ('T430603001', '云溪街道', 'TOWN', '430603001', 100),
  ('T430603002', '长岭街道', 'TOWN', '430603002', 101),
  ('T430603100', '陆城镇', 'TOWN', '430603100', 102),
  ('T430603101', '路口镇', 'TOWN', '430603101', 103);
