package cn.yunxi.kepu.officer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.content.ContentShared;
import cn.yunxi.kepu.content.SharedContentOpened;

/**
 * Content shares keep an officer active, and opens through their share links are their reach. Both arrive as
 * the content feature's events, so neither feature knows the other's tables. A share by a resident who is not
 * an officer is ignored by {@link OfficerActivityService#record}.
 */
@Component
class ContentShareActivity {

    private final OfficerActivityService activities;

    ContentShareActivity(OfficerActivityService activities) {
        this.activities = activities;
    }

    @ApplicationModuleListener
    void on(ContentShared shared) {
        activities.record(shared.sharerResidentId(), shareKey(shared.shareId()), OfficerActivityService.Kind.SHARE,
                shared.contentTitle(), shared.sharedAt().toLocalDate());
    }

    @ApplicationModuleListener
    void on(SharedContentOpened opened) {
        activities.recordShareOpen(shareKey(opened.shareId()), opened.openerResidentId());
    }

    static String shareKey(long shareId) {
        return "share:" + shareId;
    }
}
