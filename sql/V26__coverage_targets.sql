SET @plan = (SELECT id FROM plan WHERE code = 'YUNXI-2022-2025');

-- The two 全覆盖 targets the plan states that the seed left out. Neither can be counted from records: the lead unit
-- enters the share with its list as evidence, and the district approves it.
INSERT INTO indicator (plan_id, section_id, code, name, unit, target, comparison, target_basis, measure, method,
                       source_text, lead_unit_id, sort_order, created_at)
SELECT @plan, s.id, x.code, x.name, '%', 100, 'FULL', 'PERIOD', 'MANUAL', x.method, x.src, u.id, x.sort_order,
       CURRENT_TIMESTAMP(3)
FROM (
  SELECT 'YOUTH' AS section_code, 'SCIENCE_EDUCATION_STAGE_COVERAGE' AS code,
         '中小幼各学段科学教育覆盖率' AS name,
         '开展科学教育（幼儿园科学启蒙，中小学开齐开足科学类课程与实验）的幼儿园、小学、初中、高中数 ÷ 全区各学段学校数；区教体局按学校清单录入并附清单，经区纲要办审核' AS method,
         '抓实中小幼各学段科学教育全覆盖' AS src, 'JTJ' AS lead_code, 14 AS sort_order
  UNION ALL SELECT 'FARMER', 'PARTY_PLATFORM_RESOURCES_COVERAGE',
         '“科普中国”“科普湖南”优质科普资源嵌入基层党群（政务）服务网络平台覆盖率',
         '已嵌入“科普中国”“科普湖南”优质科普资源的基层党群（政务）服务网络平台数 ÷ 全部基层党群（政务）服务网络平台数；区农业农村局按平台清单录入并附清单与嵌入截图，经区纲要办审核',
         '推动“科普中国”“科普湖南”优质科普资源，嵌入基层党群（政务）服务网络平台全覆盖', 'NYNCJ', 15
) x
JOIN plan_section s ON s.plan_id = @plan AND s.code = x.section_code
JOIN org_unit u ON u.code = x.lead_code;
