/**
 * Small, stable building blocks every feature uses: web errors and paging, security (tokens, current user),
 * crypto for personal data, the clock, rate limits, distances ({@code geo}), the participation events
 * ({@code ParticipationRecorded}, {@code ParticipationsRecorded}) and the demo data: its loading after the
 * migrations and the switch ({@code DemoDataProperties}) that decides whether residents and figures see sample
 * rows. An open module: its sub-packages are public API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.yunxi.kepu.common;
