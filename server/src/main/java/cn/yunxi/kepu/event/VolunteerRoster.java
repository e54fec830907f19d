package cn.yunxi.kepu.event;

/**
 * Port through which the event feature asks whether a resident is an approved science volunteer (for
 * volunteer-only events). The volunteer feature implements it, so events never depend on volunteers.
 */
public interface VolunteerRoster {

    boolean isApprovedVolunteer(long residentId);
}
