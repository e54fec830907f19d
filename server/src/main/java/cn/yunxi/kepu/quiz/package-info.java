/**
 * 答题: daily quizzes, practice, contests and the 基准 self-test; the question bank and its Excel import,
 * attempts and grading, leaderboards and certificates.
 * <ul>
 *   <li>Entry points: {@code QuizController} → {@code QuizCatalog}, {@code AttemptService},
 *       {@code PracticeService}, {@code LeaderboardService}, {@code CertificateService};
 *       {@code QuizAdminController} → {@code QuizAdminService}, {@code QuestionBankService},
 *       {@code QuestionImportService}, {@code LeaderboardService}; {@code QuizScope} keeps a town's contests to its
 *       own villages; {@code AttemptSweeper} closes overdue attempts ({@code QuizJobs} runs it on a schedule).</li>
 *   <li>Hot path: submit ({@code AnswersRequest.Reader} → {@code SubmissionBatcher} → {@code AttemptFinisher} →
 *       {@code QuizBatchWriter}), start ({@code PaperDrawer} from the in-memory pool of {@code QuestionBankService},
 *       {@code QuestionSnapshotRepository}), and the leaderboard ({@code LeaderboardService} over
 *       {@code RedisLeaderboard}, {@code RecentTops}, {@code LeaderboardRenderer}; key layout in
 *       {@code LeaderboardKey}).</li>
 *   <li>Publishes {@code ParticipationsRecorded} (a batch of graded attempts; the indicator ledger applies it in the
 *       grading transaction).</li>
 *   <li>Listens to {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.quiz;
