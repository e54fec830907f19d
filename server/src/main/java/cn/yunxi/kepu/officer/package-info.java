/**
 * 科普信息员与宣传员: residents who serve their village or community, their approval by the town, their activity
 * and reach, and the coverage of villages the plan counts.
 * <ul>
 *   <li>Entry points: {@code OfficerController} → {@code OfficerService} (applications, review, reach),
 *       {@code OfficerReachService} (readers by village) and {@code OfficerShareCodeService} (share-poster
 *       codes, through the wechat and media features); other features call
 *       {@code OfficerActivityService} (activity, share opens) and {@code OfficerCoverageService} (the plan's
 *       coverage figures).</li>
 *   <li>Publishes nothing. Listens to {@code ParticipationRecorded}/{@code ParticipationsRecorded} (officer
 *       activities), {@code ContentShared} and {@code SharedContentOpened} (in {@code ContentShareActivity}) and
 *       {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.officer;
