package cn.yunxi.kepu.content;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Cleans staff-written rich text against an allow-list (jsoup {@link Safelist}): formatting, lists, tables, images,
 * audio/video and links stay; scripts, styles, event handlers, {@code javascript:}/{@code data:} URLs and forms go.
 * Iframes survive only with an https src on an allow-listed host (or a subdomain of one) and no user info.
 * Uploaded files are referenced as {@code media:<key>} (see {@link BodyMedia}).
 */
final class RichTextSanitizer {

    private final Safelist safelist;
    private final List<String> iframeHosts;

    RichTextSanitizer(List<String> iframeHosts) {
        this.iframeHosts = iframeHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.safelist = Safelist.relaxed()
                .addTags("hr", "figure", "figcaption", "video", "audio", "source", "iframe", "section")
                .addAttributes("video", "src", "poster", "controls", "width", "height")
                .addAttributes("audio", "src", "controls")
                .addAttributes("source", "src", "type")
                .addAttributes("iframe", "src", "width", "height", "allowfullscreen", "frameborder")
                .addAttributes(":all", "class")
                .addProtocols("img", "src", "https", "http", "media")
                .addProtocols("video", "src", "https", "media")
                .addProtocols("video", "poster", "https", "media")
                .addProtocols("audio", "src", "https", "media")
                .addProtocols("source", "src", "https", "media")
                .addProtocols("iframe", "src", "https")
                .addProtocols("a", "href", "https", "http", "mailto", "tel")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");
    }

    String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, "", safelist, output);
        Document doc = Jsoup.parseBodyFragment(cleaned);
        doc.outputSettings(output);
        for (Element iframe : doc.select("iframe")) {
            if (!allowedEmbed(iframe.attr("src"))) {
                iframe.remove();
            } else {
                iframe.attr("sandbox", "allow-scripts allow-same-origin allow-presentation");
            }
        }
        return doc.body().html();
    }

    /** Plain text of sanitised HTML, for reading-time estimates and feed descriptions. */
    static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }

    private boolean allowedEmbed(String src) {
        try {
            URI uri = URI.create(src);
            String host = uri.getHost();
            // user info ("https://evil.example@v.qq.com/") is never needed by a player and only hides where the
            // link points, so such a source is refused whatever host follows it
            if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return iframeHosts.stream().anyMatch(allowed -> h.equals(allowed) || h.endsWith("." + allowed));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
