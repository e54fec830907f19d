package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RichTextSanitizerTest {

    private final RichTextSanitizer sanitizer = new RichTextSanitizer(List.of("v.qq.com"));

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<svg/onload=alert(1)>",
            "<body onload=alert(1)>",
            "<iframe src=\"https://evil.example.com/x\"></iframe>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<details open ontoggle=alert(1)>",
            "<video><source onerror=\"alert(1)\"></video>",
            "<p onclick=\"alert(1)\">点我</p>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<a href=\"vbscript:msgbox(1)\">x</a>"})
    void removesXss(String payload) {
        String cleaned = sanitizer.clean("<p>正文</p>" + payload).toLowerCase();
        assertThat(cleaned).doesNotContain("<script", "javascript:", "vbscript:", "onerror", "onload", "onclick",
                "ontoggle", "evil.example.com", "srcdoc", "<object", "<embed", "<form", "<meta", "data:image", "<svg");
        assertThat(cleaned).contains("正文");
    }

    @Test
    void keepsFormattingImagesAndAllowListedEmbeds() {
        String html = "<h2>标题</h2><p><strong>加粗</strong><a href=\"https://kepu.example.cn\">链接</a></p>"
                + "<img src=\"https://cdn.example.cn/a.jpg\" alt=\"图\"><iframe src=\"https://v.qq.com/txp/iframe/player.html?vid=x\"></iframe>";
        String cleaned = sanitizer.clean(html);
        assertThat(cleaned).contains("<h2>标题</h2>", "<strong>加粗</strong>", "href=\"https://kepu.example.cn\"",
                "rel=\"noopener noreferrer nofollow\"", "src=\"https://cdn.example.cn/a.jpg\"",
                "src=\"https://v.qq.com/txp/iframe/player.html?vid=x\"", "sandbox=");
    }
}
