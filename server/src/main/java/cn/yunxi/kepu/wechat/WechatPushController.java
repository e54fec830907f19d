package cn.yunxi.kepu.wechat;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.PublicEndpoints;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's message push (消息推送, JSON format, safe mode): the GET handshake echoes {@code echostr}; POSTs carry
 * AES-encrypted events, opened with WxJava's message crypto after checking {@code msg_signature}, which covers the
 * ciphertext. {@code wxa_media_check} becomes a {@link MediaCheckCompleted} event. Every call must be fresh (its
 * timestamp within five minutes of now) and signed with the configured token; plaintext pushes, and any push while
 * no token or EncodingAESKey is configured, are refused.
 */
@RestController
@RequestMapping("/api/v1/wechat/push")
@Hidden
class WechatPushController {

    private static final Logger log = LoggerFactory.getLogger(WechatPushController.class);

    private final WechatContentSecurity security;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    WechatPushController(WechatContentSecurity security, ApplicationEventPublisher events, JsonMapper json) {
        this.security = security;
        this.events = events;
        this.json = json;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> handshake(@RequestParam(required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        if (!security.pushSignatureValid(signature, timestamp, nonce) || !security.pushFresh(timestamp)) {
            return ResponseEntity.status(403).body("invalid signature");
        }
        return ResponseEntity.ok(echostr == null ? "" : echostr);
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   @RequestBody JsonNode envelope) {
        // Safe mode only: a plaintext push's signature covers token, timestamp and nonce but not the body.
        if (!"aes".equals(encryptType) || !security.pushFresh(timestamp)) {
            return ResponseEntity.status(403).body("invalid signature");
        }
        Optional<String> opened = security.openPush(msgSignature, timestamp, nonce,
                envelope.path("Encrypt").asString(null));
        if (opened.isEmpty()) {
            return ResponseEntity.status(403).body("invalid signature");
        }
        JsonNode body;
        try {
            body = json.readTree(opened.get());
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body("bad message");
        }
        if ("wxa_media_check".equals(body.path("Event").asString(""))) {
            String traceId = body.path("trace_id").asString("");
            String suggest = body.path("result").path("suggest").asString("");
            JsonNode label = body.path("result").path("label");
            if (!traceId.isEmpty() && !suggest.isEmpty()) {
                events.publishEvent(new MediaCheckCompleted(traceId, suggest, label.isNumber() ? label.asInt() : null));
            }
        } else {
            log.debug("WeChat push event ignored");
        }
        return ResponseEntity.ok("success");
    }

    @Bean
    static PublicEndpoints wechatPushEndpoint() {
        return () -> List.of("/api/v1/wechat/push");
    }
}
