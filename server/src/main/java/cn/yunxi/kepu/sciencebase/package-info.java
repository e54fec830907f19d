/**
 * 科普基地: accredited science bases, the residents' list by distance, and geofenced on-site check-in.
 * <ul>
 *   <li>Entry points: {@code ScienceBaseController} → {@code ScienceBaseService}; the plan's figures read
 *       accredited bases through {@code AccreditedBaseService}.</li>
 *   <li>Publishes {@code ParticipationRecorded} (a base visit). Listens to {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.sciencebase;
