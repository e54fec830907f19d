-- The district's plan: 岳阳市云溪区全民科学素质行动规划纲要实施方案（2022—2025）, issued by the 云溪区人民政府办公室 on
-- 2022-11-26. Its sections, the units of each 责任分工 line, every "——" task and every quantitative target it states.
-- Indicator codes are stable: events tag their trainings with them.

INSERT INTO plan (code, name, issuing_body, document_no, period_start, period_end, issued_on, created_at) VALUES
  ('YUNXI-2022-2025', '岳阳市云溪区全民科学素质行动规划纲要实施方案（2022—2025）', '岳阳市云溪区人民政府办公室', NULL,
   '2022-01-01', '2025-12-31', '2022-11-26', CURRENT_TIMESTAMP(3));
SET @plan = (SELECT id FROM plan WHERE code = 'YUNXI-2022-2025');

INSERT INTO plan_section (plan_id, code, kind, name, sort_order) VALUES
  (@plan, 'OVERALL', 'GOAL', '总体目标', 0),
  (@plan, 'YOUTH', 'ACTION', '青少年科学素质提升行动', 1),
  (@plan, 'FARMER', 'ACTION', '农民科学素质提升行动', 2),
  (@plan, 'WORKER', 'ACTION', '产业工人科学素质提升行动', 3),
  (@plan, 'ELDERLY', 'ACTION', '老年人科学素质提升行动', 4),
  (@plan, 'OFFICIAL', 'ACTION', '领导干部和公务员科学素质提升行动', 5),
  (@plan, 'RESOURCES', 'PROJECT', '科技资源科普化工程', 6),
  (@plan, 'INFORMATIZATION', 'PROJECT', '科普信息化提升工程', 7),
  (@plan, 'INFRASTRUCTURE', 'PROJECT', '科普基础设施建设工程', 8),
  (@plan, 'GRASSROOTS', 'PROJECT', '基层科普能力提升工程', 9),
  (@plan, 'TALENT', 'PROJECT', '科普人才队伍建设工程', 10);

UPDATE plan_section SET responsibility_text = '（责任分工：区教体局、团区委、区科协牵头，区委宣传部、区科工局、区农业农村局、区文旅广电局、区人社局、区民政局、区市场监管局、区自然资源局、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'YOUTH';
UPDATE plan_section SET responsibility_text = '（责任分工：区农业农村局牵头，区委组织部、区委宣传部、区委统战部、区林业局、区教体局、区科工局、区人社局、区自然资源局、区生态环境分局、区文旅广电局、区卫健局、区民政局、区市场监管局、区总工会、团区委、区妇联、区科协等单位参加）' WHERE plan_id = @plan AND code = 'FARMER';
UPDATE plan_section SET responsibility_text = '（责任分工：区人社局、区总工会、区教体局牵头，区委宣传部、区财政局、区市场监管局、区科工局、区民政局、区卫健局、区文旅广电局、团区委、区妇联、区科协、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'WORKER';
UPDATE plan_section SET responsibility_text = '（责任分工：区卫健局、区民政局牵头，区委组织部、区委宣传部、区科协、区科工局、区市场监管局、区人社局、区教体局、区文旅广电局、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'ELDERLY';
UPDATE plan_section SET responsibility_text = '（责任分工：区委组织部、区委宣传部、区人社局牵头，区委统战部、区科工局、区自然资源局、区生态环境分局、区文旅广电局、区卫健局、区市场监管局、区总工会、团区委、区妇联、区科协、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'OFFICIAL';
UPDATE plan_section SET responsibility_text = '（责任分工：区科工局、区教体局牵头，区发改局、区财政局、区人社局、区自然资源局、区生态环境分局、区文旅广电局、区科协等单位参加）' WHERE plan_id = @plan AND code = 'RESOURCES';
UPDATE plan_section SET responsibility_text = '（责任分工：区委宣传部、区科工局牵头，区科协、区文旅广电局、区教体局、区人社局、区财政局、区发改局、区生态环境分局、区自然资源局等单位参加）' WHERE plan_id = @plan AND code = 'INFORMATIZATION';
UPDATE plan_section SET responsibility_text = '（责任分工：区科工局、区发改局、区科协牵头，区委宣传部、区教体局、区民政局、区财政局、区人社局、区自然资源局、区生态环境分局、区农业农村局、区文旅广电局、区卫健局、区市场监管局、区林业局、区消防救援大队、区总工会、区团委、区妇联等单位参加）' WHERE plan_id = @plan AND code = 'INFRASTRUCTURE';
UPDATE plan_section SET responsibility_text = '（责任分工：区科工局、区应急管理局、区卫健局牵头，区委组织部、区委宣传部、区人社局、区教体局、区生态环境分局、区自然资源局、区文旅广电局、区农业农村局、区财政局、区科协、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'GRASSROOTS';
UPDATE plan_section SET responsibility_text = '（责任分工：区委宣传部、区科协牵头，区委组织部、区总工会、团区委、区妇联、区卫健局、区文旅广电局、区民政局、人社局、区自然资源局、区应急管理局、区市场监管局、区生态环境分局、区发改局、区农业农村局、区科工局、区财政局、区教体局、区林业局、区消防救援大队等单位参加）' WHERE plan_id = @plan AND code = 'TALENT';
UPDATE plan_section SET responsibility_text = '区人民政府领导实施；区科协（区全民科学素质纲要实施工作办公室）综合协调' WHERE plan_id = @plan AND code = 'OVERALL';

INSERT INTO plan_section_unit (section_id, unit_id, role, sort_order)
SELECT s.id, u.id, x.role, x.sort_order FROM (
  SELECT 'OVERALL' AS section_code, 'LEAD' AS role, '区全民科学素质行动规划纲要实施工作办公室' AS unit_name, 0 AS sort_order
  UNION ALL SELECT 'OVERALL', 'LEAD', '区科协', 1
  UNION ALL SELECT 'YOUTH', 'LEAD', '区教体局', 0
  UNION ALL SELECT 'YOUTH', 'LEAD', '团区委', 1
  UNION ALL SELECT 'YOUTH', 'LEAD', '区科协', 2
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区委宣传部', 0
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区科工局', 1
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区农业农村局', 2
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区文旅广电局', 3
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区人社局', 4
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区民政局', 5
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区市场监管局', 6
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区自然资源局', 7
  UNION ALL SELECT 'YOUTH', 'PARTICIPANT', '区消防救援大队', 8
  UNION ALL SELECT 'FARMER', 'LEAD', '区农业农村局', 0
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区委组织部', 0
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区委宣传部', 1
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区委统战部', 2
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区林业局', 3
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区教体局', 4
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区科工局', 5
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区人社局', 6
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区自然资源局', 7
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区生态环境分局', 8
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区文旅广电局', 9
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区卫健局', 10
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区民政局', 11
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区市场监管局', 12
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区总工会', 13
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '团区委', 14
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区妇联', 15
  UNION ALL SELECT 'FARMER', 'PARTICIPANT', '区科协', 16
  UNION ALL SELECT 'WORKER', 'LEAD', '区人社局', 0
  UNION ALL SELECT 'WORKER', 'LEAD', '区总工会', 1
  UNION ALL SELECT 'WORKER', 'LEAD', '区教体局', 2
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区委宣传部', 0
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区财政局', 1
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区市场监管局', 2
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区科工局', 3
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区民政局', 4
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区卫健局', 5
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区文旅广电局', 6
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '团区委', 7
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区妇联', 8
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区科协', 9
  UNION ALL SELECT 'WORKER', 'PARTICIPANT', '区消防救援大队', 10
  UNION ALL SELECT 'ELDERLY', 'LEAD', '区卫健局', 0
  UNION ALL SELECT 'ELDERLY', 'LEAD', '区民政局', 1
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区委组织部', 0
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区委宣传部', 1
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区科协', 2
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区科工局', 3
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区市场监管局', 4
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区人社局', 5
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区教体局', 6
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区文旅广电局', 7
  UNION ALL SELECT 'ELDERLY', 'PARTICIPANT', '区消防救援大队', 8
  UNION ALL SELECT 'OFFICIAL', 'LEAD', '区委组织部', 0
  UNION ALL SELECT 'OFFICIAL', 'LEAD', '区委宣传部', 1
  UNION ALL SELECT 'OFFICIAL', 'LEAD', '区人社局', 2
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区委统战部', 0
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区科工局', 1
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区自然资源局', 2
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区生态环境分局', 3
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区文旅广电局', 4
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区卫健局', 5
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区市场监管局', 6
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区总工会', 7
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '团区委', 8
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区妇联', 9
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区科协', 10
  UNION ALL SELECT 'OFFICIAL', 'PARTICIPANT', '区消防救援大队', 11
  UNION ALL SELECT 'RESOURCES', 'LEAD', '区科工局', 0
  UNION ALL SELECT 'RESOURCES', 'LEAD', '区教体局', 1
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区发改局', 0
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区财政局', 1
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区人社局', 2
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区自然资源局', 3
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区生态环境分局', 4
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区文旅广电局', 5
  UNION ALL SELECT 'RESOURCES', 'PARTICIPANT', '区科协', 6
  UNION ALL SELECT 'INFORMATIZATION', 'LEAD', '区委宣传部', 0
  UNION ALL SELECT 'INFORMATIZATION', 'LEAD', '区科工局', 1
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区科协', 0
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区文旅广电局', 1
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区教体局', 2
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区人社局', 3
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区财政局', 4
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区发改局', 5
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区生态环境分局', 6
  UNION ALL SELECT 'INFORMATIZATION', 'PARTICIPANT', '区自然资源局', 7
  UNION ALL SELECT 'INFRASTRUCTURE', 'LEAD', '区科工局', 0
  UNION ALL SELECT 'INFRASTRUCTURE', 'LEAD', '区发改局', 1
  UNION ALL SELECT 'INFRASTRUCTURE', 'LEAD', '区科协', 2
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区委宣传部', 0
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区教体局', 1
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区民政局', 2
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区财政局', 3
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区人社局', 4
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区自然资源局', 5
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区生态环境分局', 6
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区农业农村局', 7
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区文旅广电局', 8
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区卫健局', 9
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区市场监管局', 10
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区林业局', 11
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区消防救援大队', 12
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区总工会', 13
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '团区委', 14
  UNION ALL SELECT 'INFRASTRUCTURE', 'PARTICIPANT', '区妇联', 15
  UNION ALL SELECT 'GRASSROOTS', 'LEAD', '区科工局', 0
  UNION ALL SELECT 'GRASSROOTS', 'LEAD', '区应急管理局', 1
  UNION ALL SELECT 'GRASSROOTS', 'LEAD', '区卫健局', 2
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区委组织部', 0
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区委宣传部', 1
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区人社局', 2
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区教体局', 3
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区生态环境分局', 4
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区自然资源局', 5
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区文旅广电局', 6
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区农业农村局', 7
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区财政局', 8
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区科协', 9
  UNION ALL SELECT 'GRASSROOTS', 'PARTICIPANT', '区消防救援大队', 10
  UNION ALL SELECT 'TALENT', 'LEAD', '区委宣传部', 0
  UNION ALL SELECT 'TALENT', 'LEAD', '区科协', 1
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区委组织部', 0
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区总工会', 1
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '团区委', 2
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区妇联', 3
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区卫健局', 4
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区文旅广电局', 5
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区民政局', 6
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区人社局', 7
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区自然资源局', 8
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区应急管理局', 9
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区市场监管局', 10
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区生态环境分局', 11
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区发改局', 12
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区农业农村局', 13
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区科工局', 14
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区财政局', 15
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区教体局', 16
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区林业局', 17
  UNION ALL SELECT 'TALENT', 'PARTICIPANT', '区消防救援大队', 18
) x
JOIN plan_section s ON s.plan_id = @plan AND s.code = x.section_code
JOIN org_unit u ON u.name = x.unit_name;

-- Tasks: each section's "——" items, led by the section's first lead unit (staff may reassign a task).
INSERT INTO plan_task (section_id, seq, title, description, lead_unit_id)
SELECT s.id, x.seq, x.title, x.description,
       (SELECT psu.unit_id FROM plan_section_unit psu WHERE psu.section_id = s.id AND psu.role = 'LEAD' ORDER BY psu.sort_order LIMIT 1)
FROM (
  SELECT 'YOUTH' AS section_code, 1 AS seq, '将弘扬科学家精神贯穿于中小学育人全链条' AS title, '将弘扬科学家精神贯穿于中小学育人全链条。各学校和各学科教师，务必以课堂为青少年创新教育和培养科学精神的主阵地，坚持立德树人，将求真务实、理性质疑、开拓创新等科学精神融入各学科课程的教学，渗透到课堂，做到润物无声、化茧成蝶。大力宣扬科学家精神，弘扬科学家胸怀祖国、服务人民的爱国精神和勇攀高峰、敢为人先的创新精神，激励青少年从小树立投身建设科技强国远大志向。' AS description
  UNION ALL SELECT 'YOUTH', 2, '抓实中小幼各学段科学教育全覆盖', '抓实中小幼各学段科学教育全覆盖。加强学龄前儿童科学启蒙教育，在游戏与活动中悄无声息渗透科学教育，培养学龄前儿童对科学的兴趣和好奇心。全面落实义务教育科学课程标准，中小学开齐开足各学科课程，提高小学科学和中学理化生等课程的实验开出率，让动手操作、亲身实验和探索成为实验学科课堂教学的常态。践行启发式、探究式、开放式教学，保护学生好奇心，激发求知欲和想象力。完善小学与初高中包括科学、数学、物理、化学、生物学、信息科技等学科在内的学业水平考试和综合素质评价制度，将科技实践纳入中小学生综合素质评价，鼓励和引导有创新潜质的学生个性化发展。完善实验学科课程教育质量评价和青少年科学素质监测评估。'
  UNION ALL SELECT 'YOUTH', 3, '推动校内外科学教育资源有效衔接和利用', '推动校内外科学教育资源有效衔接和利用。切实保障各学校多功能教室、图书室、综合器材室等教室配备，保障中小学实验室、计算机教室配备。鼓励中小学校充分利用科技场馆、博物馆、科普教育基地等科普场所，广泛开展各类学习实践活动。推动域内科研机构、医疗卫生机构、高新产业园及企业等面向中小学开发开放互动性、体验性强的科教项目和科教资源。支持青少年活动中心、科技场馆等校外场所依据课标开发科学教育活动和课程资源。组织开展校园科技节、科技活动周、科学阅读、科学家演讲等科普在校园和科普进校园活动；结合全国科普日、公众科学日等广泛开展科普宣传；广泛普及节约资源、环境保护、防灾应急、食品药品安全、心理健康等知识；加强珍爱生命、远离毒品和崇尚科学文明、反对愚昧迷信与反邪教的宣传教育。结合地域特点和区域产业（园区）特色，设计开发适合本地区青少年的科学教育资源，组织开展科技逐梦、参访研学、调查体验等系列科普活动。积极组织开展航模、青少年机器人、信息技术编程等活动。依托乡村学校少年宫、科学工作室等设施面向农村学生特别是留守儿童，开展科技辅导、心理疏导、安全健康等方面的活动，帮助他们提高科学素质、增长见识。加强对家庭科学教育的指导，增强家长科学教育意识，传播科学教育方法，引导积极性高的家长成为科技志愿者。'
  UNION ALL SELECT 'YOUTH', 4, '实施科技创新后备人才培育计划', '实施科技创新后备人才培育计划。建立科学、多元的发现和培育机制，对热爱科学、有科学家潜质的中小学生进行个性化培养。大力开展各类青少年科技创新活动，为热爱科学、乐于创新的中小学生搭建学习、交流和展示平台。通过开展青少年科技创新大赛、机器人竞赛、模型竞赛、全国中学生五项学科竞赛等活动，探索“双减”政策下科技创新后备人才贯通式培养模式，总结科技创新后备人才成长规律。'
  UNION ALL SELECT 'YOUTH', 5, '实施教师科学素质培养提升工程', '实施教师科学素质培养提升工程。将科学精神纳入教师培养过程，将科学教育和创新人才培养作为重要内容，加强新科技知识和技能培训。加大对科学、数学、物理、化学、生物学、通用技术、信息科技等学科教师的培训力度，不断提高各学科教师的科学素质和科辅能力。打造一支专业又敬业的专职科技辅导员队伍，建立和壮大科学宣传与科技辅导志愿者队伍。对学校开展科辅工作所需的工作场地、条件和工作经费予以充分保障，科技辅导员评优评先等各项待遇，做到与其他学科老师一视同仁。'
  UNION ALL SELECT 'YOUTH', 6, '推进家庭科学教育', '推进家庭科学教育。加强对家庭科学教育的指导，增强家长科学教育意识，传播科学教育方法，引导积极性高的家长成为科技志愿者。'
  UNION ALL SELECT 'YOUTH', 7, '加强科学教育的理论和实践研究', '加强科学教育的理论和实践研究。建立科学教育研究机制，开展科学教育交流与合作。探索科学教育质量监测和青少年科学素质监测评估工作。'
  UNION ALL SELECT 'FARMER', 1, '广泛开展形式多样的农村科普活动', '广泛开展形式多样的农村科普活动。重点围绕农业产业高质量发展、保护生态环境、节约能源资源、绿色生产、防灾减灾、卫生健康、移风易俗等领域，深入开展科普宣传教育活动。广泛深入开展全国科普日、科技活动周、文化科技卫生“三下乡”等群众性、基础性、经常性的农村科普活动，积极组织参加全国农民科学素质网络知识竞赛和湖南省科学素质网络大赛。'
  UNION ALL SELECT 'FARMER', 2, '大力开展农民科技教育培训', '大力开展农民科技教育培训。围绕乡村振兴，实施高素质农民培育计划，服务农业农村现代化，分层分类开展高素质农民、农村实用人才、农村创新创业带头人、农村电商技能人才、农村文化建设人才、农村妇女等重点人群的科技教育培训，“十四五”期间培训农技人员50人次、高素质农民500人以上。开展农村电商技能巾帼人才培训，举办面向农民的技能大赛、乡土人才创新创业大赛等，发展一批“土专家”“田秀才”“乡创客”。开展乡村振兴科技致富带头人培训计划，提升农村低收入人口职业技能，增强内生发展能力。实施健康中国行动，为农村留守老人、妇女、儿童提供健康科普服务。'
  UNION ALL SELECT 'FARMER', 3, '实施乡村振兴科技支撑行动', '实施乡村振兴科技支撑行动。深入推行科技特派员制度，建立健全符合农业科技服务需求和特点的科技帮扶服务体系，着力提升科技帮扶实效。支持农业产业化企业、农民专业合作社、家庭农场等经营主体，加快稻虾、湘莲、艾叶、白泥湖螃蟹等特色产业提质扩面，创建市级以上示范合作社和家庭农场各2家，新增“两品一标”产品认证2个以上。结合“文明乡村”创建活动，深入开展农村集体聚餐食品安全培训，提高农村群众食品安全认知水平，优化农村群众整体素质。'
  UNION ALL SELECT 'FARMER', 4, '加强农村科普服务平台和资源建设', '加强农村科普服务平台和资源建设。加强党群服务中心、新时代文明实践中心等设施的科普资源配置，推动“科普中国”“科普湖南”优质科普资源，嵌入基层党群（政务）服务网络平台全覆盖，提升科普能力。广泛利用新媒体、新技术传播先进科学知识和农技服务信息。开展科普示范镇（街道）、文明乡村、同心美丽乡村等创建活动，带动农村科普能力整体提升。强化农村科普信息化建设，推进农村科普“互联网+”工程，依托信息化平台，提升农村社区科普传播能力。“十四五”期间科普信息员覆盖率达到90%以上。'
  UNION ALL SELECT 'WORKER', 1, '开展理想信念和职业精神宣传教育，营造创新创造浓厚氛围', '开展理想信念和职业精神宣传教育，营造创新创造浓厚氛围。在产业工人中大力宣传新发展理念，开展“中国梦·劳动美”“全国科技工作者日”“云溪工匠”等活动，组织劳模工匠进园区企业开展宣讲，大力弘扬劳模精神、劳动精神、工匠精神，引导产业工人爱岗敬业、甘于奉献、勇于创新、培养健康文明、昂扬向上的职工文化，加强科普宣传，激发创新创造活力。弘扬企业家精神，提高企业家科学素质，引导企业家踊跃探索引领创新发展，推动产业工人科学素质，探索建立企业科技创新和产业工人科学素质共同提升的良性机制。'
  UNION ALL SELECT 'WORKER', 2, '推进产业工人教育培训', '推进产业工人教育培训。聚焦地方生态产业和重大项目，面向高校毕业生、就业困难人员、农民工等重点群体开展就业技能培训和职业技能提升培训，培训人数不少于4000人。紧扣新生代农民工培训需求实际，主动对接园区并梳理大项目大企业岗位技能要求，开展新生代农民工适岗培训，精准培训一大批岗位急需的技能人才。对新生代农民工开展免费职业技能培训每年不少于300人。支持培训机构、互联网平台企业组织开展养老、托幼、家政等技能培训，以及新兴产业、先进制造业、现代服务业等领域新职业技能培训，增强劳动者就业能力。开展直播销售、电子商务、网约配送、社群健康、快递收发等新业态培训。积极发挥职业技能培训资金等政府资金激励导向作用，开展各类补贴性职业技能培训4000人次以上，新增技能人才1000人。'
  UNION ALL SELECT 'WORKER', 3, '提升产业工人职业技能', '提升产业工人职业技能。建立以企业岗位练兵和技术比武为基础、以区域性行业性竞赛为主体的职业技能竞赛体系。定期举办区级职工职业（行业）技能竞赛，强化技能人才技能竞赛岗位练兵、创新创业大赛等群众性劳动比武活动社会效应。围绕主导产业发展需求，优化专业设置、如强校企合作、定向培养和社会化技能培训，培养企业急需紧缺高技能人才，打造“云溪工匠”等品牌。'
  UNION ALL SELECT 'WORKER', 4, '完善产教融合发展制度', '完善产教融合发展制度。落实产教融合政策，健全行业、企业、院校、社会力量共同参与的职业教育与培训体系。完善促进校企合作机制，健全职业院校学生到企业实习实训制度，强化职业启蒙和创新创业教育。全面实施职工素质建设工程，扩大各类技术技能竞赛、岗位练兵、技能培训覆盖面。鼓励以校企合作等模式，依托行业骨干企业试点建设高水平、专业化区级公共实训基地。在职前教育、职业培训、考核鉴定中融入科学素质、绿色发展、安全生产、防灾减灾、心理疏导等内容。'
  UNION ALL SELECT 'WORKER', 5, '加强科普宣传，激发创新创造活力', '加强科普宣传，激发创新创造活力。结合市场监管系统工作职能，推动开展“云溪区知识产权促进运用保护培训会”活动，普及知识产权相关知识，激励产业工人加强科学知识学习以及提高创新创造能力，推动整体科学素质的提升。加大力度宣传商事制度改革、优化营商环境等便民利民制度及举措，鼓励支持劳动者开发多样性的新业态模式。'
  UNION ALL SELECT 'WORKER', 6, '提升女性产业工人职业技能', '提升女性产业工人职业技能。建立以企业岗位练兵和技术比武为基础、以区域性行业性竞赛为主体的职业技能竞赛体系。举办女性职工职业（行业）技能竞赛、创新创业大赛、巾帼建功、创新方法大赛等群众性劳动比武活动。围绕主导产业发展需求，优化专业设置、加强校企合作、定向培养和社会化技能培训，培养企业急需紧缺高技能女性人才，打造“巾帼英才”等品牌。'
  UNION ALL SELECT 'ELDERLY', 1, '开展积极老龄观培育行动', '开展积极老龄观培育行动。将社会主义核心价值观融入老年人生活和宣传教育活动中，鼓励老年人积极面对老年生活，做到老有所乐、老有所学、老有所为。'
  UNION ALL SELECT 'ELDERLY', 2, '加强养老服务基础设施建设', '加强养老服务基础设施建设。加快区域性敬老院和照料护理区建设，提升敬老机构和救助机构的服务质量和水平。实施特困人员供养服务设施（敬老院）改造提升工程，发挥农村敬老院区域性示范作用，完善老年人关爱服务体系，提高农村敬老院兜底保障能力。推动老年人居家适老化改造工程，深化居家和社区养老服务改革试点。大力发展社区养老服务，着力打造“智慧养老”示范点，并逐步在全区推广，提升社会服务效能。开展养老院服务质量建设专项行动，推动养老公共服务补短板强弱项提质量。进一步建立健全农村养老服务保障制度，在现有基础上，提高经济困难的高龄、失能老年人补贴标准，加强农村养老服务基础设施建设，将农村敬老院改造升级为区域养老服务中心。'
  UNION ALL SELECT 'ELDERLY', 3, '加强养老服务机构综合监管', '加强养老服务机构综合监管。实行养老机构备案管理，建立养老机构综合评估和信用评价制度，定期组织开展相关评估工作。深化公办养老机构改革，支持公办养老机构实行公建民营，促进社会力量逐步成为发展养老行业的主体，规范公建民营养老机构管理、促进公建民营养老机构健康发展。配合医保部门探索建立长期照护服务险，建立不同失能状态老年人群的长期照护基础服务项目、服务流程、标准与规范，提高专业化照护服务能力。'
  UNION ALL SELECT 'ELDERLY', 4, '加强养老服务队伍专业化建设', '加强养老服务队伍专业化建设。制定实施养老护理员职业技能标准，完善多层次养老服务培训机制，全面提升护理人员的专业技能和服务水平。不断完善养老服务从业人员激励政策，建立养老服务褒扬机制，开展养老护理关爱活动，让养老护理员的劳动创造和社会价值在全社会得到尊重。'
  UNION ALL SELECT 'ELDERLY', 5, '开展智慧助老专项行动', '开展智慧助老专项行动。加强家庭、社区、社会协同，提高老年人信息素养。依托社区科技志愿活动，普及智能手机使用知识和技能，提升老年人信息的获取、识别和使用能力，有效预防和应对电信诈骗，提升老年人应对数字化、智能化、信息化社会发展的能力。聚焦老年人生活需求，开展线下培训，提高老年人智能手机应用能力，解决老年人在运用智能技术方面遇到的现实困难，促进老年人融入现代社会。'
  UNION ALL SELECT 'ELDERLY', 6, '开展老年人健康科普促进行动', '开展老年人健康科普促进行动。以帮助老年人跨越数字鸿沟，助力共建老年友好型社会为目的，深入开展和实施公益科教进社区、公共安全科普宣传行动、身心健康咨询等活动和项目，强化对老年人的科普内容推送和服务覆盖。依托健康教育系统，开展老年人健康科普进家庭、进社区、进机构，通过健康大讲堂、老年健康宣传周等活动，普及膳食营养、健身活动、心理健康、合理用药、应急处置等知识，增强老年人健康管理意识和能力。结合养老诈骗专项整治行动，深入开展和实施科普宣传，强化对老年人的科普内容推送和服务覆盖。'
  UNION ALL SELECT 'ELDERLY', 7, '搭建老年科普服务平台', '搭建老年科普服务平台。加强社区科普大学、老年学校等平台建设。充分利用广播、电视、报刊、网络等各类媒体，通过开设专栏、专题节目等方式，面向老年人开展科普宣传教育。'
  UNION ALL SELECT 'ELDERLY', 8, '实施银龄科普行动', '实施银龄科普行动。大力发展老年协会、老科协等组织，充分发挥老年人在咨询、智库等方面的积极作用。发展壮大老年志愿者队伍，鼓励支持老年人积极参与社会治理、科学普及等志愿工作。'
  UNION ALL SELECT 'OFFICIAL', 1, '开展科普实践活动', '开展科普实践活动。将志愿服务活动与科普志愿者活动相结合，加大新时代文明实践中心（所、站）科普类别活动比例，举办科普知识培训班，利用科普报告、专题讲座等形式，不断强化领导干部和公务员的责任意识和科学发展意识。'
  UNION ALL SELECT 'OFFICIAL', 2, '拓展科普宣传阵地', '拓展科普宣传阵地。利用电子信息化技术，让科普宣传进机关，向领导干部和公务员及时、快速、有效的传递最新的科技信息、科普知识、国家政策、法律法规等，定期更新内容，注重知识性与实用性相结合，使干部职工随时能学、随处可学。'
  UNION ALL SELECT 'OFFICIAL', 3, '加强科学素质教育培训', '加强科学素质教育培训。认真贯彻落实《干部教育培训工作条例》《公务员培训规定》等文件精神，加强前沿科技知识和全球科技发展趋势学习，增强把握科学发展规律的能力。强化领导干部和公务员对科教兴国、创新驱动发展等战略的认识，提高科学决策能力，树立科学执政理念，增强推进国家治理体系和治理能力现代化的本领，更好服务党和国家事业发展。依托国内知名高校优质培训资源定期举办干部专题研修班，持续推动领导干部知识更新，牢固树立科学执政理念。实施新时代基层干部主题培训行动计划，完善基层干部系统化经常化实战化教育培训机制。利用学习强国、岳阳干部教育培训网络学院、红星云、党员干部现代远程教育平台等信息化手段开展基层干部教育培训。'
  UNION ALL SELECT 'OFFICIAL', 4, '推进执业规范、多元激励等制度建设', '推进执业规范、多元激励等制度建设。贯彻落实《湖南省人力资源和社会保障厅关于公布全省新增高级职称评审委员会的通知》等文件精神，推动科普人才列入各类人才奖励和资助计划。'
  UNION ALL SELECT 'RESOURCES', 1, '加大科普创作支持力度', '加大科普创作支持力度。支持优秀科普原创作品，鼓励相关单位、社会机构和个人开发贴近生活、贴近群众、贴近基层的网络科普资源。推动科普创作和展教品研发示范团队建设，扶持科普创作和展教品研发人才成长，培养科普创作研发领军人物。'
  UNION ALL SELECT 'RESOURCES', 2, '推动科技成果加快转化为科普资源', '推动科技成果加快转化为科普资源。引导企业和社会组织有效开展科技资源科普化，持续推动在科技奖项评定、科技人员职称评聘、科技创新基地考核中纳入科普工作指标，激发多元主体的科普参与活力。鼓励各级科技计划（工程、专项、基金等）项目承担单位和人员，在科研任务中增加科普工作指标。鼓励支持科研人员多方式、多渠道将科研成果向公众传播。'
  UNION ALL SELECT 'RESOURCES', 3, '促进科普资源共享', '促进科普资源共享。充分利用大数据，结合文化信息资源共享工程，村（社区）党员干部云视讯平台、云溪区融媒体中心、云溪手机报、云溪科普，集成各类科普信息，通过互联网等方式为社会和公众提供科普服务。鼓励科研机构、企业、社会研发组织将生产线、专题展示场馆、科研设施设备等面向社会公众开放，使之成为服务科普教育的重要载体。'
  UNION ALL SELECT 'INFORMATIZATION', 1, '加快推进科普信息化建设', '加快推进科普信息化建设。积极贯彻落实国家、省市有关科普信息化建设要求，大力开展“互联网+科普”行动，整合科普信息化人才资源，加强科普信息化人才储备，凝聚工作合力，常态化组织科普信息员、科技志愿者参加科普信息化培训工作，经常开展科普信息传播能力提升竞赛活动。加强科普信息平台建设覆盖面，不断创新信息化运营模式，推动科普信息化向产业化、社会化方向发展。'
  UNION ALL SELECT 'INFORMATIZATION', 2, '提升全媒体科学传播能力', '提升全媒体科学传播能力。加强媒体从业人员科学传播能力培训，促进媒体与科学共同体的沟通合作，增强科学传播的专业性和权威性。推动全区主流媒体和公共宣传载体增加科学传播内容、增设科普专栏。推动公共交通、户外电子屏、楼宇电视、广播村村通、图书、报刊、音像、各类宣传栏等传统媒介广泛开展科普宣传，鼓励公益广告制作更多民众喜闻乐见的科普节目，增加科学传播内容，实现科普内容多渠道全媒体传播。引导主流媒体加大科普宣传力度，增加科普内容，增设科普栏目节目。'
  UNION ALL SELECT 'INFORMATIZATION', 3, '实施智慧科普建设工程', '实施智慧科普建设工程。推进科普与大数据、云计算、人工智能、区块链等技术深度融合，推动传播方式、组织动员、运营服务等创新升级，加强“科普云溪”品牌建设，推进优质科普内容生产汇聚和传播服务。强化科普信息落地应用，实现“科普云溪”嵌入区融媒体中心，融入新时代文明实践中心（所、站）平台，完善科普资源共享机制。'
  UNION ALL SELECT 'INFRASTRUCTURE', 1, '加强对科普基础设施建设的统筹规划与宏观指导', '加强对科普基础设施建设的统筹规划与宏观指导。将科普基础设施建设纳入云溪区国民经济和社会发展规划，推行科普基础设施建设管理规范化、标准化，建立健全分级评价制度。建立完善社会资金投入科普基础设施建设的优惠政策，引导和扶持企业、社会组织及个人参与兴办、建设、资助科普基础设施建设。建设完善科普展览等资源共享机制。'
  UNION ALL SELECT 'INFRASTRUCTURE', 2, '创新现代科技馆体系', '创新现代科技馆体系。积极探索重大工程项目建设特色科技场馆，开发利用长岭炼化、巴陵石化工业遗产和闲置淘汰生产设施，建设科技基地，引导和扶持企业参与兴办、建设、资助科普基础设施建设。推动优质展览数字化转化和配套网络资源建设，实现科普资源线上线下双向互动、多渠道传播。'
  UNION ALL SELECT 'INFRASTRUCTURE', 3, '大力加强科普基地建设', '大力加强科普基地建设。探索“科普+教育+旅游+产业”科普推广模式，构建动态管理和长效激励机制。鼓励和支持自然资源、生态环境、交通运输、文旅广电、卫生健康、应急管理、市场监管、农业农村、水利、林业、消防等行业或部门建立科普（教育、研学）基地，探索建立区域或行业科普教育基地联合体、共同体，提高科普服务能力。推进图书馆、文化馆等公共设施开展科普活动，拓展科普服务功能。引导和促进白泥湖国家湿地公园、清溪省级森林公园、医院、电影院等公共场所强化科普教育服务功能。到2025年，新认定区级科普旅游教育基地、科普示范基地5个以上。'
  UNION ALL SELECT 'GRASSROOTS', 1, '建立应急科普宣教协同机制', '建立应急科普宣教协同机制。坚持经常性宣传教育与集中式应急宣传相统一，完善突发事件应急公众整体规划和协调机制。针对不同人群开发、储备和传播优质应急科普内容，有效开展传染病防治、防灾减灾、应急避险、消防安全等主题科普宣教活动，全面推进应急科普知识进农村、进社区、进学校、进家庭。突发事件状态下，各级各部门密切协作，统筹力量直达基层开展应急科普，及时做好政策解读、知识普及和舆情引导等工作。'
  UNION ALL SELECT 'GRASSROOTS', 2, '健全基层科普服务体系', '健全基层科普服务体系。构建以新时代文明实践中心（所、站）、党群服务中心、社区服务中心（站）等为阵地，以志愿服务为重要手段的基层科普服务体系。健全镇（街道）及村（社区）等基层科普组织，切实发挥基层科协、学校、医疗卫生、农业技术推广等组织科技志愿服务队和科技志愿者的作用；加强科普信息员队伍建设，提升科普传播能力。'
  UNION ALL SELECT 'GRASSROOTS', 3, '实施基层科普服务能力提升工程', '实施基层科普服务能力提升工程。加强基层科普设施建设，积极拓展科普服务功能，探索建立基层科普展览展示资源共享机制。深入开展全国科普日、科技活动周、防灾减灾日等科普主题活动，以知识宣讲、技能培训、案例解读、模拟演练等多种形式，增进公众对科技发展的了解和支持。'
  UNION ALL SELECT 'TALENT', 1, '加强科普人才培养体系建设', '加强科普人才培养体系建设。落实国家和省中长期科技、教育、人才发展规划纲要，将科普人才发展纳入各类人才发展规划。依托学会、科普组织、科普场馆、科技团体等培养科普人才。完善动员激励机制，推动将科普工作实绩列入科技人员职称评聘条件。针对食品、药品、特种设备等方面开展安全基础知识培训，建立科普人才队伍，丰富科普形式，加大科普宣传力度。'
  UNION ALL SELECT 'TALENT', 2, '加强专职科普队伍建设', '加强专职科普队伍建设。大力发展科普基地、科技出版、新媒体科普、科普研究等领域专职科普人才队伍。结合科学教育和课外科普活动，重点在中小学校、科普场馆、青少年宫等建立专职青少年科技辅导员队伍。依托基层各类组织，动员科技特派员、大学生村官、农村致富带头人、气象信息员、中小学教师和科技志愿者等担任科普宣传员，实现乡村、社区科普宣传员全覆盖。积极推进科学传播专业技术职称评定工作，加强专职科普人才队伍建设。'
  UNION ALL SELECT 'TALENT', 3, '加强科技志愿者队伍建设', '加强科技志愿者队伍建设。结合新时代文明实践中心（所、站）和党群服务中心建设，组织动员科研人员、教师、媒体从业者、学生、社区工作者等参与科技志愿服务，线上持续开展全民科普“公益星计划”活动。建立完善科技志愿服务管理制度，推进科技志愿服务制度化、规范化、常态化。'
  UNION ALL SELECT 'TALENT', 4, '提升科技工作者科普能力', '提升科技工作者科普能力。让科技工作者成为科学家精神的践行者和弘扬者。通过宣传教育、能力培训、榜样示范等增强科技人员的科普能力，推动将科普工作纳入业绩考核，调动科技工作者参与科普工作的积极性。'
  UNION ALL SELECT 'TALENT', 5, '推进执业规范、多元激励等制度建设', '推进执业规范、多元激励等制度建设。贯彻落实《湖南省人力资源和社会保障厅关于公布全省新增高级职称评审委员会的通知》等文件精神，推动科普人才列入各级各类人才奖励和资助计划。'
) x
JOIN plan_section s ON s.plan_id = @plan AND s.code = x.section_code;

INSERT INTO indicator (plan_id, section_id, code, name, unit, target, target_basis, measure, population_group, base_level,
                       base_types, proxy_measure, method, source_text, lead_unit_id, sort_order, created_at)
SELECT @plan, s.id, x.code, x.name, x.unit, x.target, x.basis, x.measure, x.grp, x.lvl, x.types, x.proxy, x.method, x.src, u.id, x.sort_order, CURRENT_TIMESTAMP(3)
FROM (
  SELECT 'OVERALL' AS section_code, 'SCIENCE_LITERACY_RATE' AS code, '全区公民具备科学素质的比例' AS name, '%' AS unit, 15 AS target, 'PERIOD' AS basis, 'MANUAL' AS measure, CAST(NULL AS CHAR(200)) AS grp, CAST(NULL AS CHAR(200)) AS lvl, CAST(NULL AS CHAR(200)) AS types, 'SELF_TEST_PASS_RATE' AS proxy, '公民科学素质抽样调查结果，由区科协按调查报告录入并经区纲要办审核；旁附参与者自测通过率（非调查结果）' AS method, '到2025年，全区公民具备科学素质的比例超过15%' AS src, 'KX' AS lead_code, 1 AS sort_order
  UNION ALL SELECT 'FARMER', 'FARMER_TECH_STAFF_TRAINED', '培训农技人员', '人次', 50, 'PERIOD', 'PERSON_TIMES', NULL, NULL, NULL, NULL, '标注本指标的培训活动签到人次之和', '“十四五”期间培训农技人员50人次', 'NYNCJ', 2
  UNION ALL SELECT 'FARMER', 'HIGH_QUALITY_FARMERS', '培训高素质农民', '人', 500, 'PERIOD', 'DISTINCT_PERSONS', NULL, NULL, NULL, NULL, '标注本指标的培训活动签到人员，按人去重（同一人多次参训计一人）', '“十四五”期间培训……高素质农民500人以上', 'NYNCJ', 3
  UNION ALL SELECT 'FARMER', 'DEMO_COOPERATIVES', '创建市级以上示范合作社', '个', 2, 'PERIOD', 'MANUAL', NULL, NULL, NULL, NULL, '区农业农村局按认定文件录入，附认定文件', '创建市级以上示范合作社和家庭农场各2家', 'NYNCJ', 4
  UNION ALL SELECT 'FARMER', 'DEMO_FAMILY_FARMS', '创建市级以上示范家庭农场', '个', 2, 'PERIOD', 'MANUAL', NULL, NULL, NULL, NULL, '区农业农村局按认定文件录入，附认定文件', '创建市级以上示范合作社和家庭农场各2家', 'NYNCJ', 5
  UNION ALL SELECT 'FARMER', 'GREEN_FOOD_CERTIFICATIONS', '新增“两品一标”产品认证', '个', 2, 'PERIOD', 'MANUAL', NULL, NULL, NULL, NULL, '区农业农村局按认证证书录入，附证书', '新增“两品一标”产品认证2个以上', 'NYNCJ', 6
  UNION ALL SELECT 'FARMER', 'OFFICER_COVERAGE', '科普信息员覆盖率', '%', 90, 'PERIOD', 'OFFICER_COVERAGE', NULL, NULL, NULL, NULL, '有至少一名活跃科普信息员（近90天内分享过内容或开展过活动）的村（社区）数 ÷ 全部村（社区）数', '“十四五”期间科普信息员覆盖率达到90%以上', 'NYNCJ', 7
  UNION ALL SELECT 'WORKER', 'SKILLS_TRAINING_PERSONS', '就业技能培训和职业技能提升培训人数', '人', 4000, 'PERIOD', 'DISTINCT_PERSONS', NULL, NULL, NULL, NULL, '标注本指标的培训签到人员，按人去重', '开展就业技能培训和职业技能提升培训，培训人数不少于4000人', 'RSJ', 8
  UNION ALL SELECT 'WORKER', 'MIGRANT_WORKER_TRAINING_YEARLY', '新生代农民工免费职业技能培训（每年）', '人', 300, 'YEARLY', 'DISTINCT_PERSONS', NULL, NULL, NULL, NULL, '当年标注本指标的免费培训签到人员，按人去重，每年单独计', '对新生代农民工开展免费职业技能培训每年不少于300人', 'RSJ', 9
  UNION ALL SELECT 'WORKER', 'SUBSIDISED_TRAINING_PERSON_TIMES', '补贴性职业技能培训', '人次', 4000, 'PERIOD', 'PERSON_TIMES', NULL, NULL, NULL, NULL, '标注本指标的补贴性培训签到人次之和', '开展各类补贴性职业技能培训4000人次以上', 'RSJ', 10
  UNION ALL SELECT 'WORKER', 'NEW_SKILLED_TALENT', '新增技能人才', '人', 1000, 'PERIOD', 'MANUAL', NULL, NULL, NULL, NULL, '区人社局按职业技能等级认定名册录入，附名册', '新增技能人才1000人', 'RSJ', 11
  UNION ALL SELECT 'INFRASTRUCTURE', 'NEW_DISTRICT_BASES', '新认定区级科普旅游教育基地、科普示范基地', '个', 5, 'PERIOD', 'BASES_ACCREDITED', NULL, 'DISTRICT', 'TOURISM_EDUCATION,DEMONSTRATION', NULL, '科普基地名录中，规划期内认定的区级科普旅游教育基地和科普示范基地个数', '到2025年，新认定区级科普旅游教育基地、科普示范基地5个以上', 'KGJ', 12
  UNION ALL SELECT 'TALENT', 'PROMOTER_COVERAGE', '乡村和社区科普宣传员覆盖率', '%', 100, 'PERIOD', 'PROMOTER_COVERAGE', NULL, NULL, NULL, NULL, '有至少一名在册科普宣传员的村（社区）数 ÷ 全部村（社区）数', '实现乡村、社区科普宣传员全覆盖', 'XCB', 13
) x
JOIN plan_section s ON s.plan_id = @plan AND s.code = x.section_code
JOIN org_unit u ON u.code = x.lead_code;
