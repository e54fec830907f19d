/**
 * 纲要指标: the plan (sections, tasks, indicators), the ledger of participation, the figures and dashboards
 * officials read, manual entries, unit reports and exports.
 * <ul>
 *   <li>Entry points: {@code PlanController} → {@code PlanService}, {@code DashboardService},
 *       {@code DrillDownService}, {@code ManualEntryService}, {@code UnitReportService}, {@code ExportService};
 *       other features call {@code IndicatorCatalogService} to validate indicator tags.</li>
 *   <li>Hot path: {@code ParticipationLedgerService} applies published records, a batch at a time through
 *       {@code ParticipationBatchWriter}, into the aggregates of {@code AggregateRepository}; {@code LedgerRows}
 *       normalises a record for both paths.</li>
 *   <li>Publishes only {@code DeferredParticipations}, to itself: what a batch applied in its publisher's
 *       transaction leaves to the per-record path. Listens to {@code ParticipationRecorded} (after commit, through
 *       the registry) and {@code ParticipationsRecorded} (synchronously, in the publisher's transaction), and to
 *       {@code ResidentDeleted} ({@code PersonLabelRepository} labels that resident's records as a deleted
 *       account's).</li>
 * </ul>
 */
package cn.yunxi.kepu.indicator;
