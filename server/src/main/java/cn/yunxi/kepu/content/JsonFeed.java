package cn.yunxi.kepu.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), the subset this feed writes. A record rather than a
 * map so the OpenAPI document describes what a channel receives, with the feed's own snake_case names.
 */
@Schema(description = "JSON Feed 1.1")
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                @JsonProperty("feed_url") String feedUrl, String language, List<Item> items) {

    /** {@code image} and {@code date_published} are left out when the item has none, as the format asks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    record Item(String id, String url, String title, String summary, @JsonProperty("content_text") String contentText,
                String image, @JsonProperty("date_published") String datePublished, List<String> tags) {
    }
}
