-- Illustrative articles so a fresh system shows a feed. Written for this project as illustrations, not official
-- advice. The emergency item stays pinned for a week after it is loaded, then ends like any real alert.

INSERT INTO content_item (type, status, title, summary, body_html, length_seconds, emergency, emergency_until,
                          sample_data, publish_at, published_at, created_at, updated_at) VALUES
('ARTICLE', 'PUBLISHED', '化工园区应急避险：听到警报怎么办',
 '云溪有大型石化园区。听到应急警报时，关窗闭户、逆风转移、听从广播指挥，是保护自己和家人的关键。',
 '<h2>听到警报先别慌</h2><p>园区发生泄漏等事故时，会通过警报、广播和短信发布信息。请立即关闭门窗和空调新风，用湿毛巾捂住口鼻。</p><h2>往哪里走</h2><p>观察风向，向上风向或侧风向转移，不要往低洼处躲避。听从村（社区）和园区工作人员指挥。</p><h2>不要做的事</h2><ul><li>不围观、不靠近事故现场</li><li>不轻信、不转发未经证实的消息</li></ul>',
 180, TRUE, NOW(3) + INTERVAL 7 DAY, TRUE, '2025-01-06 09:00:00.000', '2025-01-06 09:00:00.000', '2025-01-06 09:00:00.000', '2025-01-06 09:00:00.000'),
('ARTICLE', 'PUBLISHED', '汛期防汛避险常识',
 '长江沿岸汛期雨多水急，提前了解转移路线、准备应急包，遇险时保持冷静。',
 '<p>汛期要关注气象和水位预警，提前熟悉就近的避险安置点。准备好饮用水、手电筒、常用药和证件。</p><p>遇到洪水时向高处转移，不要涉水过河，不要靠近电线杆和变压器。</p>',
 150, FALSE, NULL, TRUE, '2025-01-05 09:00:00.000', '2025-01-05 09:00:00.000', '2025-01-05 09:00:00.000', '2025-01-05 09:00:00.000'),
('ARTICLE', 'PUBLISHED', '手机防诈骗：这几类电话要当心',
 '冒充客服退款、冒充公检法、“刷单返利”都是常见骗局，记住“不听、不信、不转账”。',
 '<p>凡是要求您转账到“安全账户”的，都是诈骗。接到可疑电话，先挂断，再向家人或社区求证，也可以拨打 96110 咨询。</p>',
 120, FALSE, NULL, TRUE, '2025-01-04 09:00:00.000', '2025-01-04 09:00:00.000', '2025-01-04 09:00:00.000', '2025-01-04 09:00:00.000'),
('ARTICLE', 'PUBLISHED', '水稻病虫害绿色防控要点',
 '用好生物防治和物理防治，少用农药也能保产量。',
 '<p>推广性诱剂、杀虫灯等物理防治手段，保护天敌，在病虫害达到防治指标时再精准用药。</p>',
 200, FALSE, NULL, TRUE, '2025-01-03 09:00:00.000', '2025-01-03 09:00:00.000', '2025-01-03 09:00:00.000', '2025-01-03 09:00:00.000'),
('ARTICLE', 'PUBLISHED', '青少年趣味科学实验：会“跳舞”的盐粒',
 '用一张保鲜膜和一只碗，就能看见声音的振动。',
 '<p>把保鲜膜绷紧在碗口，撒上少许盐粒，在旁边敲锅或大声说话，盐粒会随声音跳动：声音是物体的振动产生的。</p>',
 90, FALSE, NULL, TRUE, '2025-01-02 09:00:00.000', '2025-01-02 09:00:00.000', '2025-01-02 09:00:00.000', '2025-01-02 09:00:00.000'),
('ARTICLE', 'PUBLISHED', '产业工人安全生产：有限空间作业“先通风、再检测、后作业”',
 '有限空间中毒窒息事故多发，牢记作业前的三个步骤。',
 '<p>进入储罐、管道、污水井等有限空间前，必须先通风，再检测氧气和有毒气体浓度，合格后在监护下作业。</p>',
 160, FALSE, NULL, TRUE, '2025-01-01 09:00:00.000', '2025-01-01 09:00:00.000', '2025-01-01 09:00:00.000', '2025-01-01 09:00:00.000');

INSERT INTO content_item_topic (content_id, topic)
SELECT id, 'EMERGENCY' FROM content_item WHERE sample_data AND title IN ('化工园区应急避险：听到警报怎么办', '汛期防汛避险常识')
UNION ALL SELECT id, 'CHEMICAL' FROM content_item WHERE sample_data AND title IN ('化工园区应急避险：听到警报怎么办', '产业工人安全生产：有限空间作业“先通风、再检测、后作业”')
UNION ALL SELECT id, 'ANTI_FRAUD' FROM content_item WHERE sample_data AND title = '手机防诈骗：这几类电话要当心'
UNION ALL SELECT id, 'AGRICULTURE' FROM content_item WHERE sample_data AND title = '水稻病虫害绿色防控要点'
UNION ALL SELECT id, 'SCIENCE' FROM content_item WHERE sample_data AND title = '青少年趣味科学实验：会“跳舞”的盐粒'
UNION ALL SELECT id, 'SKILLS' FROM content_item WHERE sample_data AND title = '产业工人安全生产：有限空间作业“先通风、再检测、后作业”';

INSERT INTO content_item_audience (content_id, population_group)
SELECT id, 'ELDERLY' FROM content_item WHERE sample_data AND title IN ('手机防诈骗：这几类电话要当心', '汛期防汛避险常识')
UNION ALL SELECT id, 'FARMER' FROM content_item WHERE sample_data AND title IN ('水稻病虫害绿色防控要点', '汛期防汛避险常识')
UNION ALL SELECT id, 'YOUTH' FROM content_item WHERE sample_data AND title = '青少年趣味科学实验：会“跳舞”的盐粒'
UNION ALL SELECT id, 'INDUSTRIAL_WORKER' FROM content_item WHERE sample_data AND title IN ('产业工人安全生产：有限空间作业“先通风、再检测、后作业”', '化工园区应急避险：听到警报怎么办');

INSERT INTO content_item_section (content_id, section_code)
SELECT id, 'INFORMATIZATION' FROM content_item WHERE sample_data
UNION ALL SELECT id, 'FARMER' FROM content_item WHERE sample_data AND title = '水稻病虫害绿色防控要点'
UNION ALL SELECT id, 'YOUTH' FROM content_item WHERE sample_data AND title = '青少年趣味科学实验：会“跳舞”的盐粒'
UNION ALL SELECT id, 'WORKER' FROM content_item WHERE sample_data AND title = '产业工人安全生产：有限空间作业“先通风、再检测、后作业”'
UNION ALL SELECT id, 'ELDERLY' FROM content_item WHERE sample_data AND title = '手机防诈骗：这几类电话要当心';
