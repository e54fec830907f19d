-- Reference data: the 云溪区 division tree and the units of the plan.
--
-- Towns/streets: names of 云溪区's streets and towns as publicly known; their 9-digit codes follow the
-- 统计用区划代码 layout (430603 + 3 digits) and must be checked against the civil-affairs list before go-live.
-- Villages/communities: ILLUSTRATIVE SAMPLE DATA (sample_data = TRUE), including their populations; the
-- district replaces them with the real list through a later migration. See README, "设计说明".

INSERT INTO region (code, parent_code, name, level, kind, population, sample_data, sort_order) VALUES
  ('430603', NULL, '云溪区', 'DISTRICT', '区', NULL, FALSE, 0),
  ('430603001', '430603', '云溪街道', 'TOWN', '街道', NULL, FALSE, 1),
  ('430603002', '430603', '长岭街道', 'TOWN', '街道', NULL, FALSE, 2),
  ('430603100', '430603', '陆城镇', 'TOWN', '镇', NULL, FALSE, 3),
  ('430603101', '430603', '路口镇', 'TOWN', '镇', NULL, FALSE, 4),
  ('430603001001', '430603001', '云溪样例社区1', 'VILLAGE', '社区', 2150, TRUE, 1),
  ('430603001002', '430603001', '云溪样例社区2', 'VILLAGE', '社区', 2500, TRUE, 2),
  ('430603001003', '430603001', '云溪样例社区3', 'VILLAGE', '社区', 2850, TRUE, 3),
  ('430603002001', '430603002', '长岭样例社区1', 'VILLAGE', '社区', 2270, TRUE, 1),
  ('430603002002', '430603002', '长岭样例社区2', 'VILLAGE', '社区', 2620, TRUE, 2),
  ('430603002003', '430603002', '长岭样例社区3', 'VILLAGE', '社区', 2970, TRUE, 3),
  ('430603100201', '430603100', '陆城样例村1', 'VILLAGE', '村', 2390, TRUE, 1),
  ('430603100202', '430603100', '陆城样例村2', 'VILLAGE', '村', 2740, TRUE, 2),
  ('430603100203', '430603100', '陆城样例村3', 'VILLAGE', '村', 3090, TRUE, 3),
  ('430603101201', '430603101', '路口样例村1', 'VILLAGE', '村', 2510, TRUE, 1),
  ('430603101202', '430603101', '路口样例村2', 'VILLAGE', '村', 2860, TRUE, 2),
  ('430603101203', '430603101', '路口样例村3', 'VILLAGE', '村', 3210, TRUE, 3);

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
