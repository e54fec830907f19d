package cn.yunxi.kepu.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Lists are shared by every test class (one database for the whole run), so a test looks for its own rows on every
 * page of a list rather than expecting them on the first.
 */
public final class Pages {

    private static final int SIZE = 100;

    private Pages() {
    }

    /** Every item of a paged list ({@code {"items": [...], "total": n}}), {@code path} with or without a query. */
    public static List<JsonNode> all(ApiClient api, String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            ApiClient.Response response = api.get(path + separator + "size=" + SIZE + "&page=" + page, token);
            if (response.status() != 200) {
                throw new AssertionError("GET " + path + " page " + page + ": " + response);
            }
            JsonNode body = response.json();
            body.path("items").forEach(items::add);
            if (body.path("items").size() < SIZE || (body.has("total") && items.size() >= body.path("total").asLong())) {
                return items;
            }
        }
    }

    /** The ids of every item of a paged list. */
    public static List<Long> ids(ApiClient api, String path, String token) {
        return all(api, path, token).stream().map(item -> item.path("id").asLong()).toList();
    }
}
