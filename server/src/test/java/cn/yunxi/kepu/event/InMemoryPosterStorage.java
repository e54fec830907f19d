package cn.yunxi.kepu.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Test stand-in for the media feature's storage adapter (built on another branch), behind the event feature's
 * own port. WeChat itself is faked at the HTTP level.
 */
@Component
class InMemoryPosterStorage implements PosterStorage {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
    }

    @Override
    public String url(String key) {
        return "https://files.test/" + key;
    }

    byte[] get(String key) {
        return objects.get(key);
    }
}
