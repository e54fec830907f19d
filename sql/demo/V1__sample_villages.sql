-- Illustrative villages and communities, three under each town or street, with made-up populations: enough for
-- residents to choose where they live and for per-village figures to show something. Not the civil-affairs list.

INSERT INTO region (code, parent_code, name, level, kind, population, sample_data, sort_order) VALUES
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
