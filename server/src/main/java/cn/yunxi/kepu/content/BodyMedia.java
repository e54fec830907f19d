package cn.yunxi.kepu.content;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Uploaded files inside a rich-text body are stored as {@code media:<key>} references (img/video/audio/source src,
 * video poster), never as URLs: object storage is private and its signed URLs expire, so a URL written into the body
 * would stop working hours after publication. Readers get the body with fresh signed URLs in their place.
 */
final class BodyMedia {

    static final String SCHEME = "media:";
    private static final String SELECTOR = "[src^=media:], [poster^=media:]";

    private BodyMedia() {
    }

    /** The keys a body refers to, in order of appearance. */
    static Set<String> keys(String html) {
        Set<String> keys = new LinkedHashSet<>();
        if (html == null || !html.contains(SCHEME)) {
            return keys;
        }
        for (Element element : Jsoup.parseBodyFragment(html).select(SELECTOR)) {
            for (String attribute : new String[] {"src", "poster"}) {
                String value = element.attr(attribute);
                if (value.startsWith(SCHEME)) {
                    keys.add(value.substring(SCHEME.length()));
                }
            }
        }
        return keys;
    }

    /** The body with every reference replaced by {@code urlOf(key)}; a reference without a URL is dropped. */
    static String resolve(String html, Function<String, String> urlOf) {
        if (html == null || !html.contains(SCHEME)) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings(new Document.OutputSettings().prettyPrint(false));
        for (Element element : doc.select(SELECTOR)) {
            for (String attribute : new String[] {"src", "poster"}) {
                String value = element.attr(attribute);
                if (value.startsWith(SCHEME)) {
                    String url = urlOf.apply(value.substring(SCHEME.length()));
                    if (url == null) {
                        element.removeAttr(attribute);
                    } else {
                        element.attr(attribute, url);
                    }
                }
            }
        }
        return doc.body().html();
    }
}
