/**
 * 行政区划: the 云溪区 towns and villages/communities, with population, kept in memory (sample villages of the demo
 * data only while sample material is shown to residents; staff always see them, marked).
 * <ul>
 *   <li>Entry points: {@code RegionController} (residents' tree) and {@code RegionAdminController} (staff tree,
 *       the Excel import of villages: {@code RegionImportService} with {@code RegionWorkbook}) → {@code RegionService};
 *       every feature reads regions through {@code RegionService}.</li>
 *   <li>An import bumps {@code region_revision}; each instance reloads its copy when it sees a new revision.</li>
 *   <li>Publishes and listens to no events.</li>
 * </ul>
 */
package cn.yunxi.kepu.region;
