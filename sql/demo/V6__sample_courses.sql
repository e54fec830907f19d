-- Two sample courses written for 云溪区's 智慧助老 classes, with drawings shipped with the server (art:<file>): the
-- district keeps, edits or replaces them. Their practice questions, and the scenario questions of the home page's
-- anti-fraud corner (“这条短信可信吗？”, topic 短信辨别), are sample questions of the practice pool.

INSERT INTO quiz_question (type, stem, options_json, answer, explanation, difficulty, topics, audience_groups,
    benchmark_no, status, pool, sample_data, created_at, updated_at) VALUES
  ('SINGLE', '想和孩子视频聊天，第一步应该怎么做？', '["打开微信，点孩子的名字", "打开相机拍照", "打开短信", "拨打 114 查号"]', '0',
   '视频通话在微信里：先打开微信，点孩子的名字进入聊天页面。', 1, '智能手机', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '在聊天页面里，“视频通话”在哪里？', '["右下角的“＋”号里", "左上角的返回键", "孩子的头像里", "手机的设置里"]', '0',
   '点聊天页面右下角的“＋”号，就能看到“视频通话”。', 1, '智能手机', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('TRUE_FALSE', '视频通话说完了，点红色的按钮就能挂断。', '["正确", "错误"]', '0',
   '红色按钮是挂断，挂断后就不再用流量了。', 1, '智能手机', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('TRUE_FALSE', '自称“客服”的人让您打开屏幕共享、按他说的操作退款，可以照做。', '["正确", "错误"]', '1',
   '正规客服不会让您共享屏幕或转账。挂断电话，到官方 App 里自己查。', 1, '防范诈骗', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '接到说要给您“退款”“理赔”的电话，应该怎么做？', '["挂断后，通过官方电话或 App 核实", "按对方说的下载软件", "把收到的验证码告诉对方", "先交一笔保证金"]', '0',
   '凡是要验证码、要下载软件、要先交钱的，都是诈骗。', 1, '防范诈骗', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('TRUE_FALSE', '“点赞刷单、日赚 500”是正规的兼职。', '["正确", "错误"]', '1',
   '刷单本身违法。先给小返利，再让您垫付大额“任务款”，钱就要不回来了。', 1, '防范诈骗', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '有人推荐“保本保息、年收益 20%”的养老项目，应该怎么做？', '["不轻信，先和子女商量，向官方核实", "赶紧把存款投进去", "借钱来投", "介绍亲友一起参加"]', '0',
   '“保本高息”是非法集资的常见说法。不轻信、不转账，拿不准就拨打 96110。', 1, '防范诈骗', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '短信：“您的医保卡已被冻结，请点击 http://yb-jd.cc 解冻。”这条短信可信吗？', '["可信，马上点链接", "不可信，这是诈骗短信"]', '1',
   '医保部门不会发链接让您“解冻”。不点陌生链接，有疑问打官方电话问。', 1, '短信辨别', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '短信：“【云溪区人民医院】您预约的明天上午 9 点的门诊，请按时就诊。”您没有预约过，这条短信可信吗？', '["不确定，打医院官方电话问一问", "回复短信里的验证码确认"]', '0',
   '自己没预约过的通知要核实。核实要打医院的官方电话，不要回复验证码。', 2, '短信辨别', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '短信：“妈，我换号了，急用钱，先转 5000 到这个卡上，别告诉爸。”这条短信可信吗？', '["可信，孩子急用要马上转", "不可信，先打孩子原来的号码核实"]', '1',
   '冒充子女借钱是常见骗局。先用原来的号码打给孩子，或问问其他家人。', 1, '短信辨别', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3)),
  ('SINGLE', '短信：“恭喜您获得养老补贴 3000 元，请先缴 200 元手续费领取。”这条短信可信吗？', '["可信，交了手续费就能领", "不可信，领补贴不用先交钱"]', '1',
   '政府发补贴不会让您先交钱。要先交钱的“中奖”“补贴”都是诈骗。', 1, '短信辨别', 'ELDERLY', 9, 'ACTIVE', 'PRACTICE', TRUE, NOW(3), NOW(3));

INSERT INTO course (title, summary, topic, cover_image, status, sample_data, published_at, created_at, updated_at) VALUES
  ('用微信和子女视频通话', '（样例课程）一步一步学会在微信里和孩子视频聊天：找到孩子、打开视频、说完挂断。', 'SMARTPHONE',
   'art:cover-video-call.svg', 'PUBLISHED', TRUE, NOW(3), NOW(3), NOW(3)),
  ('识别和防范冒充客服、刷单、养老投资诈骗', '（样例课程）三类最常见的骗局，看图认清套路。记住：不听、不信、不转账，拿不准就打 96110。', 'ANTI_FRAUD',
   'art:cover-anti-fraud.svg', 'PUBLISHED', TRUE, NOW(3), NOW(3), NOW(3));

SET @video = (SELECT id FROM course WHERE sample_data AND title = '用微信和子女视频通话');
SET @fraud = (SELECT id FROM course WHERE sample_data AND title = '识别和防范冒充客服、刷单、养老投资诈骗');

INSERT INTO course_lesson (course_id, position, title) VALUES
  (@video, 1, '找到要通话的孩子'),
  (@video, 2, '打开视频，说完挂断'),
  (@fraud, 1, '冒充客服“退款”'),
  (@fraud, 2, '刷单返利'),
  (@fraud, 3, '养老投资和“免费讲座”');

INSERT INTO course_step (lesson_id, position, image, caption)
SELECT l.id, s.position, s.image, s.caption FROM course_lesson l JOIN (
            SELECT @video AS course_id, 1 AS lesson, 1 AS position, 'art:wechat-video-1.svg' AS image, '打开微信，找到孩子的名字。点一下名字，进入聊天页面。' AS caption
  UNION ALL SELECT @video, 1, 2, 'art:wechat-video-2.svg', '在聊天页面右下角，找到圆圈里的“＋”号，点一下。'
  UNION ALL SELECT @video, 2, 1, 'art:wechat-video-3.svg', '在弹出的选项里，点绿色的“视频通话”。'
  UNION ALL SELECT @video, 2, 2, 'art:wechat-video-4.svg', '再点一次“视频通话”，等孩子接听就能看到对方。'
  UNION ALL SELECT @video, 2, 3, 'art:wechat-video-5.svg', '说完了，点红色的按钮挂断。'
  UNION ALL SELECT @fraud, 1, 1, 'art:fraud-call.svg', '陌生电话自称“快递客服”“电商客服”，说要给您退款或理赔。'
  UNION ALL SELECT @fraud, 1, 2, 'art:fraud-sms.svg', '对方让您点链接、下载软件、说验证码或共享屏幕，这就是骗局。'
  UNION ALL SELECT @fraud, 1, 3, 'art:call-96110.svg', '马上挂断，到官方 App 里自己查。拿不准就拨打 96110。'
  UNION ALL SELECT @fraud, 2, 1, 'art:fraud-task.svg', '有人拉您进群，说“点赞、刷单就能赚钱”。'
  UNION ALL SELECT @fraud, 2, 2, 'art:fraud-money.svg', '先给几块钱甜头，再让您垫付大额“任务款”，钱就要不回来了。'
  UNION ALL SELECT @fraud, 3, 1, 'art:fraud-invest.svg', '“保本高息”“投资养老公寓”“以房养老”，都要多加小心。'
  UNION ALL SELECT @fraud, 3, 2, 'art:fraud-gift.svg', '免费讲座、送鸡蛋送米，最后推销“理财”产品，是常见套路。'
  UNION ALL SELECT @fraud, 3, 3, 'art:call-96110.svg', '不轻信、不转账，先和子女商量。有疑问就拨打 96110。'
) s ON s.course_id = l.course_id AND s.lesson = l.position;

INSERT INTO course_practice (lesson_id, position, question_id)
SELECT l.id, p.position, q.id FROM course_lesson l JOIN (
            SELECT @video AS course_id, 1 AS lesson, 1 AS position, '想和孩子视频聊天，第一步应该怎么做？' AS stem
  UNION ALL SELECT @video, 1, 2, '在聊天页面里，“视频通话”在哪里？'
  UNION ALL SELECT @video, 2, 1, '视频通话说完了，点红色的按钮就能挂断。'
  UNION ALL SELECT @fraud, 1, 1, '自称“客服”的人让您打开屏幕共享、按他说的操作退款，可以照做。'
  UNION ALL SELECT @fraud, 1, 2, '接到说要给您“退款”“理赔”的电话，应该怎么做？'
  UNION ALL SELECT @fraud, 2, 1, '“点赞刷单、日赚 500”是正规的兼职。'
  UNION ALL SELECT @fraud, 3, 1, '有人推荐“保本保息、年收益 20%”的养老项目，应该怎么做？'
) p ON p.course_id = l.course_id AND p.lesson = l.position
JOIN quiz_question q ON q.sample_data AND q.stem = p.stem;
