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
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\" data:text/html,x\">x</a>",
            "<a href=\"&#100;ata:text/html,x\">x</a>",
            "<a href=\"data&colon;text/html,x\">x</a>",
            "<a href=\"\tdata:text/html,x\">x</a>",
            "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            "<object data=\"data:text/html,x\"></object>"})
    void removesXss(String payload) {
        String cleaned = sanitizer.clean("<p>正文</p>" + payload).toLowerCase();
        assertThat(cleaned).doesNotContain("<script", "javascript:", "vbscript:", "onerror", "onload", "onclick",
                "ontoggle", "evil.example.com", "srcdoc", "<object", "<embed", "<form", "<meta", "data:", "<svg");
        assertThat(cleaned).contains("正文");
    }

    /** Embeds from hosts that only look like an allowed one, or hide another host in the URL, are dropped. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://v.qq.com.evil.com/txp/iframe/player.html",
            "https://evilv.qq.com/x",
            "https://v.qq.com@evil.com/x",
            "https://v.qq.com:443@evil.com/x",
            "https://user:pass@evil.com/v.qq.com",
            "https://evil.com\\@v.qq.com/x",
            "https://evil.com#@v.qq.com",
            "https://evil.com?v.qq.com",
            "https://evil.com/v.qq.com",
            "https://v.qq.com%2eevil.com/x",
            "https://v%2eqq%2ecom/x",
            "http://v.qq.com/x",
            "//v.qq.com/x",
            "https:v.qq.com/x",
            "javascript://v.qq.com/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>"})
    void dropsEmbedsFromLookAlikeHosts(String src) {
        String cleaned = sanitizer.clean("<p>正文</p><iframe src=\"" + src + "\"></iframe>");
        assertThat(cleaned).doesNotContain("<iframe").contains("正文");
    }

    /** User info in an allowed embed URL is refused too: a reader cannot see where such a link really points. */
    @Test
    void dropsAnAllowedHostWithUserInfo() {
        assertThat(sanitizer.clean("<iframe src=\"https://evil.com@v.qq.com/x\"></iframe>")).doesNotContain("<iframe");
        assertThat(sanitizer.clean("<iframe src=\"https://x.v.qq.com/y\"></iframe>")).contains("<iframe",
                "src=\"https://x.v.qq.com/y\"");
        assertThat(sanitizer.clean("<iframe src=\"HTTPS://V.QQ.COM/y\"></iframe>")).contains("<iframe");
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

    @Test
    void keepsReferencesToUploadedFilesButNoOtherUnknownScheme() {
        String html = "<p><img src=\"media:s/3/content-image/a.png\" alt=\"图\"></p>"
                + "<video src=\"media:s/3/content-video/v.mp4\" poster=\"media:s/3/content-image/p.png\" controls></video>"
                + "<img src=\"file:///etc/passwd\"><img src=\"media-evil:x\">";
        String cleaned = sanitizer.clean(html);
        assertThat(cleaned).contains("src=\"media:s/3/content-image/a.png\"", "src=\"media:s/3/content-video/v.mp4\"",
                "poster=\"media:s/3/content-image/p.png\"").doesNotContain("file:", "media-evil");
        assertThat(BodyMedia.keys(cleaned)).containsExactly("s/3/content-image/a.png", "s/3/content-video/v.mp4",
                "s/3/content-image/p.png");
    }

    @Test
    void readersGetFreshUrlsInPlaceOfReferences() {
        String body = "<p>看图</p><img src=\"media:s/3/content-image/a.png\"><img src=\"media:s/3/gone.png\">"
                + "<img src=\"https://cdn.example.cn/b.jpg\">";
        String resolved = BodyMedia.resolve(body, key -> key.equals("s/3/content-image/a.png")
                ? "https://oss.example.cn/s/3/content-image/a.png?Signature=x&Expires=1" : null);
        assertThat(resolved).contains("src=\"https://oss.example.cn/s/3/content-image/a.png?Signature=x&amp;Expires=1\"",
                "src=\"https://cdn.example.cn/b.jpg\"", "<p>看图</p>").doesNotContain("media:");
        assertThat(BodyMedia.resolve("<p>无图</p>", key -> "never")).isEqualTo("<p>无图</p>");
    }
}
