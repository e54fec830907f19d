package cn.yunxi.kepu.wechat;

import java.util.List;

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

/**
 * WeChat's message push (消息推送, JSON format, plaintext mode): the GET handshake echoes {@code echostr}; POSTs carry
 * events. {@code wxa_media_check} becomes a {@link MediaCheckCompleted} event. Every call must carry a valid
 * signature made with the configured push token; without a token configured, pushes are refused.
 */
@RestController
@RequestMapping("/api/v1/wechat/push")
@Hidden
class WechatPushController {

    private static final Logger log = LoggerFactory.getLogger(WechatPushController.class);

    private final WechatContentSecurity security;
    private final ApplicationEventPublisher events;

    WechatPushController(WechatContentSecurity security, ApplicationEventPublisher events) {
        this.security = security;
        this.events = events;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> handshake(@RequestParam(required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        if (!security.pushSignatureValid(signature, timestamp, nonce)) {
            return ResponseEntity.status(403).body("invalid signature");
        }
        return ResponseEntity.ok(echostr == null ? "" : echostr);
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestBody JsonNode body) {
        if (!security.pushSignatureValid(signature, timestamp, nonce)) {
            return ResponseEntity.status(403).body("invalid signature");
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
