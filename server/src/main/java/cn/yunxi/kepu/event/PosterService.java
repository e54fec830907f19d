package cn.yunxi.kepu.event;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.wechat.WechatCodes;

/**
 * The event's mini-program code for posters (scene {@code e=<id>}), generated once: later calls return the
 * stored one. The key is fixed per event, so two staff generating at once write the same object.
 */
@Service
class PosterService {

    static final int WIDTH = 430;

    private final EventMapper events;
    private final EventCatalog catalog;
    private final WechatCodes codes;
    private final ObjectProvider<PosterStorage> storage;
    private final EventProperties properties;

    PosterService(EventMapper events, EventCatalog catalog, WechatCodes codes, ObjectProvider<PosterStorage> storage,
                  EventProperties properties) {
        this.events = events;
        this.catalog = catalog;
        this.codes = codes;
        this.storage = storage;
        this.properties = properties;
    }

    record PosterCode(String key, String url, boolean generated) {
    }

    PosterCode code(EventSnapshot event) {
        PosterStorage store = storage.getIfAvailable();
        if (store == null) {
            throw new ApiException(EventErrors.POSTER_STORAGE_UNAVAILABLE);
        }
        String existing = event.event().getWxacodeKey();
        if (existing != null) {
            return new PosterCode(existing, store.url(existing), false);
        }
        String key = "events/" + event.id() + "/wxacode.png";
        byte[] png = codes.unlimited("e=" + event.id(), properties.wxacodePage(), WIDTH);
        store.put(key, png, "image/png");
        events.setWxacodeKey(event.id(), key);
        catalog.invalidate(event.id());
        return new PosterCode(key, store.url(key), true);
    }
}
