-- Narration for every step of the two sample courses: Mandarin read by a speech synthesiser (espeak-ng, voice cmn)
-- from the step's caption, shipped with the server next to the drawings (art:sample-<course>-<lesson>-<step>.mp3,
-- classpath:course-art/). Sample material like the courses themselves: sql/demo/sample_narration.py makes the files
-- again from the captions, and a district replaces them with its own recordings in the course editor.

UPDATE course_step s
  JOIN course_lesson l ON l.id = s.lesson_id
  JOIN course c ON c.id = l.course_id
SET s.narration_key = CONCAT('art:sample-',
                             CASE c.title WHEN '用微信和子女视频通话' THEN 'video' ELSE 'fraud' END,
                             '-', l.position, '-', s.position, '.mp3')
WHERE c.sample_data
  AND c.title IN ('用微信和子女视频通话', '识别和防范冒充客服、刷单、养老投资诈骗')
  AND s.narration_key IS NULL;
