package cn.yunxi.kepu.emergency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param templateId WeChat subscribe-message template id (KEPU_EMERGENCY_TEMPLATE_ID) with the keywords thing1 (标题),
 *                   thing2 (内容摘要) and time3 (结束时间); blank: no messages are sent, residents see the banner only
 * @param noticePage mini-program page the message opens (the banner shows on every page)
 */
@ConfigurationProperties("kepu.emergency")
record EmergencyProperties(String templateId, String noticePage) {

    EmergencyProperties {
        templateId = templateId == null || templateId.isBlank() ? null : templateId.strip();
        noticePage = noticePage == null || noticePage.isBlank() ? "pages/index/index" : noticePage;
    }
}
