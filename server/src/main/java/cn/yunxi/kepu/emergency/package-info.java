/**
 * 应急科普: emergencies the district publishes to the whole district or chosen towns/villages, a banner in the
 * mini-program until the resident has read it, and a WeChat subscribe message to subscribed residents of the target.
 * <ul>
 *   <li>Entry points: {@code EmergencyAdminController} → {@code EmergencyTemplateService} (pre-approved texts) and
 *       {@code EmergencyAdminService} (publish from a template with a typed confirmation, free text approved by a
 *       second district admin, end early, audit and delivery counts); {@code EmergencyController} →
 *       {@code EmergencyResidentService} (the resident's active emergencies, read receipts, subscribing).</li>
 *   <li>{@code EmergencyJobs} runs {@code EmergencySender} every few seconds: notices are claimed by a conditional
 *       update, then one acceptance is spent, then WeChat is called once.</li>
 *   <li>Reads residents' villages through {@code ResidentService}, towns through {@code RegionService}.</li>
 *   <li>Publishes nothing. Listens to {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.emergency;
