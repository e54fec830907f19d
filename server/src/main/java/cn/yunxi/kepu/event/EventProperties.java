package cn.yunxi.kepu.event;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param noticeTemplates WeChat subscribe-message template ids per {@link NoticeTemplate} (REMINDER, WAITLIST,
 *                        CHANGE); a template left blank is not sent (its notices are recorded as SKIPPED). The
 *                        templates must have the keywords thing1 (活动名称), time2 (时间), thing3 (地点), thing4 (说明).
 * @param noticePage      mini-program page the messages open, with {@code {id}} for the event id
 * @param wxacodePage     page the posters' mini-program code opens (it receives {@code scene=e=<id>})
 */
@ConfigurationProperties("kepu.event")
record EventProperties(Map<NoticeTemplate, String> noticeTemplates, String noticePage, String wxacodePage) {

    EventProperties {
        wxacodePage = wxacodePage == null || wxacodePage.isBlank() ? "pages/event/detail" : wxacodePage;
        noticeTemplates = noticeTemplates == null ? Map.of() : Map.copyOf(noticeTemplates);
        noticePage = noticePage == null || noticePage.isBlank() ? "pages/event/detail?id={id}" : noticePage;
    }

    String template(NoticeTemplate template) {
        String id = noticeTemplates.get(template);
        return id == null || id.isBlank() ? null : id;
    }
}
