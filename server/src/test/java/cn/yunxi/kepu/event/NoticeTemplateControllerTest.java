package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NoticeTemplateControllerTest {

    @Test
    void blankOrMissingTemplatesAreNotOffered() {
        EventProperties properties = new EventProperties(
                Map.of(NoticeTemplate.REMINDER, "tmpl-r", NoticeTemplate.WAITLIST, "  "), null, null);
        // Listing never touches the quota store, so no mapper is needed here.
        NoticeTemplateController controller = new NoticeTemplateController(properties, new Notices(null, Clock.systemUTC()));

        assertThat(controller.templates())
                .containsExactly(new NoticeTemplateController.NoticeTemplateView(NoticeTemplate.REMINDER, "tmpl-r"));
        assertThat(new NoticeTemplateController(new EventProperties(null, null, null), null).templates()).isEmpty();
    }
}
