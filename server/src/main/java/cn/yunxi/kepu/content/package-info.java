/**
 * 科普内容: articles and videos, their review, the residents' feed, reading, likes, comments and sharing.
 * <ul>
 *   <li>Entry points: {@code ContentController} → {@code ContentFeedService}, {@code InteractionService},
 *       {@code CommentService}; {@code ContentAdminController} → {@code ContentAdminService}, {@code CommentService};
 *       {@code SyndicationController} (feeds for other platforms); {@code ContentScheduler} publishes scheduled items.
 *       Uploaded files in a body are {@code media:<key>} references, resolved for readers by {@code BodyMedia}.</li>
 *   <li>Hot path: {@code ContentCache} (rendered feed pages and items in Redis and in process, one version key).</li>
 *   <li>Publishes {@code ContentChanged} (to its own cache), {@code ContentRead}, {@code ContentShared},
 *       {@code SharedContentOpened} and {@code ParticipationRecorded} (a completed read).</li>
 *   <li>Listens to {@code ContentChanged} and {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.content;
