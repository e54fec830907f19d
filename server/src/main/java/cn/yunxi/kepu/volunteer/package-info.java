/**
 * 科技志愿者: residents apply, the district or town admin approves, and service hours come from attendance at
 * volunteer-service events.
 * <ul>
 *   <li>Entry points: {@code VolunteerController} → {@code VolunteerService}; {@code VolunteerService} implements
 *       the event feature's {@code VolunteerRoster}, through which signups for volunteer events check volunteers.</li>
 *   <li>Publishes nothing. Listens to {@code AttendanceConfirmed} (service hours) and {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.volunteer;
