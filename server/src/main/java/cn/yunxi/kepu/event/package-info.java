/**
 * 活动与培训: events and their sessions, signup (also by proxy for villagers), seats and waitlist, check-in,
 * attendance and subscribe-message notices.
 * <ul>
 *   <li>Entry points: {@code EventController} → {@code EventBrowseService}, {@code SignupService},
 *       {@code AttendanceService}, {@code HelperCheckinService}; {@code EventAdminController} →
 *       {@code EventAdminService} (with {@code EventScope}: a town's events for its own people), {@code RosterService},
 *       {@code PosterService}, {@code HelperCheckinService}, {@code VenueCountRepository} (the venue screen's count);
 *       {@code EventOptionsController} (kinds and indicator tags for the console's form);
 *       {@code EventOfficerService} (officers who organise an event); {@code OrganiserController} (the
 *       mini-program's organiser mode) → {@code OrganiserBindingService}, {@code VenueCodes}, {@code WalkInService},
 *       {@code OfflineSyncService} and the admin services above; {@code NoticeTemplateController} → {@code Notices}; {@code EventJobs} (reminders,
 *       sending notices, settling attendance).</li>
 *   <li>Hot path: {@code SignupRefusalFilter} (refuses a full or closed event before Spring MVC),
 *       {@code SeatAllocator} (signups of one event combined into one transaction), {@code EventCatalog} (events
 *       cached for a moment), {@code CheckinTokens}.</li>
 *   <li>Publishes {@code ParticipationRecorded} and {@code AttendanceConfirmed} when attendance is credited, and
 *       {@code ParticipationRecorded} of kind {@code OFFICER_ACTIVITY} when an officer organised a finished event or
 *       checked in as a helper. Asks the officer feature ({@code OfficerActivityService.approved}) who is an
 *       officer.</li>
 *   <li>Listens to {@code ResidentDeleted} and {@code StaffAccountDisabled} (ends organiser bindings).</li>
 * </ul>
 */
package cn.yunxi.kepu.event;
