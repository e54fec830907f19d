/**
 * 课程: step-by-step courses for elders (smartphone skills, preventing fraud). A course holds ordered lessons; a
 * lesson holds ordered steps (a large picture, one or two short sentences, optional narration) and ends with 1–3
 * practice questions of the bank.
 * <ul>
 *   <li>Entry points: {@code CourseController} → {@code CourseService} (residents: list, lesson, progress, practice,
 *       completion, certificate); {@code CourseAdminController} → {@code CourseAdminService} (staff: editor,
 *       publication by a second person, links to offline classes); {@code CourseArtController} serves the drawings
 *       and the sample narration shipped with the server ({@code art:<file>} images and recordings).</li>
 *   <li>{@code CourseCompletions} records a finished lesson (in the app, or by attending a linked class) and issues
 *       the certificate when the last lesson is done.</li>
 *   <li>{@code CoursePersonalData} is the {@code courses} section of "export my data" (progress, finished lessons,
 *       certificates); account deletion erases the same three.</li>
 *   <li>Publishes {@code ParticipationRecorded} (kind COURSE_LESSON, a lesson finished in the app). Listens to
 *       {@code ParticipationRecorded} (counted attendance of a linked class) and {@code ResidentDeleted}. Asks
 *       {@code event.EventOrganisers} which unit runs a class before linking it (staff link their own unit's).</li>
 * </ul>
 */
package cn.yunxi.kepu.course;
