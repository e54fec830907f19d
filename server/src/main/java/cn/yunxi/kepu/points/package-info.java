/**
 * 积分: the points ledger, balances and daily caps.
 * <ul>
 *   <li>Entry points: {@code PointsController} → {@code PointsService}, the only writer of the ledger; other
 *       features call {@code PointsService#award}/{@code awardEach}.</li>
 *   <li>Hot path: {@code awardEach} writes a whole batch of awards through {@code PointsLedgerBatchWriter} and
 *       {@code PointsTotalsBatchWriter}.</li>
 *   <li>Publishes nothing. Listens to {@code ParticipationRecorded}/{@code ParticipationsRecorded}
 *       ({@code ParticipationPoints}: reading and attendance earn points).</li>
 * </ul>
 */
package cn.yunxi.kepu.points;
